// Runs the harness inside a Web Worker (where the threaded build may be used: rayon blocks, which
// the page's main thread may not). Posts `{ready_ms, info, results}` or `{error}` back.
import { runAll } from './harness.js';

self.onmessage = async ({ data: { threads, ready, runs, ingestMB } }) => {
  try {
    const t0 = performance.now();
    const api = await import('/pkg/threads.js');
    await api.init({ threads });
    const info = api.info();
    const ready_ms = performance.now() - t0;
    const internal = await import('/pkg/internal.js');
    const results = ready ? undefined : await runAll(api, internal, { runs, ingestBytes: ingestMB << 20 });
    self.postMessage({ ready_ms, info, results });
  } catch (e) {
    self.postMessage({ error: String(e?.stack ?? e) });
  }
};
