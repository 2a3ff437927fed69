//! Opening real files: migration, pragmas, file mode, and every file Brygga must refuse untouched.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use brygga_store::{
    APPLICATION_ID, DATABASE_FILE_NAME, OpenOptions, SCHEMA_VERSION, Store, StoreError,
    StoreErrorKind,
};
use rusqlite::Connection;
use tempfile::TempDir;

fn data_folder() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder can be created");
    let path = dir.path().join(DATABASE_FILE_NAME);
    (dir, path)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Bytes and modification time of a file, to prove a refused file was not touched.
fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).expect("the file exists");
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime is readable");
    (bytes, modified)
}

fn assert_untouched(path: &Path, before: &(Vec<u8>, SystemTime), why: &str) {
    let after = snapshot(path);
    assert!(
        after.0 == before.0,
        "{why}: the bytes of the file must not change"
    );
    assert_eq!(
        after.1, before.1,
        "{why}: the file must not even be rewritten in place"
    );
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(
            !sidecar(path, suffix).exists(),
            "{why}: no {suffix} file may appear, since SQLite must not have opened it for writing"
        );
    }
}

/// Writes an SQLite file as a later Brygga would, at `version`, in the given journal mode.
fn write_database_at_version(path: &Path, version: u32, journal_mode: &str) {
    let conn = Connection::open(path).expect("the test can create an SQLite file");
    conn.pragma_update(None, "journal_mode", journal_mode)
        .unwrap();
    conn.execute_batch("CREATE TABLE future_table (id INTEGER PRIMARY KEY)")
        .unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
    conn.close()
        .expect("closing checkpoints and removes the -wal file");
}

#[test]
fn a_new_file_is_migrated_and_opened_in_wal_mode_with_foreign_keys() {
    let (_dir, path) = data_folder();
    let store = Store::open(&path).expect("a missing file in an existing folder is created");
    assert_eq!(
        store.path(),
        Some(path.as_path()),
        "the store remembers its file"
    );
    assert_eq!(
        store.schema_version().unwrap(),
        SCHEMA_VERSION,
        "every migration runs on a new file"
    );
    let settings = store.connection_settings().unwrap();
    assert_eq!(
        settings.journal_mode, "wal",
        "WAL lets the UI read while the engine writes"
    );
    assert!(
        settings.foreign_keys,
        "SQLite leaves foreign keys off unless asked"
    );
    assert_eq!(
        settings.synchronous, 1,
        "synchronous=NORMAL is the WAL-safe level"
    );
    assert_eq!(
        settings.busy_timeout_ms, 5_000,
        "the default busy timeout is 5 s"
    );
}

#[test]
fn reopening_keeps_data_and_changes_nothing_in_the_schema() {
    let (_dir, path) = data_folder();
    Store::open(&path)
        .unwrap()
        .settings()
        .set("language", "sv", 1_000)
        .unwrap();
    let reopened = Store::open(&path).expect("a current file opens again");
    assert_eq!(
        reopened.schema_version().unwrap(),
        SCHEMA_VERSION,
        "no migration runs twice, and none is skipped"
    );
    let language: Option<String> = reopened.settings().get("language").unwrap();
    assert_eq!(
        language.as_deref(),
        Some("sv"),
        "reopening must not lose data"
    );
    drop(reopened);
    let raw = Connection::open(&path).unwrap();
    let application_id: u32 = raw
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(
        application_id, APPLICATION_ID,
        "migration 0001 marks the file as Brygga's"
    );
}

#[test]
fn a_version_1_file_is_migrated_to_the_current_schema_keeping_its_rows() {
    let (_dir, path) = data_folder();
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../../migrations/0001_init.sql"))
        .expect("0001 is frozen, so running it builds exactly a file of the first release");
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(
        "INSERT INTO settings VALUES ('language', '\"sv\"', 1000);
         INSERT INTO cursors VALUES ('shop.orders.created', '17', 1000);
         INSERT INTO outbox (kind, idempotency_key, payload, status, max_attempts, run_at_ms,
                             created_at_ms, updated_at_ms)
         VALUES ('ongoing.push_order', '7', '{}', 'pending', 3, 1000, 1000, 1000);",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).expect("a version-1 file is Brygga's and is migrated");
    assert_eq!(
        (store.schema_version().unwrap(), SCHEMA_VERSION),
        (SCHEMA_VERSION, 5),
        "every migration after 1 runs, up to 0005"
    );
    let language: Option<String> = store.settings().get("language").unwrap();
    assert_eq!(
        language.as_deref(),
        Some("sv"),
        "migrating must keep the merchant's settings"
    );
    assert_eq!(
        store
            .cursors()
            .get("shop.orders.created")
            .unwrap()
            .as_deref(),
        Some("17"),
        "migrating must keep feed positions, or a feed would be read again from the start"
    );
    assert_eq!(
        store.outbox().counts().unwrap().pending,
        1,
        "migrating must keep queued calls"
    );
    assert!(
        store.order_links().list().unwrap().is_empty()
            && store.articles().list().unwrap().is_empty(),
        "the new tables start empty"
    );
    store
        .stock_levels()
        .record_written("SKU-1", 3, 2_000)
        .expect("the tables of 0002 exist and take writes");
}

#[test]
fn a_version_2_file_is_migrated_to_3_keeping_its_order_links() {
    let (_dir, path) = data_folder();
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../../migrations/0001_init.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../../migrations/0002_sync.sql"))
        .expect("0002 is released and frozen, so 0001 + 0002 build a file of that release");
    conn.pragma_update(None, "user_version", 2).unwrap();
    conn.execute_batch(
        "INSERT INTO order_links (shop_order_id, identity, shop_created_at_ms, shop_status_id,
                                  warehouse_order_id, sent_hash, sent_at_ms, sent_generation,
                                  hold, updated_at_ms)
         VALUES (7, '7@1000', 1000, 1, 5001, '0123456789abcdef', 2000, 1,
                 '{\"code\": \"c\", \"message\": \"m\"}', 2000);
         INSERT INTO articles (sku, updated_at_ms) VALUES ('SKU-1', 1000);",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).expect("a version-2 file is migrated");
    assert_eq!(
        store.schema_version().unwrap(),
        SCHEMA_VERSION,
        "0003 and every later migration run on a file of the release before"
    );
    let link = store
        .order_links()
        .get(7)
        .unwrap()
        .expect("migrating must keep the orders Brygga has seen");
    assert_eq!(
        (
            link.identity.as_str(),
            link.warehouse_order_id,
            link.sent_hash.as_deref(),
            link.sent_generation,
            link.hold.is_some(),
        ),
        ("7@1000", Some(5_001), Some("0123456789abcdef"), 1, true),
        "an order's link to the warehouse survives, or it would be sent again"
    );
    assert_eq!(
        (link.held_back, link.released_batch_id),
        (false, None),
        "orders from before batches existed are neither held back nor released by a batch"
    );
    assert!(
        store.articles().get("SKU-1").unwrap().is_some(),
        "the other tables of 0002 keep their rows"
    );
    let batch = store
        .release_batches()
        .create(
            Some(60_000),
            "schedule",
            "running",
            &serde_json::json!({}),
            &[(7, "pending", None)],
            3_000,
        )
        .expect("the tables of 0003 exist and take writes");
    store
        .order_links()
        .record_released(7, Some(batch), 3_000)
        .expect("the new order_links columns take writes");
}

#[test]
fn an_in_memory_store_is_migrated_too() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.path(), None, "an in-memory store has no file");
    assert_eq!(
        store.schema_version().unwrap(),
        SCHEMA_VERSION,
        "table tests rely on the in-memory store having the full schema"
    );
    assert!(
        store.connection_settings().unwrap().foreign_keys,
        "foreign keys are on for every connection, not only file ones"
    );
}

#[test]
fn a_newer_database_is_refused_and_left_as_it_was() {
    let (_dir, path) = data_folder();
    let found = SCHEMA_VERSION + 5;
    write_database_at_version(&path, found, "DELETE");
    let before = snapshot(&path);

    let error = Store::open(&path).expect_err("this build does not know a schema that new");
    assert!(
        matches!(
            &error,
            StoreError::NewerThanApp { path: p, found: f, supported: s }
                if p == &path && *f == found && *s == SCHEMA_VERSION
        ),
        "the error carries the file and both versions: {error:?}"
    );
    assert_eq!(
        error.kind(),
        StoreErrorKind::NewerThanApp,
        "the app maps this to its own code"
    );
    let message = error.to_string();
    for needle in [
        path.display().to_string(),
        format!("schema {found}"),
        format!("up to {SCHEMA_VERSION}"),
    ] {
        assert!(
            message.contains(&needle),
            "the message must mention {needle:?}: {message}"
        );
    }
    assert_untouched(
        &path,
        &before,
        "a newer Brygga's file belongs to that Brygga",
    );
}

#[test]
fn a_newer_wal_mode_database_gets_no_wal_files() {
    let (_dir, path) = data_folder();
    write_database_at_version(&path, SCHEMA_VERSION + 1, "WAL");
    assert!(
        !sidecar(&path, "-wal").exists(),
        "precondition: a cleanly closed WAL database has no -wal file"
    );
    let before = snapshot(&path);
    let error = Store::open(&path).expect_err("a newer file is refused");
    assert_eq!(
        error.kind(),
        StoreErrorKind::NewerThanApp,
        "refused as newer: {error}"
    );
    assert_untouched(
        &path,
        &before,
        "a WAL-mode file, as a newer Brygga leaves it, must be left exactly as it was too",
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_reported_corrupt_and_kept() {
    let (_dir, path) = data_folder();
    fs::write(&path, "not a database\n".repeat(4096 / 15 + 1)).unwrap();
    let before = snapshot(&path);

    let error = Store::open(&path).expect_err("text is not a database");
    assert_eq!(
        error.kind(),
        StoreErrorKind::Corrupt,
        "garbage is corrupt: {error}"
    );
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "the message names the file the merchant must restore or move: {error}"
    );
    assert_untouched(&path, &before, "a damaged file may still be recoverable");
}

#[test]
fn another_programs_database_is_refused() {
    let (_dir, path) = data_folder();
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        .unwrap();
    conn.pragma_update(None, "application_id", 42).unwrap();
    drop(conn);
    let before = snapshot(&path);

    let error = Store::open(&path).expect_err("the file is marked as another program's");
    assert_eq!(
        error.kind(),
        StoreErrorKind::Corrupt,
        "migrating another program's data would damage it: {error}"
    );
    assert_untouched(
        &path,
        &before,
        "another program's file is not Brygga's to change",
    );
}

#[cfg(unix)]
#[test]
fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;

    let (_dir, path) = data_folder();
    let store = Store::open(&path).unwrap();
    store.settings().set("language", "sv", 1_000).unwrap();
    for file in [path.clone(), sidecar(&path, "-wal"), sidecar(&path, "-shm")] {
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode,
            0o600,
            "{} holds order data, so only the merchant's account may read it",
            file.display()
        );
    }
}

#[test]
fn a_missing_folder_is_reported_and_not_created() {
    let (dir, _) = data_folder();
    let folder = dir.path().join("not-yet");
    let path = folder.join(DATABASE_FILE_NAME);

    let error = Store::open(&path).expect_err("the folder does not exist");
    assert_eq!(
        error.kind(),
        StoreErrorKind::Unreadable,
        "a missing folder is unreadable"
    );
    assert!(
        error.to_string().contains(&folder.display().to_string()),
        "the message names the missing folder: {error}"
    );
    assert!(
        !folder.exists(),
        "the caller owns the data folder, so the store must not create it"
    );
}

#[test]
fn a_folder_in_place_of_the_file_is_reported() {
    let (_dir, path) = data_folder();
    fs::create_dir(&path).unwrap();
    let error = Store::open(&path).expect_err("a folder is not a database file");
    assert_eq!(
        error.kind(),
        StoreErrorKind::Unreadable,
        "a folder cannot be opened: {error}"
    );
    assert!(
        error.to_string().contains("folder"),
        "the message says the path is a folder: {error}"
    );
}

#[test]
fn a_database_locked_by_another_connection_is_reported_as_locked() {
    let (_dir, path) = data_folder();
    drop(Store::open(&path).unwrap());
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let options = OpenOptions {
        busy_timeout: Duration::from_millis(100),
    };
    let error = Store::open_with(&path, &options).expect_err("the write lock is held");
    assert!(
        matches!(&error, StoreError::Locked { path: p } if p == &path),
        "a lock held past the busy timeout is Locked, naming the file: {error:?}"
    );
    assert!(
        error.is_transient(),
        "a lock is released eventually, so retrying can help"
    );
    other.execute_batch("COMMIT").unwrap();
    assert!(
        Store::open_with(&path, &options).is_ok(),
        "once the other connection lets go, the same file opens"
    );
}

#[test]
fn schedules_saved_before_purchase_orders_gain_that_flow_on_its_default() {
    let (_dir, path) = data_folder();
    let conn = Connection::open(&path).unwrap();
    for sql in [
        include_str!("../../migrations/0001_init.sql"),
        include_str!("../../migrations/0002_sync.sql"),
        include_str!("../../migrations/0003_release.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    let saved = r#"{"orders":{"kind":"every","minutes":15},"stock":{"kind":"daily","at":"06:00"}}"#;
    conn.execute(
        "INSERT INTO settings (key, value, updated_at_ms) VALUES ('sync.schedules', ?1, 1000)",
        [saved],
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).expect("a version-3 file is migrated");
    let schedules: serde_json::Value = store
        .settings()
        .get("sync.schedules")
        .unwrap()
        .expect("the saved schedules are kept");
    assert_eq!(
        schedules,
        serde_json::json!({
            "orders": {"kind": "every", "minutes": 15},
            "stock": {"kind": "daily", "at": "06:00"},
            "purchaseOrders": {"kind": "every", "minutes": 120},
            "returns": {"kind": "every", "minutes": 30},
        }),
        "receipts are read every two hours and returns every half hour without the merchant \
         saving the schedules again, and the merchant's own choices (including flows left to run \
         by hand) stay as they were"
    );
}
