#!/usr/bin/env bash
# Fuzzes ingest, feature extraction, the whole classify path, custom models, the cloak and rules documents with libFuzzer (cargo-fuzz), each
# for SECONDS (default 600), starting from and adding to the kept corpus in tests/fuzz/corpus/.
# The corpus is then minimised (cargo fuzz cmin) and kept whole in the cache folder, for the next
# run; the repository keeps the KEEP (default 256) smallest inputs of it, which CI replays in
# `cargo test` (tests/fuzz_corpus.rs). Crashes land in tests/fuzz/artifacts/.
#   bash pkg-scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_nightly
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "setup: installing cargo-fuzz into $TOOLS (once)"
  CARGO_TARGET_DIR="$TOOLS/build" cargo install cargo-fuzz --version 0.13.2 --root "$TOOLS" --quiet
  rm -rf "$TOOLS/build"
fi
SECONDS_PER_TARGET="${1:-600}"
shift || true
TARGETS=("${@:-ingest features classify model cloak rules}")
# shellcheck disable=SC2206
TARGETS=(${TARGETS[*]})
for t in "${TARGETS[@]}"; do
  echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
  work="$DATACLOAK_CACHE/fuzz-corpus/$t"
  mkdir -p "$work"
  cp tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  cargo "+$NIGHTLY" fuzz run --fuzz-dir tests/fuzz "$t" "$work" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
  # Keep only inputs that add coverage, so the repository's corpus stays small.
  cargo "+$NIGHTLY" fuzz cmin --fuzz-dir tests/fuzz "$t" "$work" -- -max_len=8192
  rm -rf tests/fuzz/corpus/"$t" && mkdir -p tests/fuzz/corpus/"$t"
  # The smallest inputs: quick to replay, and small in the repository.
  # (awk reads the whole listing: `head` would close the pipe early, and pipefail stop the script.)
  (cd "$work" && ls -S -r | awk -v k="${KEEP:-256}" 'NR <= k') | while read -r f; do cp "$work/$f" tests/fuzz/corpus/"$t"/; done
  echo "corpus of $t: $(ls "$work" | wc -l) inputs in $work, $(ls tests/fuzz/corpus/"$t" | wc -l) kept in the repository"
done
