#!/usr/bin/env bash
# Rebuild DataCloak's column model from a fresh clone:   bash models/train.sh
#
#   venv (reused) -> pip install -> cargo build --release --bin datacloak -> generate.py (synthetic tables)
#   -> real_tables.py (hand-labelled real tables) -> corpus_tables.py (labelled real-table corpus, when
#   ../shared/corpus/real is there) -> features.py (Rust CLI) -> train.py (MLP, ONNX export,
#   golden vectors) -> sizes.py (size trade-off) -> cv.py (leave-sources-out) -> metrics.py (held-out test tables, model-level and end to end) -> models/datacloak-v1/
#
# Environment: DATACLOAK_CACHE (venv location, default ~/.cache/datacloak), CORPUS (default target/corpus),
# OUT (default models/datacloak-v1), TABLES (synthetic tables, default 6000), SEED (default 20240601),
# SKIP_CARGO=1 to use an existing target/release/datacloak.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
CACHE="${DATACLOAK_CACHE:-$HOME/.cache/datacloak}"
VENV="$CACHE/venv"
CORPUS="${CORPUS:-target/corpus}"
OUT="${OUT:-models/datacloak-v1}"
TABLES="${TABLES:-6000}"
SEED="${SEED:-20240601}"
# one core's worth of BLAS threads: the machine is shared and the jobs are small
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
step() { echo "== [$(( $(date +%s) - start ))s] $*" >&2; }

step "python venv at $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --disable-pip-version-check -q -r models/training/requirements.txt

if [ "${SKIP_CARGO:-0}" != "1" ]; then
  step "cargo build --release --bin datacloak"
  cargo build --release --bin datacloak
fi
BIN=target/release/datacloak
"$BIN" features --names > /dev/null

step "synthetic corpus ($TABLES tables)"
rm -rf "$CORPUS"
"$PY" models/training/generate.py "$CORPUS" --tables "$TABLES" --seed "$SEED"
step "real tables"
"$PY" models/training/real_tables.py "$CORPUS"
step "real-table corpus (../shared/corpus/real, when present)"
"$PY" models/training/corpus_tables.py "$CORPUS"
step "features (Rust CLI)"
"$PY" models/training/features.py "$CORPUS" --bin "$BIN"
step "train + export ONNX + golden vectors"
"$PY" models/training/train.py "$CORPUS" --out "$OUT"
step "NNEF form the builds embed (model.nnef.tar)"
cargo run --release --quiet --example nnef -- "$OUT"
step "model size against accuracy on the real held-out tables"
"$PY" models/training/sizes.py "$CORPUS" --out "$OUT/sizes.md"
step "leave-sources-out cross-validation over the real corpus"
"$PY" models/training/cv.py "$CORPUS"
step "metrics on held-out test tables"
"$PY" models/training/metrics.py "$CORPUS" --model "$OUT/model.onnx" --bin "$BIN" \
  --command "python models/training/metrics.py $CORPUS --model $OUT/model.onnx --bin $BIN"
step "done: $OUT (model.onnx, meta.json, metrics.md, golden/)"
