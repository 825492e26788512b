// One benchmark harness for the wasm build, run by node-bench.mjs in Node and by
// browser-bench.mjs in headless Chromium: same operations, same data, same statistics.
// The operations mirror the native criterion benches (tests/benches/pipeline.rs).

/** A deterministic mixed table; the same generator as `table()` in tests/benches/pipeline.rs. */
export function table(rows, cols) {
  const kinds = ['email', 'phone', 'amount', 'city', 'id', 'date', 'name', 'flag'];
  const cities = ['Paris', 'Berlin', 'Lisbon', 'Austin', 'Osaka', 'Lima'];
  const names = ['Ann Lee', 'Bo Smith', 'Cy Jones', 'Di Brown', 'Ed Garcia'];
  const pad = (n, w) => String(n).padStart(w, '0');
  const lines = [Array.from({ length: cols }, (_, c) => `${kinds[c % kinds.length]}_${c}`).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      switch (c % kinds.length) {
        case 0: cells.push(`user${r}.${c}@example.com`); break;
        case 1: cells.push(`+1 555 ${pad(r % 1000, 3)} ${pad((r * 7 + c) % 10000, 4)}`); break;
        case 2: cells.push(`${(r * 13 + c) % 5000}.${pad(r % 100, 2)}`); break;
        case 3: cells.push(cities[(r + c) % cities.length]); break;
        case 4: cells.push(String(100000 + r)); break;
        case 5: cells.push(`2024-${pad((r % 12) + 1, 2)}-${pad((r % 28) + 1, 2)}`); break;
        case 6: cells.push(names[(r + c) % names.length]); break;
        default: cells.push(r % 2 ? 'false' : 'true');
      }
    }
    lines.push(cells.join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** 1,000 e-mail addresses in one column, as in the native `extract_1000_values/email` bench. */
export function emailColumn() {
  const lines = ['email'];
  for (let i = 0; i < 1000; i++) lines.push(`someone${i}@example.org`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; times in ms. */
async function measure(fn, { runs, warmup = 2 }) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median_ms: median(times), min_ms: Math.min(...times), runs };
}

/**
 * Runs every operation over the initialised `api` (the package's exports) and returns
 * `{name: {median_ms, min_ms, runs, ...}}`. `ingestBytes` sets the size of the ingest input.
 */
/** `api` is the package's entry module, `internal` its `datacloak/internal` (the kernel hooks). */
export async function runAll(api, internal, { runs = 7, ingestBytes = 100 << 20 } = {}) {
  const out = {};
  const column = emailColumn();
  // Generous warm-up: engines first run wasm through a baseline compiler and tier up in the
  // background, so the first calls measure the compiler rather than the code.
  const warmup = 20;
  // Each run starts from an empty feature cache, so it measures first-time classification.
  const fresh = (input) => {
    api.clearCache();
    return api.classify(input);
  };
  out.single_column_1000 = await measure(() => fresh(column), { runs: runs * 3, warmup });
  const profiled = await api.profile(column);
  out.features_1000 = await measure(() => profiled.features(), { runs: runs * 3, warmup });
  profiled.free();

  // The byte-class kernel, SIMD128 against its scalar twin in the same module, over 1.1 MB per
  // call so that copying the bytes into wasm is small beside the scan.
  const text = new TextEncoder().encode('john.doe+tag@example.com, +1 (555) 010-2030; Zurich 8001 '.repeat(20000));
  for (const simd of [true, false]) {
    const r = await measure(() => internal.classCounts(text, simd), { runs: runs * 3, warmup });
    r.bytes = text.length;
    r.mb_per_s = text.length / 1e6 / (r.median_ms / 1000);
    out[simd ? 'class_scan_simd' : 'class_scan_scalar'] = r;
  }

  const wide = table(1000, 100);
  out.batch_100_columns = await measure(() => fresh(wide), { runs, warmup: 3 });
  out.batch_100_columns.wasm_memory_bytes = api.info().memoryBytes;
  // The same table again: the features of every column come from the cache.
  out.batch_100_columns_cached = await measure(() => api.classify(wide), { runs, warmup: 1 });

  // The column graph alone on 50 columns shaped as the native bench's (graph/build/50): every
  // column uncertain (top probability 0.8, so all take part in every round), seven header groups,
  // five value groups.
  const L = api.info().labels.length;
  const graphColumns = Array.from({ length: 50 }, (_, i) => ({ name: `t${i % 7} x`, values: [String(i % 5)] }));
  const graphProbs = new Float32Array(50 * L).fill(0.2 / (L - 1));
  for (let i = 0; i < 50; i++) graphProbs[i * L + (i % L)] = 0.8;
  out.graph_50_columns = await measure(() => api.refine(graphColumns, graphProbs), { runs: runs * 3, warmup });

  // Ingest alone: pushing bytes through the CSV parser and the per-column profiles.
  const unit = table(50000, 20);
  const big = new Uint8Array(Math.floor(ingestBytes / unit.length) * unit.length || unit.length);
  for (let at = 0; at < big.length; at += unit.length) big.set(unit, at);
  // Repeats of the table keep one header line each: all rows still have 20 fields.
  const ingest = await measure(
    () => {
      const p = api.createProfiler({ hasHeader: true });
      for (let at = 0; at < big.length; at += 1 << 20) p.push(big.subarray(at, at + (1 << 20)));
      p.free();
    },
    { runs: Math.max(5, Math.ceil(runs / 2)), warmup: 1 },
  );
  ingest.bytes = big.length;
  ingest.mb_per_s = big.length / 1e6 / (ingest.median_ms / 1000);
  out.ingest = ingest;
  return out;
}
