#!/usr/bin/env bash
# What an office's IT sees of a .deb made by deb.sh, checked: its name,
# version and architecture, its Depends (every library the program links
# comes from a declared package, a Chinese font is asked for), the files
# (the program, /usr/bin/laifang, a valid menu entry 来访接待, its icons,
# nothing else, no portable marker), and with --install: installed through
# apt on this machine, started (version, gen, check with the data in the
# user's folder), then removed with the user's data left alone.
# Usage: deb-check.sh DEB ARCH VERSION [--install]
set -euo pipefail
deb=$(realpath "${1:?usage: deb-check.sh DEB ARCH VERSION [--install]}"); arch=${2:?}; version=${3:?}; install=${4:-}
fail() { echo "deb-check $(basename "$deb"): $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
field() { dpkg-deb -f "$deb" "$1"; }

[ "$(field Package)" = laifang ] || fail "Package is '$(field Package)', not laifang"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', not $arch"
dpkg --validate-version "$(field Version)" || fail "Version is not a legal Debian version"
depends=$(field Depends)
for need in 'libwebkit2gtk-4.1-0' 'libgtk-3-0' 'libc6 (>= 2.' 'fonts-noto-cjk |' '| fonts-wqy-microhei'; do
  [[ $depends == *"$need"* ]] || fail "Depends lacks '$need': $depends"
done

# The files, exactly.
dpkg-deb -c "$deb" | awk '{l = $1 " " $6; if ($7 != "") l = l " " $7 " " $8; print l}' > "$tmp/contents"
want=(./opt/laifang/laifang ./usr/bin/laifang ./usr/share/applications/laifang.desktop)
for s in 16 24 32 48 64 128 256 512; do want+=("./usr/share/icons/hicolor/${s}x$s/apps/laifang.png"); done
got=$(grep -v '^d' "$tmp/contents" | awk '{print $2}' | sort)
[ "$got" = "$(printf '%s\n' "${want[@]}" | sort)" ] || fail "files differ from the expected ones:
$(diff <(printf '%s\n' "${want[@]}" | sort) <(echo "$got") || true)"
grep -q '^-rwxr-xr-x ./opt/laifang/laifang$' "$tmp/contents" || fail "the program is not an executable 0755 file"
grep -q '^l[^ ]* ./usr/bin/laifang -> ../../opt/laifang/laifang$' "$tmp/contents" || fail "/usr/bin/laifang is not a link to /opt/laifang/laifang"

dpkg-deb -x "$deb" "$tmp/root"
machine=$(readelf -h "$tmp/root/opt/laifang/laifang" | sed -n 's/ *Machine: *//p')
case $arch in amd64) m='Advanced Micro Devices X86-64' ;; arm64) m=AArch64 ;; *) m=? ;; esac
[ "$machine" = "$m" ] || fail "the program is built for '$machine', not $arch"
desktop=$tmp/root/usr/share/applications/laifang.desktop
desktop-file-validate "$desktop" || fail "the menu entry is not valid"
for line in 'Name=来访接待' 'Name[zh_CN]=来访接待' 'Exec=laifang' 'Icon=laifang'; do
  grep -qxF "$line" "$desktop" || fail "the menu entry lacks '$line'"
done
for s in 16 24 32 48 64 128 256 512; do
  [ "$(identify -format '%m %wx%h' "$tmp/root/usr/share/icons/hicolor/${s}x$s/apps/laifang.png")" = "PNG ${s}x$s" ] || fail "the ${s}x$s icon is not a $s × $s PNG"
done

# Every library the program links is in a declared package or one they
# depend on (package names are the same on every architecture, so the
# host's amd64 libraries name them).
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances libc6 libglib2.0-0 libgtk-3-0 libwebkit2gtk-4.1-0 | grep -v '^ ' | sed 's/:.*//' | sort -u)
for so in $(readelf -d "$tmp/root/opt/laifang/laifang" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
  pkg=$(dpkg -S "*/$so" 2>/dev/null | grep -v -- '-cross' | head -1 | cut -d: -f1) || true
  [ -n "$pkg" ] || fail "no installed package on this machine has $so, to check it against Depends"
  grep -qxF "$pkg" <<< "$closure" || fail "$so comes from $pkg, which Depends does not bring"
done
echo "deb-check: $(basename "$deb"): fields, Depends, files, menu entry and icons right"

[ "$install" = --install ] || exit 0
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
! dpkg -s laifang >/dev/null 2>&1 || fail "laifang is already installed here: remove it first (apt-get remove laifang)"
cp "$deb" "$tmp/laifang.deb" && chmod 0644 "$tmp/laifang.deb" && chmod 0755 "$tmp"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$tmp/laifang.deb" \
  > /dev/null 2> >(grep -v '^debconf: delaying package configuration' >&2)
# Removed again however the checks end.
trap '{ ! dpkg -s laifang >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq laifang >/dev/null 2>&1; } || true; rm -rf "$tmp"' EXIT
[ "$(command -v laifang)" = /usr/bin/laifang ] || fail "laifang is not /usr/bin/laifang once installed"
[ "$(laifang version)" = "$version" ] || fail "the installed laifang says '$(laifang version)', not $version"
# No --data: the data must go to the user's folder, never beside /opt/laifang.
home=$tmp/home; mkdir -p "$home"
HOME=$home env -u XDG_DATA_HOME laifang gen -n 200 > "$tmp/gen.out" || fail "laifang gen failed: $(cat "$tmp/gen.out")"
[ -f "$home/.local/share/laifang/laifang.db" ] || fail "gen did not write ~/.local/share/laifang/laifang.db"
[ "$(ls /opt/laifang)" = laifang ] || fail "/opt/laifang has more than the program: $(ls /opt/laifang)"
HOME=$home env -u XDG_DATA_HOME laifang check > "$tmp/check.out" 2>&1 || fail "laifang check failed: $(cat "$tmp/check.out")"
grep -q '数据文件完好.*200 次来访' "$tmp/check.out" || fail "laifang check does not count the 200 visits: $(cat "$tmp/check.out")"
DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq laifang >/dev/null
[ ! -e /usr/bin/laifang ] && [ ! -e /opt/laifang ] || fail "apt-get remove left /usr/bin/laifang or /opt/laifang behind"
[ -f "$home/.local/share/laifang/laifang.db" ] || fail "removing the package removed the user's data"
echo "deb-check: $(basename "$deb"): installed, version/gen/check run with the data in the user's folder, removed (data kept)"
