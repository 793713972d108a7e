#!/usr/bin/env bash
# The arm64 build started under qemu-user with the sysroot's loader and
# libraries, so a broken ARM build (a missing library, a wrong loader, a
# cgo fault) is caught here and not on a Kunpeng or Phytium PC: version,
# gen -n 1000 and the file's check.
# Usage: arm64-check.sh BINARY SYSROOT VERSION
set -euo pipefail
bin=$(realpath "${1:?usage: arm64-check.sh BINARY SYSROOT VERSION}"); root=$(realpath "${2:?}"); version=${3:?}
fail() { echo "arm64-check: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export QEMU_LD_PREFIX=$root
run() { qemu-aarch64-static "$bin" "$@"; }

v=$(run version) || fail "laifang version did not start under qemu"
[ "$v" = "$version" ] || fail "laifang version says '$v', not $version"
run gen -n 1000 --data "$tmp" > "$tmp/gen.out" || fail "laifang gen failed: $(cat "$tmp/gen.out")"
# check reads the file in a child process of itself; without binfmt_misc
# for aarch64 (a container) the kernel cannot start that child, so the
# child's own command, verify-file, is run directly instead.
if [ "$(cat /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null | head -1)" = enabled ]; then
  run check --data "$tmp" > "$tmp/check.out" 2>&1 || fail "laifang check failed: $(cat "$tmp/check.out")"
  grep -q '数据文件完好.*1000 次来访' "$tmp/check.out" || fail "laifang check: $(cat "$tmp/check.out")"
  how=check
else
  run verify-file --data "$tmp" -- "$tmp/laifang.db" > "$tmp/check.out" || fail "laifang verify-file failed: $(cat "$tmp/check.out")"
  grep -q '"visits":1000,.*"damaged":false' "$tmp/check.out" || fail "laifang verify-file: $(cat "$tmp/check.out")"
  how="verify-file (no binfmt_misc here for check's child)"
fi
echo "arm64-check: $v under qemu: version, gen -n 1000, $how passed"
