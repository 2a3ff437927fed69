#!/usr/bin/env bash
# The real Linux keychain: a private session bus with an unlocked gnome-keyring (the Secret Service),
# then brygga-app's keychain tests that a plain `cargo test` skips. Keyring files go to a temporary
# folder, never to the user's own keyrings.
set -euo pipefail
cd "$(dirname "$0")/.."

keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
export XDG_DATA_HOME=$keyrings
dbus-run-session -- sh -c '
  echo -n brygga-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test -p brygga-app --locked --test keychain -- --ignored
'
