// The browser side of browser-bench.mjs: `?threads=N` picks the build (1 = single-threaded),
// `?ready=1` only times init, `?runs=N` and `?ingestMB=N` size the run. The harness runs in a Web
// Worker, as the package's threaded build requires; the result lands in `window.benchResult`.
const q = new URLSearchParams(location.search);
const worker = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  window.benchResult = data;
  document.querySelector('#status').textContent = 'done';
  worker.terminate();
};
worker.onerror = (e) => {
  window.benchResult = { error: `worker failed: ${e.message}` };
};
worker.postMessage({
  threads: Number(q.get('threads') ?? '1'),
  ready: Boolean(q.get('ready')),
  runs: Number(q.get('runs') ?? 7),
  ingestMB: Number(q.get('ingestMB') ?? 50),
});
