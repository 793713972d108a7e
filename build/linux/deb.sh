#!/usr/bin/env bash
# The .deb for Debian 12 and its derivatives (UOS, Kylin): the program in
# /opt/laifang with /usr/bin/laifang pointing at it, the menu entry 来访接待
# and its icon. The data stays in each user's folder (app/cli/datadir.go:
# ~/.local/share/laifang); no laifang.portable is installed, so the program
# never writes beside itself. No maintainer scripts: dpkg's triggers of the
# icon cache and the menu run by themselves.
# Usage: deb.sh BINARY ARCH VERSION OUTDIR   -> OUTDIR/laifang_VERSION_ARCH.deb
set -euo pipefail
bin=${1:?usage: deb.sh BINARY ARCH VERSION OUTDIR}; arch=${2:?}; version=${3:?}; out=${4:?}
here=$(cd "$(dirname "$0")" && pwd)
icon=$here/../appicon.png
# The icon sizes of the hicolor theme menus pick from, and the Chinese fonts
# of Debian and its derivatives (one is enough).
icon_sizes="16 24 32 48 64 128 256 512"
fonts="fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei | fonts-arphic-ukai"
stage=$(mktemp -d); chmod 0755 "$stage"; trap 'rm -rf "$stage"' EXIT

install -Dm0755 "$bin" "$stage/opt/laifang/laifang"
mkdir -p "$stage/usr/bin" && ln -s ../../opt/laifang/laifang "$stage/usr/bin/laifang"
install -Dm0644 "$here/laifang.desktop" "$stage/usr/share/applications/laifang.desktop"
for s in $icon_sizes; do
  mkdir -p "$stage/usr/share/icons/hicolor/${s}x$s/apps"
  convert "$icon" -resize "${s}x$s" -depth 8 -strip "$stage/usr/share/icons/hicolor/${s}x$s/apps/laifang.png"
done

# glibc: the newest symbol version the binary asks for (readelf reads
# either architecture). The rest are the libraries it links (GTK 3,
# WebKitGTK 4.1, which brings libsoup 3 and JavaScriptCore, GLib) and a
# Chinese font, without which the window shows boxes.
glibc=$(readelf -V -W "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
mkdir -p "$stage/DEBIAN"
(cd "$stage" && find opt usr -type f -exec md5sum {} + > DEBIAN/md5sums)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: laifang
Version: $version
Architecture: $arch
Maintainer: laifang <laifang@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: libc6 (>= $glibc), libglib2.0-0, libgtk-3-0, libwebkit2gtk-4.1-0, $fonts
Section: misc
Priority: optional
Description: 来访接待 — petition reception register for small offices
 One program and one data file for an office that receives petitioners in
 person: the visit register, cases and their clocks, follow-up, letters,
 the ledger and statistics. The data is kept in each user's folder
 (~/.local/share/laifang) unless --data says otherwise.
CONTROL
mkdir -p "$out"
# gzip, not xz: 4 s instead of 25 s for 1.7 MB more, and every dpkg reads it.
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$out/laifang_${version}_$arch.deb" >/dev/null
echo "$out/laifang_${version}_$arch.deb"
