#!/usr/bin/env bash
# Playwright through the Wails bridge itself: a -tags dev build runs its
# window under Xvfb and serves the frontend with live Go bindings.
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
apid=
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null && wait "$apid" 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# Wails dev mode reads these from the environment, leaving our flags alone.
assetdir="$root/frontend/dist" devserver="127.0.0.1:$port" "$bin" --data "$tmp/data" >"$tmp/app.log" 2>&1 &
apid=$!
for _ in $(seq 150); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$apid" 2>/dev/null || { echo "the dev build exited:"; cat "$tmp/app.log"; exit 1; }
  sleep 0.2
done
cd "$root/frontend"
LAIFANG_URL="http://127.0.0.1:$port" LAIFANG_DATA_FILE="$tmp/data/laifang.db" npm run --silent e2e -- bridge
