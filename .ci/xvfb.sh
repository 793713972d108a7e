# Sourced: starts Xvfb on a free display, exports DISPLAY and XVFB_PID.
# -displayfd lets Xvfb pick the number, so parallel runs do not collide;
# XVFB_SCREEN sets the screen (1366x768x24, the office PC).
start_xvfb() {
  local fifo; fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp 3>"$fifo" 2>/dev/null &
  XVFB_PID=$!
  local n; read -r -t 10 n <"$fifo" || { echo "Xvfb did not start"; return 1; }
  rm -f "$fifo"
  export DISPLAY=":$n" XVFB_PID
}
