// Ready time of the builds side by side: `node tests/benches/wasm/ready.mjs [--runs N] NAME=API.js:MODULE.wasm ...`
// Each run starts a fresh Node process per build (in rotating order, so that the machine's noise
// falls on all of them alike) which imports the build's browser API, reads its .wasm, calls
// `init({module})` and `info()` (which loads and optimises the built-in model), and prints the
// milliseconds from before the import: in all, and split into import + reading the .wasm, `init`
// (compile and instantiate) and the model's load (`info`). Prints one JSON object: per build and
// part the median, min and max. V8 flags given to this script (e.g. --liftoff-only) pass to the runs.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (process.argv[2] === '--once') {
  const [api, wasm] = process.argv.slice(3);
  const t0 = performance.now();
  const dc = await import(pathToFileURL(path.resolve(api)).href);
  const bytes = await readFile(wasm);
  const t1 = performance.now();
  await dc.init({ module: bytes });
  const t2 = performance.now();
  dc.info();
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ total: t3 - t0, load: t1 - t0, init: t2 - t1, model: t3 - t2 }));
  process.exit(0);
}

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 11;
const builds = args.map((a) => {
  const [name, files] = a.split('=');
  const [api, wasm] = files.split(':');
  return { name, api, wasm, runs: [] };
});
if (!builds.length || !(runs > 0)) {
  console.error('usage: ready.mjs [--runs N] NAME=API.js:MODULE.wasm ...');
  process.exit(2);
}
for (let i = 0; i < runs; i++) {
  for (let j = 0; j < builds.length; j++) {
    const b = builds[(i + j) % builds.length];
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--once', b.api, b.wasm], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${b.name}: ${r.stderr}`);
    b.runs.push(JSON.parse(r.stdout));
  }
}
const out = {};
for (const b of builds) {
  out[b.name] = { runs };
  for (const part of ['total', 'load', 'init', 'model']) {
    const s = b.runs.map((r) => r[part]).sort((x, y) => x - y);
    out[b.name][part] = { median_ms: +s[s.length >> 1].toFixed(1), min_ms: +s[0].toFixed(1), max_ms: +s.at(-1).toFixed(1) };
  }
}
console.log(JSON.stringify(out, null, 1));
