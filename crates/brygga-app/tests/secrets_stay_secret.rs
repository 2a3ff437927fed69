//! A secret saved with a connection reaches the keychain and nothing else: not the database files and
//! not the log file, even when a log line formats the value carelessly.

use std::path::Path;

use brygga_app::connections::{self, OngoingConnection};
use brygga_app::{App, ErrorCode};
use brygga_core::Sensitive;
use tracing_subscriber::layer::SubscriberExt;

const SECRET: &str = "Sommar2026!kaj-brygga";

fn ongoing() -> OngoingConnection {
    OngoingConnection {
        api_url: "https://api.ongoingsystems.se/Lagret/api/v1/".to_owned(),
        user: "brygga-api".to_owned(),
        goods_owner_id: 42,
    }
}

#[test]
fn a_saved_password_is_in_the_keychain_but_not_in_the_database_or_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let log_dir = dir.path().join("logs");
    let subscriber = tracing_subscriber::registry()
        .with(tracing_subscriber::EnvFilter::new("trace"))
        .with(brygga_app::logging::layer(
            brygga_app::logging::file_appender(&log_dir).unwrap(),
        ));

    tracing::subscriber::with_default(subscriber, || {
        let app = App::for_testing(&data_dir);
        let password = Sensitive::new(SECRET.to_owned());
        connections::save(&app, &ongoing(), &password, 1_700_000_000_000).unwrap();
        let (connection, read_back) = connections::load::<OngoingConnection>(&app).unwrap();
        assert_eq!(
            connection,
            ongoing(),
            "the non-secret half comes back from the settings table"
        );
        assert_eq!(
            read_back.expose(),
            SECRET,
            "the secret comes back from the keychain"
        );
        tracing::info!(
            ?password,
            ?read_back,
            "a careless log line that formats the secret"
        );
        drop(app);
    });

    let logged = read_all(&log_dir);
    assert!(
        logged.contains("connection saved"),
        "the log file was written, so its absence of the secret means something"
    );
    assert!(
        !logged.contains(SECRET),
        "the secret must never reach the log file"
    );

    let stored = read_all(&data_dir);
    assert!(
        stored.contains("brygga-api"),
        "the database holds the connection's user name, so the scan reads real data"
    );
    assert!(
        !stored.contains(SECRET),
        "the secret must never reach the database files"
    );
}

#[test]
fn a_connection_without_its_secret_is_not_configured() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let err = connections::load::<OngoingConnection>(&app).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotConfigured,
        "nothing saved yet means not configured, not a failure"
    );

    let empty = Sensitive::new(String::new());
    let err = connections::save(&app, &ongoing(), &empty, 0).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Validation,
        "an empty password is bad input"
    );
    let bad = OngoingConnection {
        goods_owner_id: 0,
        ..ongoing()
    };
    let err = connections::save(&app, &bad, &Sensitive::new(SECRET.to_owned()), 0).unwrap_err();
    assert!(
        err.message.contains("goods owner id"),
        "the message names the wrong field: {err}"
    );
}

/// Every file below `dir`, as lossy text, so a secret stored in any encoding-preserving way is found.
fn read_all(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text.push_str(&read_all(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    text
}
