#!/usr/bin/env bash
# Playwright through the Wails bridge itself: a -tags dev build runs its
# window under Xvfb and serves the frontend with live Go bindings.
set -euo pipefail
# $1: the -tags dev build; $2: the normal build, used to hold a data file.
bin=$(realpath "$1")
holder_bin=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
apid= hpid=
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null && wait "$apid" 2>/dev/null
  [ -n "$hpid" ] && kill "$hpid" 2>/dev/null && wait "$hpid" 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb

# start_dev DATA: the dev build on DATA, its dev server on a free port ($port).
start_dev() {
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  # Wails dev mode reads these from the environment, leaving our flags alone.
  assetdir="$root/frontend/dist" devserver="127.0.0.1:$port" "$bin" --data "$1" >"$tmp/app.log" 2>&1 &
  apid=$!
  for _ in $(seq 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$apid" 2>/dev/null || { echo "the dev build exited:"; cat "$tmp/app.log"; return 1; }
    sleep 0.2
  done
  echo "the dev server did not answer on $port"; return 1
}
stop_dev() { kill "$apid" 2>/dev/null; wait "$apid" 2>/dev/null || true; apid=; }

cd "$root/frontend"
start_dev "$tmp/data"
LAIFANG_URL="http://127.0.0.1:$port" LAIFANG_DATA_FILE="$tmp/data/laifang.db" npm run --silent e2e -- bridge
stop_dev

# A real Go error through the bridge: another program holds the file.
"$holder_bin" serve --data "$tmp/held" --addr 127.0.0.1:0 >"$tmp/holder.log" 2>&1 &
hpid=$!
for _ in $(seq 50); do grep -q http "$tmp/holder.log" && break; sleep 0.1; done
start_dev "$tmp/held"
LAIFANG_URL="http://127.0.0.1:$port" LAIFANG_DATA_FILE="$tmp/held/laifang.db" LAIFANG_HOLDER_PID="$hpid" \
  npm run --silent e2e -- bridge-locked
