#!/usr/bin/env bash
# Playwright against `laifang serve` on a temp data folder and a free loopback port.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$bin" serve --data "$tmp/data" --addr 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
pid=$!
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.:]*' "$tmp/serve.log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve did not start:"; cat "$tmp/serve.log"; exit 1; }
cd "$(dirname "$0")/../frontend"
# serve.spec uses the server started here; xss.spec starts its own from
# LAIFANG_BIN (a fresh office and a generated one). intake.spec runs after
# serve.spec on the same file: serve.spec sets the office up; so does
# repeat.spec (the wording library, a repeat visit, the 接谈笔录); so does
# casedesk.spec (today's list, the case view, a reveal, the print pages).
export LAIFANG_URL="$url" LAIFANG_DATA_FILE="$tmp/data/laifang.db" LAIFANG_BIN="$bin"
LAIFANG_VERSION=$("$bin" version)
export LAIFANG_VERSION
npm run --silent e2e -- serve xss
npm run --silent e2e -- intake
npm run --silent e2e -- repeat
npm run --silent e2e -- casedesk
npm run --silent e2e -- demo
npm run --silent e2e -- import
npm run --silent e2e -- stats
npm run --silent e2e -- ledger
