//! What the merchant can ask Brygga to do, with no window attached.
//!
//! This crate is the composition root: it opens the local store, picks the keychain, and exposes every
//! operation the UI or the `brygga` command may call through one list in [`command_list`]. The desktop
//! shell (`src-tauri`) and the command line are thin layers over it, so every command is a plain
//! function that tests can call without Tauri. Errors cross to the UI as [`IpcError`]`{code, message}`
//! with a closed [`ErrorCode`] set; the UI never parses messages.

/// The one list of commands the UI may call, as `name(Request) -> Response;` entries.
///
/// `with_commands!` hands the list to another macro, which expands it in three places: in
/// [`commands`] into the ts-rs `Commands` schema the UI's typed `call()` is built from, in the desktop
/// shell into the `#[tauri::command]` wrappers and their registration, and in the shell's build script
/// into the permission list that capabilities grant. A command missing from one of them cannot compile.
pub mod command_list;
pub mod commands;
pub mod connections;
pub mod demo;
mod error;
mod form;
pub mod inbound;
pub mod info;
pub mod logging;
pub mod mapping;
pub mod mappings;
pub mod orders;
pub mod paths;
pub mod products;
pub mod release;
pub mod returns;
pub mod runner;
pub mod runs;
pub mod secrets;
pub mod setup;
pub mod sync;

use std::fmt;
use std::sync::Arc;

use brygga_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use error::{ErrorCode, IpcError};
pub use paths::Paths;
pub use secrets::{SecretBackend, SecretStore};

/// Set to `environment` to read secrets from environment variables instead of the keychain.
pub const SECRETS_ENV: &str = "BRYGGA_SECRETS";

/// Whether Brygga talks to the merchant's real systems or to the simulators on loopback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AppMode {
    /// The merchant's own shop and warehouse, credentials in the OS keychain.
    Normal,
    /// Simulated shop and warehouse with sample data, a separate data folder and no keychain use.
    Demo,
}

/// Everything needed to start the application layer.
#[derive(Debug)]
pub struct AppConfig {
    /// Where the database and logs live.
    pub paths: Paths,
    /// Normal or demo.
    pub mode: AppMode,
    /// The keychain, or a stand-in in demo mode and tests.
    pub secrets: Arc<dyn SecretStore>,
}

/// The running application: the store (or why it could not be opened) and the keychain.
///
/// A store that fails to open does not stop the app: the window still opens and every command that
/// needs the database answers with the reason, so the merchant sees a clear message and nothing on
/// disk is touched.
pub struct App {
    paths: Paths,
    mode: AppMode,
    store: Result<Arc<Store>, IpcError>,
    secrets: Arc<dyn SecretStore>,
    runner: runner::Runner,
    /// The shop's catalogue as last read, by the shop's API address: shared by the engines the
    /// commands and the runner build, so a screen does not read the whole catalogue per visit.
    catalogue: std::sync::Mutex<Option<(String, Arc<brygga_sync::CatalogueCache>)>>,
}

impl App {
    /// Opens the data folder and the database; failures are kept and reported by the commands.
    pub fn open(config: AppConfig) -> App {
        let store = config
            .paths
            .prepare_data_dir()
            .and_then(|()| Store::open(&config.paths.database_file()).map_err(IpcError::from))
            .map(Arc::new);
        match &store {
            Ok(_) => tracing::info!(data_dir = %config.paths.data_dir().display(), "store opened"),
            Err(problem) => {
                tracing::error!(code = ?problem.code, "store not available: {}", problem.message);
            }
        }
        App {
            paths: config.paths,
            mode: config.mode,
            store,
            secrets: config.secrets,
            runner: runner::Runner::default(),
            catalogue: std::sync::Mutex::default(),
        }
    }

    /// The database, or the reason it is not available.
    pub fn store(&self) -> Result<&Store, IpcError> {
        self.store.as_deref().map_err(Clone::clone)
    }

    /// The database as a shared handle, for the sync engine that outlives a single command.
    pub fn shared_store(&self) -> Result<Arc<Store>, IpcError> {
        self.store.clone()
    }

    /// The keychain in use.
    pub fn secrets(&self) -> &dyn SecretStore {
        self.secrets.as_ref()
    }

    /// Where the data and logs live.
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Normal or demo.
    pub fn mode(&self) -> AppMode {
        self.mode
    }

    /// The catalogue cache of the shop at `shop`; a new one when the shop changed.
    pub(crate) fn catalogue_cache(&self, shop: &str) -> Arc<brygga_sync::CatalogueCache> {
        let mut held = self
            .catalogue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match held.as_ref() {
            Some((key, cache)) if key == shop => cache.clone(),
            _ => {
                let cache = Arc::new(brygga_sync::CatalogueCache::new());
                *held = Some((shop.to_owned(), cache.clone()));
                cache
            }
        }
    }

    /// The background sync runner's state (see [`runner`]).
    pub(crate) fn runner(&self) -> &runner::Runner {
        &self.runner
    }
}

impl fmt::Debug for App {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("App")
            .field("paths", &self.paths)
            .field("mode", &self.mode)
            .field("store", &self.store.as_ref().map(|_| "open"))
            .field("secrets", &self.secrets.backend())
            .field("runner", &self.runner)
            .finish()
    }
}

impl App {
    /// Starts the application layer the way the desktop app and the `brygga` command do: resolves
    /// the folders (`--data-dir`, `BRYGGA_DATA_DIR`, or the platform default), starts logging there
    /// before anything else can log, then opens the store. Normal mode keeps secrets in the OS
    /// keychain, demo mode in process memory (demo credentials must never land in the merchant's
    /// keychain). Keep the returned guard alive as long as the app runs.
    pub fn launch(
        data_dir: Option<std::path::PathBuf>,
        demo: bool,
        log_to_stderr: bool,
    ) -> Result<(App, logging::LogGuard), IpcError> {
        let mode = if demo { AppMode::Demo } else { AppMode::Normal };
        let paths = Paths::resolve(data_dir, mode)?;
        let logs = logging::init(paths.log_dir(), log_to_stderr);
        tracing::info!(?mode, data_dir = %paths.data_dir().display(), "starting");
        let from_environment = std::env::var(SECRETS_ENV).is_ok_and(|v| v == "environment");
        let secrets: Arc<dyn SecretStore> = match mode {
            AppMode::Normal if from_environment => Arc::new(secrets::EnvironmentSecrets),
            AppMode::Normal => Arc::new(secrets::Keychain::new(paths::APP_IDENTIFIER)),
            AppMode::Demo => Arc::new(secrets::MemorySecrets::default()),
        };
        Ok((
            App::open(AppConfig {
                paths,
                mode,
                secrets,
            }),
            logs,
        ))
    }

    /// An app over a data folder with secrets in memory, for tests of the command functions.
    pub fn for_testing(data_dir: &std::path::Path) -> App {
        App::open(AppConfig {
            paths: Paths::in_folder(data_dir),
            mode: AppMode::Normal,
            secrets: Arc::new(secrets::MemorySecrets::default()),
        })
    }
}
