#!/usr/bin/env bash
# Runs a go command (build, vet) for linux/arm64 with cgo against the
# sysroot that sysroot-arm64.sh makes: Debian's aarch64 cross gcc, the
# sysroot's pkg-config files, and its libraries for the linker (-rpath-link:
# the libraries GTK and WebKitGTK load in turn are found there too, never in
# the host's /usr/lib).
# Usage: go-arm64.sh SYSROOT go-args...
set -euo pipefail
s=$(realpath "${1:?usage: go-arm64.sh SYSROOT go-args...}"); shift
lib=$s/usr/lib/aarch64-linux-gnu
export CGO_ENABLED=1 GOOS=linux GOARCH=arm64
export CC="aarch64-linux-gnu-gcc --sysroot=$s"
export CGO_LDFLAGS="-L$lib -L$s/lib/aarch64-linux-gnu -Wl,-rpath-link,$lib -Wl,-rpath-link,$s/lib/aarch64-linux-gnu"
export PKG_CONFIG_SYSROOT_DIR=$s PKG_CONFIG_LIBDIR=$lib/pkgconfig:$s/usr/share/pkgconfig
exec go "$@"
