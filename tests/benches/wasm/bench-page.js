// The browser side of browser-bench.mjs: `?threads=N` picks the build (1 = single-threaded),
// `?ready=1` only times init, `?runs=N` and `?ingestMB=N` size the run. The result lands in
// `window.benchResult` for the driver to collect.
import { runAll } from './harness.js';

const q = new URLSearchParams(location.search);
const threads = Number(q.get('threads') ?? '1');
const t0 = performance.now();
const api = await import('/pkg/browser.js');
try {
  await api.init({ threads });
  const info = api.info();
  const ready_ms = performance.now() - t0;
  if (q.get('ready')) {
    window.benchResult = { ready_ms, info };
  } else {
    const results = await runAll(api, { runs: Number(q.get('runs') ?? 7), ingestBytes: Number(q.get('ingestMB') ?? 50) << 20 });
    window.benchResult = { ready_ms, info, results };
  }
} catch (e) {
  window.benchResult = { error: String(e?.stack ?? e) };
}
document.querySelector('#status').textContent = 'done';
