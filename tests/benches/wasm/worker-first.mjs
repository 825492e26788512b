// First classification in the local Workers runtime: `node tests/benches/wasm/worker-first.mjs [RUNS]`.
// Each run starts the Worker (`npm run worker`, wrangler + workerd, as tests/node/worker.test.mjs
// does), waits until it answers, then times POST /classify of customers.csv twice: the first
// request instantiates the module and loads the model, the second shows the request's own cost.
// Prints one JSON object with the medians in ms.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, SAMPLES, startWorker } from '../../node/helpers.mjs';

const runs = Number(process.argv[2] ?? 5);
const csv = await readFile(path.join(SAMPLES, 'customers.csv'));
const first = [];
const second = [];
const post = async (base) => {
  const t0 = performance.now();
  const res = await fetch(`${base}/classify`, { method: 'POST', body: csv });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  await res.json();
  return performance.now() - t0;
};
for (let i = 0; i < runs; i++) {
  const worker = await startWorker(['run', 'worker', '--']);
  try {
    first.push(await post(worker.base));
    second.push(await post(worker.base));
  } finally {
    worker.stop();
  }
  await new Promise((r) => setTimeout(r, 500));
}
const median = (v) => +[...v].sort((a, b) => a - b)[v.length >> 1].toFixed(1);
console.log(JSON.stringify({ root: ROOT, runs, first_ms: median(first), second_ms: median(second), first_all: first.map((x) => +x.toFixed(1)) }));
