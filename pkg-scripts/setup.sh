#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, and nothing twice. Sourced or run by
# demo.sh and test.sh. Tools go into a cache folder the project controls
# (${DATACLOAK_CACHE:-$HOME/.cache/datacloak}) so later runs reuse them.
set -euo pipefail

export DATACLOAK_CACHE="${DATACLOAK_CACHE:-$HOME/.cache/datacloak}"
mkdir -p "$DATACLOAK_CACHE"

need() { command -v "$1" >/dev/null 2>&1; }

if ! need cargo; then
  echo "setup: cargo not found; install Rust from your distribution or rustup first" >&2
  exit 1
fi

# clippy and rustfmt for the checks in test.sh.
if need rustup; then
  for c in clippy rustfmt; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi
