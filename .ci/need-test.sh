#!/usr/bin/env bash
# make's one line when Node is missing, or is Debian 12's own Node 18: make
# run with a PATH that has the real go and make but no node, then a node
# that says v18.20.4. Each must print exactly one line naming what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d); trap 'rm -rf "$bin"' EXIT
for t in bash sh make sed sort head dirname cat grep env go; do ln -s "$(command -v $t)" "$bin/$t"; done

expect() { # WHAT: the output of `make build` must be one line holding WHAT
  local out
  out=$(env -u LAIFANG_NEED_OK PATH="$bin" make --no-print-directory build 2>&1) && { echo "need-test: make build ran without node ($1)"; exit 1; }
  [ "$(wc -l <<< "$out")" = 1 ] && [[ $out == *"$1"* ]] || { echo "need-test: expected one line with '$1', got:"; echo "$out"; exit 1; }
}
expect "needs Node.js 20.19.0 or newer with npm: 'node' is not on PATH"
printf '#!/bin/sh\necho v18.20.4\n' > "$bin/node" && chmod +x "$bin/node"
expect "needs Node.js 20.19.0 or newer: found 18.20.4"
# And nothing at all with the machine's own PATH.
[ -z "$(.ci/need.sh 2>&1)" ] || { echo "need-test: need.sh complains on this machine: $(.ci/need.sh 2>&1)"; exit 1; }
echo "need-test: one clear line without node and with Node 18"
