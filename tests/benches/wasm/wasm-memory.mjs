// The wasm memory's high-water mark step by step for the 100-column batch of the harness, in a
// fresh instance (wasm memory never shrinks, so each figure includes the steps before it), then
// after repeated runs (it must stay flat). Run by bench-wasm.sh:
//   node tests/benches/wasm/wasm-memory.mjs > target/bench-wasm/wasm-memory.json
import * as api from '../../../pkg/node.js';
import { table } from './harness.js';

const steps = [];
const note = (step) => steps.push({ step, wasm_memory_bytes: api.info().memoryBytes });
await api.init();
note('module instantiated, model loaded');
const wide = table(1000, 100);
const p = await api.profile(wide);
note('CSV profiled (100 samples of 1,000 values held)');
const f = p.features();
p.free();
note('features extracted');
api.predict(f);
note('model run on the 100 feature vectors');
api.clearCache();
await api.classify(wide);
note('whole classify (ingest, features, model, graph, report)');
for (let i = 0; i < 20; i++) {
  api.clearCache();
  await api.classify(wide);
}
note('after 20 more runs');
process.stdout.write(`${JSON.stringify({ csv_bytes: wide.length, steps }, null, 2)}\n`);
