//! Where Brygga keeps its database and logs.
//!
//! The default is the platform's app-data folder under the app identifier, the same folder Tauri's
//! `app_data_dir` names, so the desktop app and the `brygga` command share one database. `--data-dir`
//! or `BRYGGA_DATA_DIR` moves everything (logs included) elsewhere, for servers, tests and demo runs.

use std::io;
use std::path::{Path, PathBuf};

use brygga_store::DATABASE_FILE_NAME;

use crate::{AppMode, ErrorCode, IpcError};

/// The desktop app's identifier; also the keychain service name and the data folder's name.
pub const APP_IDENTIFIER: &str = "se.brygga.desktop";

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "BRYGGA_DATA_DIR";

/// The data and log folders of one installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    data_dir: PathBuf,
    log_dir: PathBuf,
}

impl Paths {
    /// Chooses the folders: an explicit `--data-dir` first, then `BRYGGA_DATA_DIR`, then the
    /// platform's app-data folder. Demo mode keeps to a `demo` subfolder of the default, so sample
    /// data never mixes with the merchant's own.
    pub fn resolve(explicit: Option<PathBuf>, mode: AppMode) -> Result<Paths, IpcError> {
        let chosen = explicit.or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        if let Some(dir) = chosen {
            return Ok(Paths::in_folder(dir));
        }
        let base = dirs::data_dir().ok_or_else(|| {
            IpcError::new(
                ErrorCode::DataDirUnreadable,
                format!("no app-data folder is known for this user; pass --data-dir or set {DATA_DIR_ENV}"),
            )
        })?;
        let data_dir = base.join(APP_IDENTIFIER);
        Ok(match mode {
            AppMode::Normal => Paths {
                log_dir: platform_log_dir(&data_dir),
                data_dir,
            },
            AppMode::Demo => Paths::in_folder(data_dir.join("demo")),
        })
    }

    /// Everything in one folder, logs in its `logs` subfolder.
    pub fn in_folder(dir: impl Into<PathBuf>) -> Paths {
        let data_dir = dir.into();
        Paths {
            log_dir: data_dir.join("logs"),
            data_dir,
        }
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The folder of the rolling log files.
    pub fn log_dir(&self) -> &Path {
        &self.log_dir
    }

    /// The database file inside the data folder.
    pub fn database_file(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE_NAME)
    }

    /// Creates the data folder (owner-only on Unix) if it is missing.
    pub fn prepare_data_dir(&self) -> Result<(), IpcError> {
        create_private_dir(&self.data_dir).map_err(|err| {
            IpcError::new(
                ErrorCode::DataDirUnreadable,
                format!(
                    "the data folder {} cannot be used: {err}. Check that it is a folder you may write to, \
                     or choose another with --data-dir",
                    self.data_dir.display()
                ),
            )
        })
    }
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Where Tauri's `app_log_dir` points on each platform, so support finds the logs where it expects.
fn platform_log_dir(data_dir: &Path) -> PathBuf {
    if cfg!(target_os = "macos")
        && let Some(home) = dirs::home_dir()
    {
        return home.join("Library/Logs").join(APP_IDENTIFIER);
    }
    if cfg!(target_os = "windows")
        && let Some(local) = dirs::data_local_dir()
    {
        return local.join(APP_IDENTIFIER).join("logs");
    }
    data_dir.join("logs")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_folder_wins_and_holds_the_logs() {
        let paths = Paths::resolve(Some(PathBuf::from("/srv/brygga")), AppMode::Normal).unwrap();
        assert_eq!(
            paths.data_dir(),
            Path::new("/srv/brygga"),
            "--data-dir overrides every default"
        );
        assert_eq!(
            paths.log_dir(),
            Path::new("/srv/brygga/logs"),
            "a moved installation keeps its logs"
        );
        assert_eq!(
            paths.database_file(),
            Path::new("/srv/brygga/brygga.sqlite3")
        );
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("not-a-folder");
        std::fs::write(&file, b"x").unwrap();
        let err = Paths::in_folder(&file).prepare_data_dir().unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::DataDirUnreadable,
            "a file cannot hold the database"
        );
        assert!(
            err.message.contains(&file.display().to_string()),
            "the message names the folder: {err}"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            b"x",
            "the file in the way is left alone"
        );
    }
}
