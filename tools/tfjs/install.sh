#!/usr/bin/env bash
# Installs TensorFlow.js for the tests (the NanoDet reference), pinned by package.json and its
# committed lockfile, with the machine's npm (`npm ci --ignore-scripts`). Runs from Maven
# (generate-test-resources) and does nothing once it is there. Never part of the app.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
if [ -s "$here/node_modules/@tensorflow/tfjs/package.json" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "[cnnlab] WARNING: npm not found: TensorFlow.js not installed, the NanoDet reference test will fail" >&2
  exit 0
fi
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
echo "[cnnlab] TensorFlow.js installed from npm into $here/node_modules"
