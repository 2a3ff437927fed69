//! The desktop notifications the sync runner raises (a failed flow, calls that gave up), shown
//! through the notification plugin from Rust. The webview is given no notification permission: only
//! the runner notifies, in the words it chose.

use brygga_app::runner::{Notification, Notifier};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

/// Shows the runner's notifications on the desktop.
pub struct DesktopNotifier<R: Runtime> {
    handle: AppHandle<R>,
}

impl<R: Runtime> DesktopNotifier<R> {
    pub fn new(handle: AppHandle<R>) -> Self {
        DesktopNotifier { handle }
    }
}

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn notify(&self, notification: Notification) {
        let shown = self
            .handle
            .notification()
            .builder()
            .title(&notification.title)
            .body(&notification.body)
            .show();
        if let Err(err) = shown {
            tracing::warn!("a desktop notification could not be shown: {err}");
        }
    }
}
