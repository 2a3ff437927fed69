//! The real platform keychain (on Linux the Secret Service). These tests need an unlocked keychain, so
//! they are ignored by a plain `cargo test`; `make test` runs them with `--ignored` inside
//! `dbus-run-session` with an unlocked gnome-keyring (see scripts/test-keychain.sh).

use brygga_app::SecretStore;
use brygga_app::secrets::{Keychain, SecretKey};
use brygga_core::Sensitive;

/// A service name of its own, so the tests never touch a real installation's entries.
const SERVICE: &str = "se.brygga.desktop.keychain-test";

#[test]
#[ignore = "needs an unlocked OS keychain; make test runs it under dbus-run-session"]
fn set_read_back_overwrite_and_delete_in_the_real_keychain() {
    let key = SecretKey::new(format!("ongoing:password:{}", std::process::id()));
    let writer = Keychain::new(SERVICE);
    writer
        .check()
        .expect("the keychain must answer; is the Secret Service running and unlocked?");

    writer
        .set(&key, &Sensitive::new("first-secret".to_owned()))
        .unwrap();
    let fresh = Keychain::new(SERVICE);
    let read = fresh
        .get(&key)
        .unwrap()
        .expect("a stored secret is visible to a fresh handle");
    assert_eq!(
        read.expose(),
        "first-secret",
        "the keychain persisted the value, not a per-handle copy"
    );

    writer
        .set(&key, &Sensitive::new("second-secret".to_owned()))
        .unwrap();
    let read = Keychain::new(SERVICE)
        .get(&key)
        .unwrap()
        .expect("the overwritten secret is still there");
    assert_eq!(
        read.expose(),
        "second-secret",
        "setting again replaces the secret instead of adding one"
    );

    assert!(
        writer.delete(&key).unwrap(),
        "deleting an existing secret reports that it was there"
    );
    assert_eq!(
        Keychain::new(SERVICE).get(&key).unwrap(),
        None,
        "a deleted secret is gone for every handle"
    );
    assert!(
        !writer.delete(&key).unwrap(),
        "deleting again is not an error, just nothing to delete"
    );
}

#[test]
#[ignore = "needs an unlocked OS keychain; make test runs it under dbus-run-session"]
fn a_missing_entry_is_not_configured_rather_than_an_error() {
    let keychain = Keychain::new(SERVICE);
    let key = SecretKey::new("starweb:client-secret:never-stored");
    assert_eq!(
        keychain.get(&key).unwrap(),
        None,
        "a missing entry is None, so the UI can say 'not configured'"
    );
    let err = keychain.require(&key).unwrap_err();
    let shown = brygga_app::IpcError::from(err);
    assert_eq!(
        shown.code,
        brygga_app::ErrorCode::NotConfigured,
        "a missing secret is a setup step, not a failure"
    );
}

#[test]
#[ignore = "needs a Secret Service with no unlocked collection; make test runs it under dbus-run-session"]
fn locked_keychain_is_reported_as_unavailable_without_the_secret() {
    let keychain = Keychain::new(SERVICE);
    let secret = Sensitive::new("never-stored-secret".to_owned());
    let err = keychain
        .set(&SecretKey::new("ongoing:password"), &secret)
        .expect_err("a locked keychain cannot store anything");
    let shown = brygga_app::IpcError::from(err);
    assert_eq!(
        shown.code,
        brygga_app::ErrorCode::KeychainUnavailable,
        "a locked keychain is a state the merchant can fix, shown as such"
    );
    assert!(
        shown.message.contains("Unlock it"),
        "the message says what to do: {shown}"
    );
    assert!(
        !shown.message.contains("never-stored-secret"),
        "the error never carries the secret"
    );
    assert!(
        keychain.check().is_err(),
        "the dashboard's availability check sees the same problem"
    );
}
