// Starts the threaded build's pool: one Web Worker per thread, each running
// `datacloak-pool-worker.js` on the same module and shared memory. Written for bundlers: the worker
// is named by `new URL(..., import.meta.url)` inside `new Worker(...)`, which they rewrite, and it
// is a script of its own, never the calling one (wasm-bindgen-rayon's helper started workers from
// `import.meta.url`, which in a bundled worker is the classify worker itself, which then took the
// pool's message for a call and started a pool of its own, without end).
import { POOL } from './thread-pool-hook.js';
import { expectedUrl } from './worker-calls.js';

/** `startWorkers` for the hook: resolves once every worker runs the module, rejects if one cannot. */
export async function startPool(module, memory, builder) {
  const n = builder.numThreads();
  if (n === 0) throw new Error('datacloak: a thread pool needs at least one thread');
  const init = { type: POOL.INIT, module, memory, receiver: builder.receiver() };
  const workers = [];
  const started = (worker) =>
    new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data?.type === POOL.READY) resolve();
        else if (data?.type === POOL.FAILED) reject(new Error(`thread pool worker: ${data.message}`));
      };
      worker.onerror = (e) =>
        reject(new Error(`thread pool worker did not start: ${e?.message || `its script did not load from ${expectedUrl('datacloak-pool-worker.js')}`}`));
      worker.postMessage(init);
    });
  try {
    await Promise.all(
      Array.from({ length: n }, () => {
        const worker = new Worker(new URL('./datacloak-pool-worker.js', import.meta.url), { type: 'module', name: 'datacloak-pool' });
        workers.push(worker);
        return started(worker);
      }),
    );
  } catch (e) {
    for (const worker of workers) worker.terminate();
    throw e;
  }
  builder.build();
}
