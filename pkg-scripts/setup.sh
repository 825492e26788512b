#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, and nothing twice. Sourced or run by
# demo.sh and test.sh. Tools go into a cache folder the project controls
# (${DATACLOAK_CACHE:-$HOME/.cache/datacloak}) so later runs reuse them.
set -euo pipefail

export DATACLOAK_CACHE="${DATACLOAK_CACHE:-$HOME/.cache/datacloak}"
# The scripts and tests find build outputs under ./target (release CLI, wasm, threaded wasm).
export CARGO_TARGET_DIR=target
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

# Versions pinned together: the wasm-bindgen crate in Cargo.toml must match its CLI exactly.
WASM_BINDGEN_VERSION=0.2.130
# The nightly the threaded wasm build was measured with (build-std needs nightly).
NIGHTLY=nightly-2026-05-20
TOOLS="$DATACLOAK_CACHE/tools"
export PATH="$TOOLS/bin:$PATH"

# wasm32 target and wasm-bindgen-cli (built from crates.io once, 5-10 minutes, into the cache).
ensure_wasm_tools() {
  if need rustup && ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $TOOLS (once; takes minutes)"
    # Not --locked: its lockfile wants a crate version this registry mirror lacks.
    CARGO_TARGET_DIR="$TOOLS/build" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
      --root "$TOOLS" --quiet
    rm -rf "$TOOLS/build"
  fi
}

# Nightly with rust-src, for the threaded (shared-memory) wasm build.
ensure_nightly() {
  if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 \
    || ! rustup component list --installed --toolchain "$NIGHTLY" | grep -q '^rust-src'; then
    rustup toolchain install "$NIGHTLY" --profile minimal -c rust-src -t wasm32-unknown-unknown
  fi
}

# The npm packages of package-lock.json (test and build tools only; the package has no dependencies).
ensure_npm() {
  if ! need node || ! need npm; then
    echo "setup: node and npm are needed for the wasm package tests; install nodejs and npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Debian's Chromium for the browser tests (no browser download from elsewhere).
ensure_chromium() {
  if ! need chromium; then
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
    else
      echo "setup: the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
      exit 1
    fi
  fi
}
