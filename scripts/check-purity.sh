#!/usr/bin/env bash
# The dependency rules of docs/architecture: brygga-core stays free of runtimes and I/O, and the
# simulators are an independent reading of the APIs, so they may not depend on our clients.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
forbid() { # crate, pattern, why
  local found
  found=$(cargo tree -p "$1" -e normal,build --prefix none --locked | grep -E "^($2) v" | sort -u || true)
  if [ -n "$found" ]; then
    echo "$1 must not depend on $(echo "$found" | tr '\n' ' ')($3)"
    fail=1
  else
    echo "$1: none of $2"
  fi
}

forbid brygga-core 'tokio|reqwest|rusqlite|tauri|keyring|axum' "the domain core is pure"
forbid brygga-sim 'brygga-ongoing|brygga-starweb|brygga-store|brygga-sync|brygga-app' "the simulators read the specs, not our clients"
forbid brygga-ongoing 'brygga-starweb|brygga-store|tauri' "a client knows neither the other client nor the store"
forbid brygga-starweb 'brygga-ongoing|brygga-store|tauri' "a client knows neither the other client nor the store"
forbid brygga-app 'tauri' "the application layer is Tauri-free"
exit $fail
