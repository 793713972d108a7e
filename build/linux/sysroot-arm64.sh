#!/usr/bin/env bash
# A sysroot of Debian 12's arm64 GTK 3 and WebKitGTK 4.1 (headers, .pc
# files and every shared library the program loads) for cross-compiling
# the arm64 build and starting it under qemu-user. The arm64 -dev packages
# cannot be installed beside the amd64 ones, so they are downloaded with a
# private apt state (the host's apt and dpkg are not touched, no root
# needed) and extracted with dpkg-deb -x.
#
# Usage: sysroot-arm64.sh DIR   (kept between runs: a second run with the
# same package list costs nothing)
set -euo pipefail
dir=${1:?usage: sysroot-arm64.sh DIR}
root=$dir/root
mkdir -p "$dir/apt/lists/partial" "$dir/apt/archives/partial"
touch "$dir/apt/status"

# arm64 as the only architecture, an empty dpkg status (so the whole
# dependency closure is listed), Debian's own sources only.
apt=(-q -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)"
  -o APT::Architecture=arm64 -o APT::Architectures::=arm64
  -o Dir::State::Lists="$dir/apt/lists" -o Dir::State::status="$dir/apt/status"
  -o Dir::Cache="$dir/apt" -o Dir::Cache::archives="$dir/apt/archives"
  -o Dir::Etc::SourceParts=/dev/null -o Dir::Etc::SourceList=/etc/apt/sources.list.d/debian.sources
  -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::CNF::DefaultEnabled=false)
[ -f /etc/apt/sources.list.d/debian.sources ] || apt=("${apt[@]/\/etc\/apt\/sources.list.d\/debian.sources//etc/apt/sources.list}")

# An index older than a day is fetched again (security updates).
if [ -z "$(find "$dir/apt/lists" -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
  apt-get "${apt[@]}" update >/dev/null
fi

# The closure of what the build needs, less the build tools it drags in
# (compilers, perl, python, systemd, dpkg: the host's own do that work) and
# less the libraries nothing links against (Mesa's drivers and LLVM are
# loaded with dlopen, GTK 4 comes through the profiler's UI package).
want="libc6-dev libgtk-3-dev libwebkit2gtk-4.1-dev"
keep='^(lib.*|.*-dev|zlib1g|wayland-protocols|shared-mime-info)$'
drop='^(libllvm.*|libz3-.*|libgl1-mesa-dri|lib(a|l|t|ub|hw)san[0-9]+|libperl.*|libpython.*|lib(gcc|stdc\+\+)-12-dev|libgtk-4-.*|libadwaita.*|libsysprof-ui.*|lib.*-perl|libgprofng0|libbinutils|libctf.*|libcc1-0|dpkg-dev|libgomp1|libitm1|libisl23|libmpc3|libmpfr6|libjansson4)$'
apt-get "${apt[@]}" -s install --no-install-recommends $want \
  | awk '/^Inst /{print $2}' | grep -E "$keep" | grep -vE "$drop" | sort > "$dir/packages.new"
if cmp -s "$dir/packages.new" "$dir/packages" && [ -e "$root/usr/lib/aarch64-linux-gnu/pkgconfig/webkit2gtk-4.1.pc" ]; then
  rm "$dir/packages.new"; exit 0
fi

# Only what is not here yet is downloaded; what the list no longer has goes.
(cd "$dir/apt/archives"
  # (run where no .deb is: apt leaves out what the current folder has)
  (cd ../lists/partial && xargs apt-get "${apt[@]}" --print-uris download) < "$dir/packages.new" | awk '{print $2}' | sort > ../files
  comm -13 ../files <(ls -1 | grep '\.deb$' | sort) | xargs -r rm -f
  comm -23 ../files <(ls -1 | grep '\.deb$' | sort) | cut -d_ -f1 | xargs -r apt-get "${apt[@]}" download >/dev/null)
rm -rf "$root" && mkdir -p "$root"
for deb in "$dir"/apt/archives/*.deb; do dpkg-deb -x "$deb" "$root"; done

# Absolute symlinks (libfoo.so -> /lib/aarch64-linux-gnu/libfoo.so.1, the
# loader itself) would point into the host: make them relative to the root.
find "$root" -type l -lname '/*' -print0 | while IFS= read -r -d '' l; do
  t=$(readlink "$l")
  ln -sfn "$(realpath -m --relative-to="$(dirname "$l")" "$root$t")" "$l"
done
mv "$dir/packages.new" "$dir/packages"
echo "arm64 sysroot: $(wc -l < "$dir/packages") packages, $(du -sh "$root" | cut -f1) in $root"
