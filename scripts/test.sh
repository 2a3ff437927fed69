#!/usr/bin/env bash
# Every test layer, in order, each timed. A failing layer does not stop the later ones (so one run
# shows everything that is wrong), but it fails the whole run. The summary at the end lists each
# layer's time and result.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

names=()
seconds=()
results=()
failed=0

layer() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    results+=("ok")
  else
    results+=("FAILED")
    failed=$((failed + 1))
  fi
  names+=("$name")
  seconds+=($((SECONDS - start)))
}

rust_tests() {
  if command -v cargo-nextest >/dev/null; then
    cargo nextest run --workspace --locked --no-fail-fast
  else
    cargo test --workspace --locked --no-fail-fast
  fi
}

# ts-rs writes the bindings when brygga-app's export tests run; regenerate from scratch so a removed
# type shows too, then any difference from the committed files is drift.
bindings_match() {
  rm -rf ui/src/bindings
  cargo test -p brygga-app --locked --quiet export_bindings >/dev/null || return 1
  local drift
  drift=$(git status --porcelain -- ui/src/bindings)
  if [ -n "$drift" ]; then
    echo "$drift"
    echo "The TypeScript bindings differ from what brygga-app generates: commit ui/src/bindings."
    return 1
  fi
  echo "bindings: $(ls ui/src/bindings | wc -l) files, as committed"
}

ui() { (cd ui && "$@"); }

layer "setup (install what is missing)" scripts/setup.sh
layer "ui build" ui sh -c 'npm run --silent build && npm run --silent build:mocks'
layer "rust format" cargo fmt --all --check
layer "rust lint (clippy -D warnings)" cargo clippy --workspace --all-targets --locked -- -D warnings
layer "crate purity (cargo tree)" scripts/check-purity.sh
layer "rust tests (unit, store, app, shell on the mock runtime)" rust_tests
layer "typescript bindings match" bindings_match
layer "real keychain (Secret Service)" scripts/test-keychain.sh
layer "ui typecheck" ui npm run --silent typecheck
layer "ui unit tests (vitest)" ui npm run --silent test
layer "ui in Chromium (Playwright, mocked IPC)" ui npm run --silent e2e
layer "desktop app end to end (Xvfb, tauri-driver)" scripts/desktop-e2e.sh

echo
echo "=== summary"
total=0
for i in "${!names[@]}"; do
  printf '%-58s %5ss  %s\n' "${names[$i]}" "${seconds[$i]}" "${results[$i]}"
  total=$((total + seconds[i]))
done
printf '%-58s %5ss\n' "total" "$total"
if ((failed)); then
  echo "make test: $failed of ${#names[@]} layers failed"
  exit 1
fi
echo "make test: all ${#names[@]} layers passed"
