#!/usr/bin/env bash
# Installs what is missing, builds the UI and the desktop app, and starts it in demo mode: simulated
# shop and warehouse on loopback, data in a separate demo folder, no keychain use. Extra arguments go
# to the app (for example --data-dir DIR). Without a display it runs in a virtual one (Xvfb) and
# saves a screenshot once the window is up, so the command also works on a server.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh
(cd ui && npm run --silent build)
cargo build --locked -p brygga-desktop
app=target/debug/brygga-desktop

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --demo "$@"
fi

echo "run: no display; starting Brygga in a virtual display (Xvfb). Stop it with Ctrl-C."
mkdir -p target/e2e
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  "$0" --demo "$@" &
  app=$!
  xdotool search --sync --onlyvisible --name "^Brygga$" >/dev/null
  xdotool sleep 2
  import -window root target/e2e/run-demo.png && echo "run: the window is up; screenshot in target/e2e/run-demo.png"
  wait $app
' "$app" "$@"
