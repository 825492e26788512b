#!/usr/bin/env bash
# Serves the Cloudflare Worker of www/worker in the local Workers runtime (workerd, via wrangler):
#   npm run worker -- --port 8787
# Builds the wasm package first when it is missing. Extra arguments go to `wrangler dev`.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_npm
[ -f pkg/workerd.js ] || bash pkg-scripts/build-wasm.sh
# Local only: no account, no metrics, no telemetry prompts.
export CI=1 WRANGLER_SEND_METRICS=false WRANGLER_LOG=warn
exec node_modules/.bin/wrangler dev --config www/worker/wrangler.toml --local --ip 127.0.0.1 "$@"
