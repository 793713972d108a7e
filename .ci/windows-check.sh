#!/usr/bin/env bash
# What `make windows` built, checked without Windows (build/windows/build.sh):
# the two programs' subsystems, what the installer puts in and what its
# uninstaller removes (from makensis's own log), and the portable zip.
set -euo pipefail
bin=$1
fail() { echo "windows-check: $*" >&2; exit 1; }

# laifang.exe must not open a console beside the window; laifang-cli.exe
# must have one, or cmd shows nothing and does not wait for it.
go run ./build/windows/subsystem "$bin/laifang.exe=gui" "$bin/laifang-cli.exe=console"
# The offices have no internet: Wails' download strategy (its bootstrapper's
# link) must not be in the window's program (-webview2 error), and the
# console program carries no Wails package at all (window_console.go).
! grep -qF 'LinkId=2124703' "$bin/laifang.exe" || fail "laifang.exe would download the WebView2 runtime: build it with -webview2 error"
! grep -qF 'github.com/wailsapp/wails/v2/' "$bin/laifang-cli.exe" || fail "laifang-cli.exe links Wails: build it with -tags console"

log=$bin/laifang-installer.log
if [ -f "$bin/laifang-amd64-installer.exe" ]; then
  [ -f "$log" ] || fail "no makensis log beside the installer"
  # The installer's sections and the uninstaller's, as makensis compiled them.
  install=$(sed -n '/^Section: "来访接待/,/^SectionEnd/p' "$log")
  uninstall=$(sed -n '/^Section: "uninstall"/,/^SectionEnd/p' "$log")
  [ -n "$uninstall" ] || fail "no uninstall section in $log"
  files=$(sed -n 's/^File: "[^"]*"->"\([^"]*\)".*/\1/p' <<<"$install" | sort | tr '\n' ' ')
  [ "$files" = "laifang-cli.exe laifang.exe " ] || fail "the installer puts in: $files(want laifang.exe and laifang-cli.exe)"
  grep -qF 'CreateShortcut: "$SMPROGRAMS\来访接待.lnk"->"$INSTDIR\laifang.exe"' <<<"$install" ||
    fail "no Start-menu entry 来访接待 for laifang.exe"
  # The uninstaller deletes only what was installed and the WebView2 cache
  # (%AppData%\laifang.exe): the program folder may hold the data
  # (laifang.portable), %AppData%\laifang holds it otherwise.
  links=$(grep -o '^CreateShortcut: "[^"]*"' "$log" | sed 's/^CreateShortcut: //' | sort -u)
  allowed=$(printf '"$INSTDIR\\%s"\n' laifang.exe laifang-cli.exe uninstall.exe; echo "$links")
  while IFS= read -r line; do
    case $line in
      'Delete: '*) target=${line#Delete: }
        grep -qxF -- "$target" <<<"$allowed" || fail "the uninstaller deletes $target, which it did not install" ;;
      'RMDir: "$INSTDIR"' | 'RMDir: /r "$APPDATA\laifang.exe"') ;;
      'RMDir: '*) fail "the uninstaller removes ${line#RMDir: }: it may hold the data" ;;
    esac
  done <<<"$uninstall"
  grep -q '^MessageBox: .*数据没有删除' <<<"$uninstall" || fail "the uninstaller does not say where the data stays"
  echo "installer: laifang.exe, laifang-cli.exe, Start menu; the uninstaller keeps the data"
fi

# The portable zip: one folder, both programs as built, the empty marker
# (unzip is among make test's packages, not make run's).
zip=$bin/laifang-windows-portable.zip
command -v unzip >/dev/null || { echo "unzip not found: the portable zip not checked"; exit 0; }
entries=$(unzip -Z1 "$zip" | sort | tr '\n' ' ')
[ "$entries" = "laifang/ laifang/laifang-cli.exe laifang/laifang.exe laifang/laifang.portable laifang/说明.txt " ] ||
  fail "$zip holds: $entries"
for exe in laifang.exe laifang-cli.exe; do
  unzip -p "$zip" "laifang/$exe" | cmp -s - "$bin/$exe" || fail "$zip: laifang/$exe is not the one built"
done
[ -z "$(unzip -p "$zip" laifang/laifang.portable)" ] || fail "$zip: laifang.portable is not empty"
echo "portable zip: $(unzip -Z1 "$zip" | wc -l) entries, $(du -k "$zip" | cut -f1) KB"
