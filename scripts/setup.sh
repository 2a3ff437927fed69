#!/usr/bin/env bash
# Installs what Brygga needs to build, run and test on Debian/Ubuntu, and only what is missing:
# system packages (WebKitGTK for the desktop shell; Xvfb, gnome-keyring, Chromium and WebKitWebDriver
# for the tests), the UI's npm packages, and tauri-driver. Safe to run again: a set-up machine
# installs nothing. Needs root or sudo for the system packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # building the desktop shell
  build-essential pkg-config libssl-dev file
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev
  # running it without a display, and the desktop end-to-end tests
  xvfb xauth xdotool imagemagick webkit2gtk-driver dbus dbus-x11 at-spi2-core
  # the real keychain in tests: the Secret Service from gnome-keyring
  gnome-keyring libsecret-tools
  # the UI tests in a real browser
  chromium
  # the sample data of the keychain test and the desktop test
  python3 sqlite3
)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: system packages present"
fi

# npm ci only when the lock file changed since the last install.
stamp=ui/node_modules/.brygga-lock-hash
lock_hash=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "setup: installing npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
else
  echo "setup: npm packages present"
fi

if ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
else
  echo "setup: tauri-driver present"
fi
