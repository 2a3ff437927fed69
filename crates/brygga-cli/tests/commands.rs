//! The sync commands as a merchant or a server script runs them: the real binary against both
//! simulators on loopback, secrets from environment variables (no keychain on this machine), a real
//! database in a temporary folder, exit codes and messages.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use brygga_sim::demo::{start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::OngoingSim;
use brygga_sim::server::SimServer;
use brygga_sim::starweb::StarwebSim;

struct Systems {
    shop: StarwebSim,
    shop_server: SimServer,
    warehouse: OngoingSim,
    warehouse_server: SimServer,
}

async fn systems() -> Systems {
    let (warehouse, warehouse_server) = start_ongoing(0, 0, FaultSpec::none()).await.unwrap();
    let (shop, shop_server) = start_starweb(0, 8, 3, FaultSpec::none()).await.unwrap();
    Systems {
        shop,
        shop_server,
        warehouse,
        warehouse_server,
    }
}

/// Runs `brygga` with the simulators' secrets in the environment.
async fn brygga(systems: &Systems, dir: &Path, args: &[&str]) -> Output {
    brygga_with(systems, dir, args, &systems.warehouse.config().password).await
}

async fn brygga_with(systems: &Systems, dir: &Path, args: &[&str], password: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brygga"));
    command
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("BRYGGA_DATA_DIR")
        .env("BRYGGA_SECRETS", "environment")
        .env("BRYGGA_ONGOING_PASSWORD", password)
        .env(
            "BRYGGA_STARWEB_CLIENT_SECRET",
            &systems.shop.config().client_secret,
        )
        .stdin(Stdio::null());
    tokio::task::spawn_blocking(move || command.output().expect("the brygga binary runs"))
        .await
        .unwrap()
}

async fn connect(systems: &Systems, dir: &Path) {
    let config = systems.warehouse.config();
    let goods_owner = config.goods_owner_id.to_string();
    let ongoing_url = systems.warehouse_server.api_url();
    let out = brygga(
        systems,
        dir,
        &[
            "connect",
            "ongoing",
            "--url",
            &ongoing_url,
            "--user",
            &config.user,
            "--goods-owner-id",
            &goods_owner,
        ],
    )
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let starweb_url = systems.shop_server.api_url();
    let client_id = systems.shop.config().client_id.clone();
    let out = brygga(
        systems,
        dir,
        &[
            "connect",
            "starweb",
            "--url",
            &starweb_url,
            "--client-id",
            &client_id,
        ],
    )
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_that_is_nowhere_is_asked_for_by_name() {
    let systems = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_brygga"));
    command
        .args(["connect", "starweb", "--url", "http://127.0.0.1:9/api/v2"])
        .args(["--client-id", "x", "--data-dir"])
        .arg(dir.path())
        .env("BRYGGA_SECRETS", "environment")
        .env_remove("BRYGGA_STARWEB_CLIENT_SECRET")
        .stdin(Stdio::null());
    let out = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing secret is a usage error"
    );
    assert!(
        text(&out.stderr).contains("BRYGGA_STARWEB_CLIENT_SECRET"),
        "the message names where the secret may come from: {}",
        text(&out.stderr)
    );
    drop(systems);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_connection_test_tells_each_side_apart() {
    let systems = systems().await;
    let dir = tempfile::tempdir().unwrap();
    connect(&systems, dir.path()).await;
    let out = brygga(&systems, dir.path(), &["test-connection"]).await;
    assert!(
        out.status.success(),
        "both simulators accept their own credentials: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let out = brygga_with(
        &systems,
        dir.path(),
        &["test-connection"],
        "Xq7-not-the-password",
    )
    .await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "one side failing is a failed record"
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("warehouse: FAILED") && stdout.contains("shop: ok"),
        "the working side is not hidden by the failing one: {stdout}"
    );
    assert!(
        !stdout.contains("Xq7-not-the-password"),
        "the password is never printed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_sync_only_shows_the_plan_and_the_second_carries_it_out() {
    let systems = systems().await;
    let dir = tempfile::tempdir().unwrap();
    connect(&systems, dir.path()).await;
    let out = brygga(&systems, dir.path(), &["run"]).await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "the schedule does not start before the merchant has seen a first plan"
    );
    for mapping in ["status", "transport"] {
        let out = brygga(&systems, dir.path(), &["map", mapping, "--suggest"]).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    let out = brygga(&systems, dir.path(), &["sync", "all", "--json"]).await;
    let first: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json is JSON");
    assert_eq!(first["firstSync"], true);
    assert!(
        first["flows"][0]["planned"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "the plan lists the articles it would send"
    );
    assert_eq!(
        systems.warehouse.article_count(),
        0,
        "the first sync wrote nothing to the warehouse"
    );

    let out = brygga(&systems, dir.path(), &["sync", "all", "--json"]).await;
    let second: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json is JSON");
    assert_eq!(second["firstSync"], false);
    let articles = second["flows"][0]["planned"].as_array().map_or(0, Vec::len);
    assert!(
        articles > 0,
        "the second sync sends the articles it planned"
    );
    assert_eq!(
        systems.warehouse.article_count(),
        articles,
        "every planned article is in the warehouse, once"
    );
    let out = brygga(&systems, dir.path(), &["status", "--json"]).await;
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json is JSON");
    assert_eq!(status["outbox"]["dead"], 0, "nothing gave up");
    assert!(status["baseline"].is_string(), "the baseline is recorded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mapping_file_with_a_mistake_is_refused_with_its_line() {
    let systems = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("transport.json");
    std::fs::write(
        &file,
        "{\n  \"methods\": {\n    \"11\": {\"kind\": \"boat\"}\n  }\n}\n",
    )
    .unwrap();
    let path = file.to_string_lossy().into_owned();
    let out = brygga(
        &systems,
        dir.path(),
        &["map", "transport", "--from-file", &path],
    )
    .await;
    assert_eq!(out.status.code(), Some(2), "a bad file is a usage error");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("transport.json") && stderr.contains("line 3"),
        "the message names the file and the line: {stderr}"
    );

    let out = brygga(
        &systems,
        dir.path(),
        &[
            "map",
            "transport",
            "--shipping-method",
            "17",
            "--not-sent",
            "--to-file",
            &path,
        ],
    )
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        saved["methods"]["17"]["kind"], "notSent",
        "one entry set and written back to the file"
    );
}

#[test]
fn a_schedule_file_with_a_bad_window_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schedule.json");
    std::fs::write(
        &file,
        r#"{"orders": {"kind": "every", "minutes": 5, "window": {"days": ["mon"], "from": "18:00", "to": "07:00"}}}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["schedule", "--from-file"])
        .arg(&file)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad schedule is a usage error"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("schedule.json") && stderr.contains("orders"),
        "the message names the file and the flow: {stderr}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["schedule", "--reconcile-report-only", "true", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("reports differences only"),
        "the nightly reconciliation now only reports: {}",
        text(&out.stderr)
    );
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        shown["orders"]["minutes"], 5,
        "the refused file changed nothing: the default schedule stands"
    );
}

#[test]
fn release_settings_with_an_impossible_time_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("release.json");
    std::fs::write(
        &file,
        r#"{"times": [{"days": ["mon-fri"], "at": "25:00"}]}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["release", "--settings-from-file"])
        .arg(&file)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "bad settings are a usage error");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("release.json") && stderr.contains("25:00"),
        "the message names the file and the value: {stderr}"
    );
}
