//! `brygga info` as a merchant or a script runs it: the real binary, real files, exit codes and text.

use std::path::Path;
use std::process::{Command, Output};

fn brygga(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("BRYGGA_DATA_DIR")
        .output()
        .expect("the brygga binary runs")
}

#[test]
fn info_json_reports_the_schema_of_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = brygga(dir.path(), &["--demo", "info", "--json"]);
    assert!(
        out.status.success(),
        "a fresh demo folder has no problems: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    assert_eq!(
        info["database"]["schemaVersion"], info["database"]["supportedSchemaVersion"],
        "a new database is at the newest schema"
    );
    assert_eq!(info["mode"], "demo");
    assert_eq!(
        info["secrets"]["backend"], "memory",
        "demo mode never touches the merchant's keychain"
    );
    assert!(
        dir.path().join("logs").is_dir(),
        "the command logs to the data folder's logs folder"
    );
}

#[test]
fn a_corrupt_database_is_named_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brygga.sqlite3");
    let garbage = "order export 2026-11-01;1001;1002\n".repeat(200);
    std::fs::write(&file, &garbage).unwrap();

    let out = brygga(dir.path(), &["--demo", "info"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a database that cannot be read is a failure for scripts"
    );
    assert!(
        stderr.contains(&file.display().to_string()),
        "stderr names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        garbage,
        "the unreadable file is not overwritten"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_missing_keychain_is_reported_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["info", "--data-dir"])
        .arg(dir.path())
        // No session bus and no display to start one from: the Secret Service cannot be reached.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/brygga-test-bus",
        )
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "without a keychain Brygga cannot keep secrets, which info reports as a failure"
    );
    assert!(
        stderr.contains("keychain is not available"),
        "the message says what is wrong: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("schema:"),
        "the rest of the report is still printed: {stdout}"
    );
}
