#!/usr/bin/env bash
# Browser e2e: build the UI, then drive `ledger serve` in Debian's chromium.
#   LEDGER_BIN=...      ledger binary (default target/debug/ledger; built if missing)
#   SKIP_UI_BUILD=1     use ui/dist as it is
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

if [ "${SKIP_UI_BUILD:-}" != "1" ]; then
  (cd "$repo/ui" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
fi
bin="${LEDGER_BIN:-$repo/target/debug/ledger}"
if [ ! -x "$bin" ]; then
  (cd "$repo" && cargo build -p ledger-cli)
fi
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
LEDGER_BIN="$bin" npm test
