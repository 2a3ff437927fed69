//! One `#[tauri::command]` per entry of `brygga_app::with_commands!`, each only forwarding to the
//! same-named function in `brygga_app::commands`, and the handler that registers them all.

use brygga_app::commands::types::*;
use brygga_app::{App, IpcError};

macro_rules! tauri_commands {
    ($($name:ident($request:ty) -> $response:ty;)*) => {
        $(
            #[tauri::command]
            pub async fn $name(
                app: tauri::State<'_, App>,
                req: $request,
            ) -> Result<$response, IpcError> {
                brygga_app::commands::$name(&app, req).await
            }
        )*

        /// The invoke handler with every command of the list.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

brygga_app::with_commands!(tauri_commands);
