//! Diagnostic logging for developers and support: a daily rolling file plus, when asked, stderr.
//!
//! The merchant-facing history is the sync log in the database; these files are for finding bugs. They
//! roll daily and keep two weeks. `BRYGGA_LOG` (or `RUST_LOG`) sets the filter. Secrets cannot reach
//! them because they are `Sensitive` values, which never format as their content.

use std::io;
use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Log files kept before the oldest is removed: two weeks of daily files.
const KEPT_FILES: usize = 14;

/// Our crates at debug, everything else at info.
const DEFAULT_FILTER: &str = "info,brygga=debug,brygga_app=debug,brygga_core=debug,\
brygga_store=debug,brygga_sync=debug,brygga_ongoing=debug,brygga_starweb=debug,brygga_sim=debug,\
brygga_desktop=debug";

/// Keeps the background log writer alive; logs written just before exit are flushed when it drops.
#[derive(Debug)]
pub struct LogGuard(#[allow(dead_code)] Option<WorkerGuard>);

/// The filter from `BRYGGA_LOG`, else `RUST_LOG`, else the default.
pub fn filter() -> EnvFilter {
    EnvFilter::try_from_env("BRYGGA_LOG")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
}

/// The rolling file appender in `log_dir` (created if missing): `brygga.YYYY-MM-DD.log`.
pub fn file_appender(log_dir: &Path) -> io::Result<RollingFileAppender> {
    std::fs::create_dir_all(log_dir)?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("brygga")
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(log_dir)
        .map_err(io::Error::other)
}

/// Installs the global subscriber: the rolling file in `log_dir`, and stderr when `to_stderr`.
///
/// A log folder that cannot be created is not fatal: Brygga keeps running and logs to stderr only.
pub fn init(log_dir: &Path, to_stderr: bool) -> LogGuard {
    let (file_layer, guard, file_problem) = match file_appender(log_dir) {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            (Some(layer(writer)), Some(guard), None)
        }
        Err(err) => (None, None, Some(err)),
    };
    let stderr_layer = (to_stderr || file_problem.is_some()).then(|| layer(io::stderr));
    let installed = tracing_subscriber::registry()
        .with(filter())
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    if let Some(err) = file_problem {
        tracing::warn!(log_dir = %log_dir.display(), "log folder unusable, logging to stderr only: {err}");
    }
    if installed.is_err() {
        tracing::debug!("a log subscriber was already installed; keeping it");
    }
    LogGuard(guard)
}

/// One formatting layer over the given writer; the same shape for the file and for stderr.
pub fn layer<S, W>(
    writer: W,
) -> tracing_subscriber::fmt::Layer<
    S,
    tracing_subscriber::fmt::format::DefaultFields,
    tracing_subscriber::fmt::format::Format,
    W,
>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(true)
}
