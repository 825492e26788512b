#!/usr/bin/env python3
"""Turns target/bench-peers/peers.json (tests/benches/wasm/peers.mjs) into the BENCHMARKS.md
section "Side by side with the peers". Standard library only.

    python3 pkg-scripts/bench-peers-report.py target/bench-peers/peers.json > section.md
"""
import json
import sys


def fmt_ms(ms):
    if ms < 1:
        return f"{ms * 1000:.0f} µs"
    return f"{ms:.2f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def kib(n):
    return f"{n / 1024:,.0f} KiB"


def times(x):
    """A ratio as '×1.23'."""
    return f"×{x:.2f}"


def main():
    d = json.load(open(sys.argv[1]))
    v = d["versions"]
    m = d["model"]
    out = []
    w = out.append

    w("## Side by side with the peers\n")
    w(f"Measured {d['date'][:10]} in Node {d['node']}, one thread, by `bash pkg-scripts/bench-peers.sh` "
      f"(script `tests/benches/wasm/peers.mjs`, raw figures in `target/bench-peers/peers.json`). "
      f"onnxruntime-web {v['onnxruntime-web']} (wasm backend, `numThreads = 1`, its .wasm read from "
      f"node_modules), Papa Parse {v['papaparse']}. Every figure is the median of {d['runs']} runs; in each "
      "run the contenders are timed one right after the other, in an order that changes from run to run, "
      "so that load on this shared 2-core machine hits both sides alike. Absolute figures still move "
      "from one invocation to the next (the runs are in the JSON): read the ratios, and take "
      "differences of a few per cent, such as between the two Papa Parse rows, as noise.\n")

    # --- model ---
    w("### The model alone: tract (ours) against onnxruntime-web\n")
    w(f"The same file, `{m['file']}` (sha256 `{m['sha256'][:12]}…`, checked to be the model embedded in "
      f"our .wasm), input `{m['input']}` [N, {m['features']}], output `{m['output']}` [N, {m['labels']}]. "
      f"Inputs are real feature vectors: the {d['feature_vectors']['distinct_columns']} columns of "
      "`tests/data/samples/*.csv` through `features()`, repeated to fill the batch. Ours is `predict()`, "
      "ORT is `session.run()` with a new `Tensor` each call (both copy the input into wasm memory and the "
      "output out). The run stops if the two outputs differ by 1e-4 or more anywhere.\n")
    w("| batch (columns) | tract (ours) | onnxruntime-web | ORT time / tract time | max abs diff |")
    w("|---|---|---|---|---|")
    batches = sorted(d["batches"].items(), key=lambda kv: int(kv[0]))
    for n, b in batches:
        w(f"| {n} | {fmt_ms(b['tract_ms'])} | {fmt_ms(b['ort_ms'])} | {times(b['ort_over_tract'])} | "
          f"{b['max_abs_diff']:.1e} |")
    w("\nAbove ×1 tract is faster, below ×1 onnxruntime-web is.\n")

    # --- sizes ---
    bs = d["bundle"]
    w("### What each needs to ship\n")
    w("| bundle | files | raw | gzip -9 |")
    w("|---|---|---|---|")
    rows = [
        ("ours: .wasm (model and whole classifier inside)", bs["ours_wasm"]),
        ("ours: .wasm + JS (browser entry, API, glue)", bs["ours_wasm_js"]),
        ("onnxruntime-web: JS entry + .wasm + model (the model only, no classifier)", bs["ort"]),
    ]
    for label, s in rows:
        files = ", ".join(f"`{f.split('/')[-1]}`" for f in s["files"])
        w(f"| {label} | {files} | {kib(s['raw'])} | {kib(s['gzip9'])} |")
    ratio = bs["ort"]["gzip9"] / bs["ours_wasm_js"]["gzip9"]
    w(f"\nAfter gzip, onnxruntime-web with the model alone is {times(ratio)} the size of our whole package "
      "(ingest, feature extraction, model, column graph and report).\n")

    # --- ingest ---
    g = d["ingest"]
    mb = g["bytes"] / 1e6
    w("### CSV ingest: ours against Papa Parse\n")
    w(f"The same {g['bytes'] / 2**20:.0f} MiB file ({mb:.1f} MB, {g['rows']:,} rows of 20 columns, "
      "`target/release/examples/gen_csv 104857600 20`), read into memory once; MB/s counts 10^6 bytes "
      "of that file. Both sides are checked to find the same number of rows.\n")
    w("| what is timed | time | MB/s | ours / Papa Parse (decode + parse) |")
    w("|---|---|---|---|")
    base = g["papa_decode_parse"]["mb_per_s"]
    ing = [
        ("for scale: `TextDecoder` decode of the bytes alone", "decode"),
        ("Papa Parse: `Papa.parse(text)` on the string already decoded", "papa_parse"),
        ("Papa Parse: `TextDecoder` decode of the bytes + `Papa.parse`", "papa_decode_parse"),
        ("ours: `createProfiler()`, `push()` of 1 MiB chunks, `finish()`", "ours_profiler"),
        ("ours: `classify(bytes)`, the whole report", "ours_classify"),
    ]
    for label, k in ing:
        r = g[k]
        ratio = times(r["mb_per_s"] / base) if k.startswith("ours") else ""
        w(f"| {label} | {fmt_ms(r['median_ms'])} | {r['mb_per_s']:.0f} | {ratio} |")
    w(f"\nOurs against Papa Parse on the already-decoded string: "
      f"{times(g['ratios']['ours_profiler_over_papa_parse'])}. Of the profiler's time, `finish()` "
      f"(features, model and graph for the 20 columns) is {fmt_ms(g['ours_profiler']['finish_median_ms'])}.\n")

    # --- why ---
    ratios = [b["ort_over_tract"] for _, b in batches]
    tract_wins = [n for n, b in batches if b["ort_over_tract"] > 1]
    ort_wins = [n for n, b in batches if b["ort_over_tract"] <= 1]
    if tract_wins and ort_wins:
        verdict = (f"tract is faster at batches of {', '.join(tract_wins)}, onnxruntime-web at "
                   f"{', '.join(ort_wins)}")
    else:
        who = "tract" if tract_wins else "onnxruntime-web"
        verdict = f"{who} is faster at every batch size (ORT time / tract time {min(ratios):.2f} to {max(ratios):.2f})"
    w("### What the figures say\n")
    w(f"- **Model latency**: {verdict}. The model is two small MLPs (364→234→96→38), so nearly all "
      "the work is matrix products. onnxruntime-web does them with MLAS, its matrix library, which has "
      "kernels written for wasm SIMD. tract has wasm SIMD128 kernels too, but our build compiles every "
      "dependency, tract included, at opt-level `z` (size), which keeps the module within the Workers "
      "3 MB compressed limit; how much of the gap that explains is not measured here (an opt-level 3 "
      "tract was measured only for load time and size, see the wasm section). Either way the model is "
      "a small share of a classification: feature extraction costs far more per column (see the "
      "figures above).\n")
    w("- **Size**: onnxruntime-web's .wasm is a general runtime (every ONNX operator; the SIMD+threads "
      "build, the only one it ships, is loaded even for one thread), and the model comes beside it. "
      "Our .wasm holds tract with its ONNX loader, the model and everything else DataCloak does"
      + (", and is still the smaller download.\n" if bs["ours_wasm_js"]["gzip9"] < bs["ort"]["gzip9"]
         else ".\n"))
    w("- **Ingest**: the comparison favours Papa Parse in what is done per cell. Papa Parse only splits "
      "the text into arrays of strings (the decode row adds turning the bytes into a JS string first). "
      "Ours parses bytes in wasm and, for every cell, also updates the column's counters "
      "(nulls, lengths), its distinct-count sketch (HyperLogLog) and its reservoir sample; "
      "`finish()`/`classify()` then extract features and run the model on the samples. In exchange it "
      "keeps no rows: its memory stays flat whatever the file size, while Papa Parse's result holds "
      "every cell of the file as a JS string. `classify()` differs from the profiler row only by the "
      "JS around it (chunking, the report's JSON).\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
