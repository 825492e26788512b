// Starts the threaded build's pool: one Web Worker per thread, each running
// `datacloak-pool-worker.js` on the same module and shared memory. Written for bundlers: the worker
// is named by `new URL(..., import.meta.url)` inside `new Worker(...)`, which they rewrite, and it
// is a script of its own, never the calling one (wasm-bindgen-rayon's helper started workers from
// `import.meta.url`, which in a bundled worker is the classify worker itself, which then took the
// pool's message for a call and started a pool of its own, without end).
import { POOL } from './thread-pool-hook.js';
import { expectedUrl } from './worker-calls.js';

/** A page whose CSP forbids the pool's workers would otherwise wait forever. */
const START_TIMEOUT_MS = 20_000;

/**
 * `startWorkers` for the hook: resolves once every worker runs the module; rejects, with every
 * worker it started terminated, if one cannot start or they are not all ready in time.
 *
 * Once started, a pool thread blocks its worker in rayon's loop: a trap there (a panic aborts) is
 * not seen by anyone, and the call waiting for that thread waits until its `signal` aborts it.
 */
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
        reject(new Error(`thread pool worker did not start: ${e?.message || `its script did not load (expected at ${expectedUrl('datacloak-pool-worker.js')} unless a bundler renamed it)`}`));
      worker.postMessage(init);
    });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`thread pool did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    const all = Promise.all(
      Array.from({ length: n }, () => {
        const worker = new Worker(new URL('./datacloak-pool-worker.js', import.meta.url), { type: 'module', name: 'datacloak-pool' });
        workers.push(worker);
        return started(worker);
      }),
    );
    all.catch(() => {}); // when the timeout wins, a later failure has no one to tell
    await Promise.race([all, timeout]);
  } catch (e) {
    for (const worker of workers) worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  builder.build();
}
