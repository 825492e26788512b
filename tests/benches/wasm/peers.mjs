// Side by side with the peers, in Node:
//   node --expose-gc tests/benches/wasm/peers.mjs --csv FILE [--runs N] [--pkg DIR]
// 1. the model alone: tract in our wasm (`predict`) against onnxruntime-web (wasm backend, one
//    thread) on the same ONNX file and the same real feature vectors; outputs must agree.
// 2. bundle size of what each needs to run that model.
// 3. CSV ingest of the same file: ours (profiler, and the whole classify) against Papa Parse.
// Every figure is the median of --runs runs; within a run the contenders are timed one right after
// the other, so their ratio is not skewed by the machine's load drifting between them.
// Prints one JSON object (run by pkg-scripts/bench-peers.sh, read by bench-peers-report.py).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import Papa from 'papaparse';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('--runs', '5'));
const pkg = path.resolve(ROOT, arg('--pkg', 'pkg'));
const csvPath = arg('--csv');
if (!(runs >= 1) || !csvPath) throw new Error('usage: peers.mjs --csv FILE [--runs N] [--pkg DIR]');
const MODEL = path.join(ROOT, 'models/datacloak-v1/model.onnx');
const ORT_DIST = path.join(ROOT, 'node_modules/onnxruntime-web/dist');
const BATCHES = [1, 8, 32, 100, 500];

// Nothing may come from the network: ORT reads its .wasm from node_modules with fs in Node. Should a
// version start fetching it, fail loudly rather than time a download.
globalThis.fetch = (url) => {
  throw new Error(`peers: unexpected fetch of ${url}`);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const gc = () => globalThis.gc?.(); // with --expose-gc: one contender's garbage is not the next one's cost

const api = await import(pathToFileURL(path.join(pkg, 'node.js')).href);
await api.init();
const { featureCount: F, labels, modelSha256 } = api.info();
const modelBytes = readFileSync(MODEL);
// `predict` runs the model embedded in the wasm: it must be the very file ORT loads.
if (createHash('sha256').update(modelBytes).digest('hex') !== modelSha256) {
  throw new Error(`the wasm embeds model ${modelSha256}, not ${MODEL}`);
}

ort.env.wasm.numThreads = 1; // single-threaded, like our non-threaded build
const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
const [inputName] = session.inputNames;
const [outputName] = session.outputNames;

// Real feature vectors: every column of the sample CSVs, repeated up to the largest batch.
const sampleDir = path.join(ROOT, 'tests/data/samples');
const vectors = [];
for (const f of readdirSync(sampleDir).filter((n) => n.endsWith('.csv')).sort()) {
  const feats = await api.features(readFileSync(path.join(sampleDir, f)));
  for (let c = 0; c < feats.length / F; c++) vectors.push(feats.subarray(c * F, (c + 1) * F));
}
const tiled = new Float32Array(Math.max(...BATCHES) * F);
for (let i = 0; i < tiled.length / F; i++) tiled.set(vectors[i % vectors.length], i * F);

const tract = (x) => api.predict(x);
const onnx = async (x) => {
  const out = await session.run({ [inputName]: new ort.Tensor('float32', x, [x.length / F, F]) });
  return out[outputName].data;
};

/** Mean ms per call of `fn` over `iters` back-to-back calls. */
async function timeCalls(fn, iters) {
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) await fn();
  return (performance.now() - t0) / iters;
}

// --- 1. batch latency -------------------------------------------------------------------------
const batches = {};
for (const n of BATCHES) {
  const x = tiled.slice(0, n * F);
  // Same work or no comparison: both outputs must match, label by label.
  const a = tract(x);
  const b = await onnx(x);
  if (a.length !== n * labels.length || b.length !== a.length) {
    throw new Error(`batch ${n}: output sizes ${a.length} / ${b.length}`);
  }
  let maxDiff = 0;
  for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
  if (!(maxDiff < 1e-4)) throw new Error(`batch ${n}: tract and ORT disagree, max abs diff ${maxDiff}`);
  // Warm up for a second: V8 first runs wasm through its baseline compiler and swaps in optimised
  // code in the background; tract's one-column calls ran 3x slower for their first ~2,000 calls.
  // Then each sample is sized to >= ~100 ms so that sub-millisecond calls are not lost in timer noise.
  const fns = { tract, ort: onnx };
  const iters = {};
  for (const [name, fn] of Object.entries(fns)) {
    for (const t0 = performance.now(); performance.now() - t0 < 1000;) await fn(x);
    iters[name] = Math.max(1, Math.ceil(100 / (await timeCalls(() => fn(x), 20))));
  }
  const t = { tract: [], ort: [] };
  for (let r = 0; r < runs; r++) {
    // Who goes first alternates, so neither always gets the quieter slot.
    for (const name of r % 2 ? ['ort', 'tract'] : ['tract', 'ort']) {
      t[name].push(await timeCalls(() => fns[name](x), iters[name]));
    }
  }
  const tractMs = median(t.tract);
  const ortMs = median(t.ort);
  batches[n] = {
    tract_ms: tractMs, ort_ms: ortMs, ort_over_tract: ortMs / tractMs, max_abs_diff: maxDiff, calls_per_run: iters, runs_ms: t,
  };
}

// --- 2. bundle sizes --------------------------------------------------------------------------
function sizes(files) {
  const raw = Buffer.concat(files.map((f) => readFileSync(f)));
  const gzip9 = gzipSync(raw, { level: 9 }).length;
  return { files: files.map((f) => path.relative(ROOT, f)), raw: raw.length, gzip9 };
}
const bundle = {
  // The model and the whole classifier are inside this one file.
  ours_wasm: sizes([path.join(pkg, 'wasm/datacloak_bg.wasm')]),
  // What a browser page loads in all: the wasm and its JS (entry, API, wasm-bindgen glue).
  ours_wasm_js: sizes(['wasm/datacloak_bg.wasm', 'browser.js', 'core.js', 'wasm/datacloak.js'].map((f) => path.join(pkg, f))),
  // A browser page using ORT's wasm backend: `onnxruntime-web/wasm` (its Emscripten glue bundled
  // in), the SIMD wasm it loads, and the model. The model alone, without our feature extraction.
  ort: sizes([...['ort.wasm.bundle.min.mjs', 'ort-wasm-simd-threaded.wasm'].map((f) => path.join(ORT_DIST, f)), MODEL]),
};

// --- 3. CSV ingest ----------------------------------------------------------------------------
const bytes = readFileSync(csvPath);
const CHUNK = 1 << 20;
const finishMs = [];
const contenders = {
  decode: () => new TextDecoder().decode(bytes).length, // for scale: the share of decoding in Papa's
  papa_decode_parse: () => Papa.parse(new TextDecoder().decode(bytes)).data.length,
  papa_parse: (text) => Papa.parse(text).data.length,
  ours_profiler: () => {
    const p = api.createProfiler();
    for (let at = 0; at < bytes.length; at += CHUNK) p.push(bytes.subarray(at, at + CHUNK));
    // finish() also classifies the 20 sampled columns (features, model, graph): timed apart to
    // show it is a small share of the total.
    const t0 = performance.now();
    const rows = p.finish().table.rows;
    finishMs.push(performance.now() - t0);
    return rows;
  },
  ours_classify: async () => (await api.classify(bytes)).table.rows,
};
const text = new TextDecoder().decode(bytes);
/** Both sides must read the same rows (Papa also counts the header and the empty last line). */
async function sameRows() {
  const parsed = Papa.parse(text);
  if (parsed.errors.length) throw new Error(`Papa Parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const ours = await contenders.ours_classify();
  const papaRows = parsed.data.length - 1 - (parsed.data.at(-1).join('') === '' ? 1 : 0);
  if (papaRows !== ours) throw new Error(`rows: Papa Parse ${papaRows}, ours ${ours}`);
  return ours;
}
const rows = await sameRows();
const names = Object.keys(contenders);
const ingestTimes = Object.fromEntries(names.map((k) => [k, []]));
for (let r = -1; r < runs; r++) { // run -1 is the warm-up
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + r + 1) % names.length]; // the order rotates from run to run
    gc();
    const t0 = performance.now();
    await contenders[name](text);
    if (r >= 0) ingestTimes[name].push(performance.now() - t0);
  }
}
const ingest = { bytes: bytes.length, rows, file: path.relative(ROOT, path.resolve(csvPath)) };
for (const [name, times] of Object.entries(ingestTimes)) {
  const ms = median(times);
  ingest[name] = { median_ms: ms, mb_per_s: bytes.length / 1e6 / (ms / 1000), runs_ms: times };
}
ingest.ours_profiler.finish_median_ms = median(finishMs.slice(-runs));
const mbs = (k) => ingest[k].mb_per_s;
ingest.ratios = {
  ours_profiler_over_papa_parse: mbs('ours_profiler') / mbs('papa_parse'),
  ours_profiler_over_papa_decode_parse: mbs('ours_profiler') / mbs('papa_decode_parse'),
  ours_classify_over_papa_decode_parse: mbs('ours_classify') / mbs('papa_decode_parse'),
};

const version = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
console.log(JSON.stringify({
  date: new Date().toISOString(),
  node: process.version,
  runs,
  gc_between_runs: typeof globalThis.gc === 'function',
  versions: {
    datacloak: version(ROOT),
    'onnxruntime-web': ort.env.versions.web,
    papaparse: version(path.join(ROOT, 'node_modules/papaparse')),
  },
  model: {
    file: path.relative(ROOT, MODEL), sha256: modelSha256, input: inputName, output: outputName, features: F, labels: labels.length,
  },
  // ORT 1.30 ships one wasm for this backend, the SIMD+threads build; with one thread it starts no workers.
  ort_settings: { backend: 'wasm', numThreads: ort.env.wasm.numThreads, wasm: 'ort-wasm-simd-threaded.wasm' },
  ours_settings: { simd: api.info().simd, threads: api.info().threads },
  feature_vectors: { distinct_columns: vectors.length, from: 'tests/data/samples/*.csv' },
  batches,
  bundle,
  ingest,
}, null, 2));
