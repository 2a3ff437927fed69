//! `app_info` through the same function the desktop shell and the command line call.

use brygga_app::commands::{app_info, types::AppInfoRequest};
use brygga_app::{App, AppMode, ErrorCode, SecretBackend};

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

#[test]
fn a_fresh_installation_reports_the_current_schema_and_no_problems() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("brygga");
    let app = App::for_testing(&data_dir);
    let info = block_on(app_info(&app, AppInfoRequest {})).unwrap();

    assert_eq!(
        info.database.schema_version,
        Some(brygga_store::SCHEMA_VERSION),
        "a new database is migrated to the newest schema on first open"
    );
    assert_eq!(
        info.database.problem, None,
        "nothing is wrong with a fresh folder"
    );
    assert_eq!(
        info.secrets.backend,
        SecretBackend::Memory,
        "tests keep secrets in memory"
    );
    assert_eq!(info.mode, AppMode::Normal);
    assert!(
        data_dir.join("brygga.sqlite3").is_file(),
        "the missing data folder was created with the database in it"
    );
    assert_eq!(
        info.version,
        env!("CARGO_PKG_VERSION"),
        "the version is the crate's"
    );
}

#[test]
fn a_database_from_a_newer_brygga_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brygga.sqlite3");
    write_newer_database(&file);
    let before = std::fs::read(&file).unwrap();

    let app = App::for_testing(dir.path());
    let info = block_on(app_info(&app, AppInfoRequest {})).unwrap();

    let problem = info
        .database
        .problem
        .expect("a newer schema cannot be used by this version");
    assert_eq!(
        problem.code,
        ErrorCode::DatabaseNewerThanApp,
        "the UI shows the 'update Brygga' text for this code"
    );
    assert!(
        problem.message.contains(&file.display().to_string()),
        "the message names the file: {problem}"
    );
    assert_eq!(
        info.database.schema_version, None,
        "no schema is reported for a database that was not opened"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the newer database must not be changed"
    );
}

#[test]
fn a_data_folder_that_is_a_file_is_reported_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let in_the_way = dir.path().join("data");
    std::fs::write(&in_the_way, b"merchant notes").unwrap();

    let app = App::for_testing(&in_the_way);
    let info = block_on(app_info(&app, AppInfoRequest {})).unwrap();

    let problem = info
        .database
        .problem
        .expect("a file cannot serve as the data folder");
    assert_eq!(problem.code, ErrorCode::DataDirUnreadable);
    assert_eq!(
        std::fs::read(&in_the_way).unwrap(),
        b"merchant notes",
        "nothing is deleted to make room"
    );
}

/// Writes a valid Brygga database, then stamps it with a schema number beyond this version's.
fn write_newer_database(file: &std::path::Path) {
    drop(brygga_store::Store::open(file).unwrap());
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.pragma_update(None, "user_version", brygga_store::SCHEMA_VERSION + 3)
        .unwrap();
}
