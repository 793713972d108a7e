#!/usr/bin/env bash
# The real window under Xvfb: wait until the shell is painted, keep a
# screenshot, fail if the window stays blank. Prints launch-to-paint time.
set -euo pipefail
# A session bus, as every desktop has: Wails' single-instance lock uses it.
if [ -z "${LAIFANG_IN_DBUS:-}" ]; then
  LAIFANG_IN_DBUS=1 exec dbus-run-session -- "$0" "$@" 2> >(grep -v '^dbus-daemon' >&2)
fi
bin=$(realpath "$1")
out=${SMOKE_OUT:-build/bin/smoke}
mkdir -p "$out"
tmp=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
apid=
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null && wait "$apid" 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb

# The shell is painted when the sidebar shows its colour and the page has
# text (many distinct colours from anti-aliased glyphs), not a blank or
# one-colour window.
painted() {
  local wid X=0 Y=0 side colours
  wid=$(xdotool search --name '来访接待' 2>/dev/null | head -1) || return 1
  [ -n "$wid" ] || return 1
  eval "$(xdotool getwindowgeometry --shell "$wid" | grep -E '^[XY]=')"
  import -window root "$tmp/shot.png" 2>/dev/null || return 1
  side=$(convert "$tmp/shot.png" -format "%[hex:p{$((X + SIDEBAR_X)),$((Y + SIDEBAR_Y))}]" info: 2>/dev/null)
  colours=$(convert "$tmp/shot.png" -format %k info: 2>/dev/null)
  [ "${side:0:6}" = "$SIDEBAR_HEX" ] && [ "$colours" -gt 200 ]
}
SIDEBAR_X=${SIDEBAR_X:-20} SIDEBAR_Y=${SIDEBAR_Y:-580} SIDEBAR_HEX=${SIDEBAR_HEX:-F7F8FA} # --laifang-aside-bg in frontend/src/styles/main.css

# The window opens on the login. The test hook (app/testhook.go, only in the
# smoketest build the Makefile makes for this script) sets up a
# synthetic office and signs in, and only in a folder marked as test data,
# so the shell itself can be checked; the login screen is checked below.
mkdir -p "$tmp/data"
touch "$tmp/data/laifang.test-data"
# WebKitGTK under Xvfb now and then leaves a first window white for good
# (seen about once in ten CI runs, never twice in a row): a blank window is
# closed and launched once more, and the run says so. A window that stays
# blank twice fails.
launch() {
  t0=$(date +%s%N)
  LAIFANG_TEST_ADMIN_PASSWORD=Smoke-test-2026 "$bin" --data "$tmp/data" >"$tmp/app.log" 2>&1 &
  apid=$!
  for _ in $(seq 300); do
    if painted; then return 0; fi
    kill -0 "$apid" 2>/dev/null || { echo "the window exited:"; cat "$tmp/app.log"; exit 1; }
    sleep 0.05
  done
  return 1
}
ok=
if launch; then
  ok=1
else
  echo "desktop smoke: the first window stayed blank for 30 s; launching once more"
  cp "$tmp/shot.png" "$out/window-blank.png" 2>/dev/null || true
  kill "$apid" 2>/dev/null && wait "$apid" 2>/dev/null || true
  apid=
  launch && ok=1
fi
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
cp "$tmp/shot.png" "$out/window.png"
if [ -z "$ok" ]; then
  echo "desktop smoke: the window did not paint the shell within 30 s; see $out/window.png"
  cat "$tmp/app.log"; exit 1
fi
title=$(xdotool search --name '来访接待' getwindowname 2>/dev/null | head -1 || true)
[ "$title" = "来访接待" ] || { echo "desktop smoke: no window titled 来访接待 (got '$title')"; exit 1; }

# A second launch must hand over to the first window and exit, not open
# another window on the same data file.
rc=0; timeout 15 "$bin" --data "$tmp/data" >"$tmp/second.log" 2>&1 || rc=$?
[ "$rc" != 124 ] || { echo "desktop smoke: a second launch did not exit within 15 s"; exit 1; }
kill -0 "$apid" 2>/dev/null || { echo "desktop smoke: the first window died when a second was launched"; exit 1; }
n=$(xdotool search --name '来访接待' 2>/dev/null | wc -l)
[ "$n" = 1 ] || { echo "desktop smoke: $n windows after a second launch, want 1"; exit 1; }
echo "desktop smoke: shell painted ${ms} ms after launch; screenshot $out/window.png"
