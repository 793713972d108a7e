#!/usr/bin/env bash
# The Windows artifacts, cross-compiled (`make windows`):
#   build/bin/laifang.exe            the window (GUI subsystem), by `wails build`
#   build/bin/laifang-cli.exe        the same commands for cmd, PowerShell and
#                                    scheduled tasks (console subsystem, no Wails)
#   build/bin/laifang-amd64-installer.exe   where makensis is (its log beside it)
#   build/bin/laifang-windows-portable.zip  the 绿色版
# Usage: build/windows/build.sh WAILS LDFLAGS RELEASE
set -euo pipefail
cd "$(dirname "$0")/../.."
wails=$1 ldflags=$2 release=$3
bin=$PWD/build/bin
mkdir -p "$bin"

# No Wails in it (window_console.go): `laifang-cli` without a command says
# to open laifang.exe.
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -tags console -ldflags "$ldflags" -o "$bin/laifang-cli.exe" .

# -webview2 error: never download the runtime (offline PCs); a missing one is
# explained in Chinese (webview2.go). -m -nosyncgomod: leave go.mod alone.
"$wails" build -s -skipbindings -m -nosyncgomod -platform windows/amd64 -webview2 error \
  -o laifang.exe -ldflags "$ldflags" >/dev/null
# wails build extracts wailsjs/runtime with other modes (Makefile WAILSJS_MODES).
chmod -R 0755 frontend/wailsjs

if command -v makensis >/dev/null; then
  # makensis's log lists every file and command it put in, which
  # .ci/windows-check.sh reads.
  # LAIFANG_NSIS_QUICK (make test): compressed fast, for the checks only.
  (cd build/windows/installer && makensis -V4 ${LAIFANG_NSIS_QUICK:+-DQUICK} -DARG_WAILS_AMD64_BINARY="$bin/laifang.exe" \
    -DARG_CLI_BINARY="$bin/laifang-cli.exe" -DINFO_PRODUCTVERSION="$release" project.nsi) \
    > "$bin/laifang-installer.log" || { tail -30 "$bin/laifang-installer.log"; exit 1; }
else
  echo "makensis not found: no installer built"
fi

# The portable zip unpacks into one folder, laifang, with the marker that
# keeps the data beside the program (app/cli/datadir.go).
stage=$bin/portable
rm -rf "$stage" "$bin/laifang-windows-portable.zip"
mkdir -p "$stage/laifang"
cp "$bin/laifang.exe" "$bin/laifang-cli.exe" build/windows/portable/说明.txt "$stage/laifang/"
: > "$stage/laifang/laifang.portable"
go run ./build/windows/zipdir "$bin/laifang-windows-portable.zip" "$stage"
rm -rf "$stage"
