#!/usr/bin/env bash
# The desktop app end to end: builds the app and the `brygga` command, then in a virtual display
# (Xvfb) on a private session bus with an unlocked gnome-keyring starts tauri-driver and runs the
# WebDriver tests in src-tauri/e2e (or the test files given as arguments). Screenshots go to
# target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --locked -p brygga-desktop -p brygga-cli
export BRYGGA_E2E_APP=$PWD/target/debug/brygga-desktop
export BRYGGA_E2E_CLI=$PWD/target/debug/brygga
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
export XDG_DATA_HOME=$keyrings
export BRYGGA_E2E_TESTS="${*:-src-tauri/e2e/}"

xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  echo -n brygga-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  tauri-driver --port 4444 --native-port 4445 &
  driver=$!
  for _ in $(seq 200); do
    (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
    sleep 0.05
  done
  node --test --test-concurrency=1 $BRYGGA_E2E_TESTS
  status=$?
  kill $driver
  exit $status
'
