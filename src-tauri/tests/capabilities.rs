//! The main window may call Brygga's own commands and nothing else: the capability file grants exactly
//! one `allow-<command>` per entry of the command list, and no core or plugin permission.

use std::collections::BTreeSet;

#[test]
fn the_main_window_is_granted_exactly_the_command_list() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/capabilities/default.json"
    ))
    .expect("capabilities/default.json exists");
    let capability: serde_json::Value =
        serde_json::from_str(&text).expect("the capability file is JSON");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions is a list")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are plain identifiers")
                .to_owned()
        })
        .collect();
    let expected: BTreeSet<String> = brygga_app::commands::COMMAND_NAMES
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "every command is granted and nothing else, so the webview can do no more than the list"
    );
    assert_eq!(
        capability["windows"],
        serde_json::json!(["main"]),
        "only the main window is granted anything"
    );
}

#[test]
fn the_content_security_policy_allows_no_remote_content() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json")).unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set, not null");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let local = source.starts_with('\'')
                || matches!(source, "ipc:" | "data:" | "http://ipc.localhost");
            assert!(
                local,
                "{directive} allows {source}; only the app itself and its IPC may be sources"
            );
        }
    }
    assert_eq!(
        csp["default-src"], "'self'",
        "anything not listed falls back to the app's own files"
    );
    assert_eq!(
        config["app"]["withGlobalTauri"], false,
        "no global Tauri object for injected scripts to find"
    );
}
