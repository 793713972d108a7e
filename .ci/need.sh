#!/usr/bin/env bash
# What the Makefile cannot install itself, checked before anything is built:
# Go (go.mod's version) and Node with npm (frontend/package.json's engines).
# Prints one line saying what is missing or too old, and fails; silent when
# all is there.
set -uo pipefail
cd "$(dirname "$0")/.."
gomin=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
nodemin=$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' frontend/package.json)
older() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ]; }
say() { echo "laifang needs $1 (see README.md, \"What a machine needs\")" >&2; exit 1; }

command -v go >/dev/null || say "Go $gomin or newer: 'go' is not on PATH (https://go.dev/dl/, then PATH=/usr/local/go/bin:\$PATH)"
# In the module, go names the toolchain it will really use (with
# GOTOOLCHAIN=auto an older go fetches go.mod's own).
gover=$(go env GOVERSION 2>/dev/null | sed 's/^go//') || gover=
[ -n "$gover" ] && ! older "$gover" "$gomin" || say "Go $gomin or newer: found ${gover:-a go that does not run} ($(command -v go))"
command -v node >/dev/null || say "Node.js $nodemin or newer with npm: 'node' is not on PATH (Debian 12's own nodejs is 18: use NodeSource's node_20.x or newer)"
nodever=$(node --version 2>/dev/null | sed 's/^v//')
! older "$nodever" "$nodemin" || say "Node.js $nodemin or newer: found $nodever ($(command -v node); Debian 12's own nodejs is 18: use NodeSource's node_20.x or newer)"
command -v npm >/dev/null || say "npm, which comes with Node.js: 'npm' is not on PATH"
exit 0
