#!/usr/bin/env bash
# The real Linux keychain: private session buses with gnome-keyring (the Secret Service), and
# brygga-app's keychain tests that a plain `cargo test` skips. First with the keyring unlocked, then
# with a keyring that has no unlocked collection, as on a desktop where the merchant has not logged
# in to it. Keyring files go to temporary folders, never to the user's own keyrings.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test -p brygga-app --locked --test keychain --no-run --quiet

unlocked=$(mktemp -d)
locked=$(mktemp -d)
trap 'rm -rf "$unlocked" "$locked"' EXIT

echo "keychain: unlocked gnome-keyring"
XDG_DATA_HOME=$unlocked dbus-run-session -- sh -c '
  echo -n brygga-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test -p brygga-app --locked --test keychain -- --ignored --skip locked_
'

echo "keychain: gnome-keyring with no unlocked collection"
XDG_DATA_HOME=$locked dbus-run-session -- sh -c '
  gnome-keyring-daemon --start --components=secrets >/dev/null
  cargo test -p brygga-app --locked --test keychain -- --ignored locked_
'
