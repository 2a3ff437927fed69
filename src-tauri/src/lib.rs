//! Brygga's desktop shell: a window over the React UI and the commands of `brygga-app`, and nothing
//! else. It parses the command line, starts logging, allows one instance per user, registers the
//! generated command wrappers, starts the background sync runner once Brygga is live (handing it the
//! desktop notifications) and stops it on exit. Business logic lives below it, so [`builder`] also
//! runs on Tauri's mock runtime in tests.

mod ipc;
mod notify;

use std::path::PathBuf;

use brygga_app::App;
use clap::Parser;
use tauri::{Manager, Runtime};

/// Options the desktop app accepts on its command line.
#[derive(Debug, Parser)]
#[command(name = "brygga-desktop", version, about = "Brygga desktop app")]
struct Options {
    /// The folder of the database and logs (default: the platform's app-data folder).
    #[arg(long, env = brygga_app::paths::DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Use the simulated shop and warehouse, with data kept apart from the real installation.
    #[arg(long, env = "BRYGGA_DEMO")]
    demo: bool,
}

/// Adds Brygga's state and commands to a Tauri builder of any runtime, and on set-up hands the sync
/// runner its notifier and starts it if Brygga is live.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, app: App) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_notification::init())
        .manage(app)
        .invoke_handler(ipc::handler())
        .setup(|tauri_app| {
            let state = tauri_app.state::<App>();
            brygga_app::runner::set_notifier(
                &state,
                std::sync::Arc::new(notify::DesktopNotifier::new(tauri_app.handle().clone())),
            );
            // Entered for the runner to spawn its task on the app's runtime.
            tauri::async_runtime::block_on(async { brygga_app::runner::ensure_running(&state) });
            Ok(())
        })
}

/// Starts the desktop app; returns when the last window closes.
pub fn run() {
    let options = Options::parse();
    let (app, _logs) = match App::launch(options.data_dir, options.demo, cfg!(debug_assertions)) {
        Ok(launched) => launched,
        Err(err) => {
            eprintln!("brygga-desktop: {err}");
            std::process::exit(1);
        }
    };
    // Demo mode brings its own shop and warehouse and keeps them busy while the window is open.
    let _live_demo = options.demo.then(|| {
        tauri::async_runtime::block_on(brygga_app::demo::start_live(
            &app,
            std::time::Duration::from_secs(5),
        ))
        .inspect_err(|err| tracing::error!("the demo systems did not start: {err}"))
        .ok()
    });
    // Single-instance comes first: two processes must never run two schedulers on one database.
    let single_instance = tauri_plugin_single_instance::init(|handle, _argv, _cwd| {
        if let Some(window) = handle.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.set_focus();
        }
    });
    let result = builder(tauri::Builder::default().plugin(single_instance), app)
        .build(tauri::generate_context!())
        .map(|desktop| {
            desktop.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    // The call in flight finishes and is recorded before the process ends.
                    tauri::async_runtime::block_on(brygga_app::runner::stop(
                        &handle.state::<App>(),
                    ));
                }
            });
        });
    if let Err(err) = result {
        tracing::error!("the desktop app stopped: {err}");
        eprintln!("brygga-desktop: {err}");
        std::process::exit(1);
    }
}
