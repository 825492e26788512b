// The wasm benchmarks in Node: `node tests/benches/wasm/node-bench.mjs [--pkg DIR] [--runs N]`.
// Prints one JSON object. `ready` (instantiate + model) is timed in fresh processes, since a
// process initialises only once.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { runAll } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const pkg = path.resolve(ROOT, arg('--pkg', 'pkg'));
const runs = Number(arg('--runs', '7'));
const entry = pathToFileURL(path.join(pkg, 'node.js')).href;

if (process.argv.includes('--ready-once')) {
  const t0 = performance.now();
  const api = await import(entry);
  await api.init();
  api.info(); // builds the engine: the model is loaded and optimised here
  process.stdout.write(String(performance.now() - t0));
  process.exit(0);
}

const ready = [];
for (let i = 0; i < Math.max(5, runs); i++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--pkg', pkg, '--ready-once'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  ready.push(Number(r.stdout));
}
ready.sort((a, b) => a - b);

const api = await import(entry);
await api.init();
const internal = await import(pathToFileURL(path.join(pkg, 'internal.js')).href);
const results = await runAll(api, internal, { runs });
results.ready = { median_ms: ready[ready.length >> 1], min_ms: ready[0], runs: ready.length };
results.build = { simd: api.info().simd, node: process.version, pkg: path.relative(ROOT, pkg) };
console.log(JSON.stringify(results, null, 2));
