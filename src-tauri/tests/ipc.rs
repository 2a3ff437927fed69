//! The shell's wiring on Tauri's mock runtime: commands are registered, reachable through IPC, and
//! answer with what `brygga-app` computed. Needs no display.

use brygga_app::App;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin; other origins count as remote and are refused.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::from(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<serde_json::Value>().unwrap())
}

fn mock_app(data_dir: &std::path::Path) -> tauri::App<tauri::test::MockRuntime> {
    brygga_desktop::builder(mock_builder(), App::for_testing(data_dir))
        .build(mock_context(noop_assets()))
        .expect("the shell builds on the mock runtime")
}

#[test]
fn app_info_answers_through_ipc_with_the_schema_version_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let app = mock_app(dir.path());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();

    let info = invoke(&window, "app_info", serde_json::json!({ "req": {} }))
        .expect("app_info is registered through the generated handler");
    assert_eq!(
        info["database"]["schemaVersion"],
        serde_json::json!(brygga_store::SCHEMA_VERSION),
        "the UI reads the schema version under camelCase names, as the bindings declare"
    );
    assert_eq!(
        info["dataDir"],
        serde_json::json!(dir.path().display().to_string())
    );
}

#[test]
fn an_unknown_command_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = mock_app(dir.path());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let refused = invoke(&window, "delete_everything", serde_json::json!({}));
    assert!(
        refused.is_err(),
        "only commands from the list exist: {refused:?}"
    );
}

#[test]
fn a_release_command_without_connections_fails_with_a_code_the_ui_branches_on() {
    let dir = tempfile::tempdir().unwrap();
    let app = mock_app(dir.path());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let error = invoke(
        &window,
        "release_overview",
        serde_json::json!({ "req": {} }),
    )
    .expect_err("there is no warehouse to ask");
    assert_eq!(
        error["code"], "notConfigured",
        "errors cross IPC as {{code, message}}: {error}"
    );
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "the message says what is missing: {error}"
    );
}

#[test]
fn the_dashboard_answers_through_ipc_and_no_runner_runs_before_going_live() {
    let dir = tempfile::tempdir().unwrap();
    let app = mock_app(dir.path());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let board = invoke(&window, "dashboard", serde_json::json!({ "req": {} }))
        .expect("dashboard is registered and reads only the store");
    assert_eq!(
        board["live"], false,
        "a fresh installation is not live: {board}"
    );
    assert_eq!(
        board["runnerActive"], false,
        "the shell's set-up starts the runner only once live: {board}"
    );
    assert_eq!(
        board["connections"][0]["state"], "notConfigured",
        "no connection is saved yet: {board}"
    );
    let refused = invoke(
        &window,
        "run_flow_now",
        serde_json::json!({ "req": { "flow": "orders" } }),
    )
    .expect_err("running a flow before going live would set the first-sync baseline");
    assert_eq!(refused["code"], "validation", "{refused}");
}
