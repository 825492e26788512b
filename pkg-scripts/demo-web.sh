#!/usr/bin/env bash
# Serves the browser demo (www/) with the wasm package on 127.0.0.1:
#   npm run demo -- --port 8080
# Builds the package first when it is missing (with the threaded build: the demo server makes the
# page cross-origin isolated, so it can use it). Arguments go to pkg-scripts/demo-server.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_npm
[ -f pkg/browser.js ] || bash pkg-scripts/build-wasm.sh --threads
exec node pkg-scripts/demo-server.mjs "$@"
