#!/usr/bin/env bash
# Unpacks the sample photos from Debian's python3-skimage package into data/photos/.
# No install is needed: `apt-get download` + `dpkg-deb -x`. Runs from Maven (generate-resources)
# and does nothing once the photos are there. Without apt (e.g. another OS) it warns and the app
# shows its generated samples only.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/photos"
photos="astronaut.png camera.png chelsea.png coffee.png rocket.jpg brick.png grass.png"
missing=0
for p in $photos; do [ -s "$out/$p" ] || missing=1; done
[ "$missing" = 0 ] && exit 0

if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "[cnnlab] WARNING: apt-get/dpkg-deb not found: sample photos not installed (see data/README.md)" >&2
  exit 0
fi
tmp="$(mktemp -d)"
chmod 777 "$tmp"   # lets apt's _apt user write the download when run as root
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download python3-skimage >/dev/null 2>&1); then
  echo "[cnnlab] WARNING: 'apt-get download python3-skimage' failed (run 'apt-get update' first?): sample photos not installed" >&2
  exit 0
fi
dpkg-deb -x "$tmp"/python3-skimage_*.deb "$tmp/x"
mkdir -p "$out"
src="$tmp/x/usr/lib/python3/dist-packages/skimage/data"
copied=0
for p in $photos; do
  if cp "$src/$p" "$out/$p" 2>/dev/null; then copied=$((copied + 1)); else echo "[cnnlab] WARNING: $p not found in python3-skimage" >&2; fi
done
cp "$tmp/x/usr/share/doc/python3-skimage/copyright" "$out/LICENSE.txt" 2>/dev/null || true
echo "[cnnlab] $copied sample photos unpacked from python3-skimage into $out"
