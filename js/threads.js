// Browser entry with threads (`datacloak/threads`): the same API as the default entry, and inside
// Web Workers of cross-origin isolated pages the threaded build (its own .wasm, loaded only there).
// Everywhere else, and whenever the pool cannot start, the single-threaded build, with one console
// line saying why.
import { createApi, DataCloakError, ERROR_FIELDS } from './core.js';
import { setPoolStarter } from './thread-pool-hook.js';
import { startPool } from './thread-pool.js';
import * as single from './wasm/datacloak.js';
import { workerCalls } from './worker-calls.js';

/**
 * Threads need shared memory (a cross-origin isolated page) and a thread that may block: rayon
 * waits on its pool with `memory.atomic.wait`, which browsers forbid on the page's main thread.
 * So the threaded build is used inside Web Workers (`classifyInWorker` and the like) only.
 */
function canUseThreads() {
  const inWorker = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;
  return inWorker && globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/** The threaded build with a started pool of `n` workers. */
async function loadThreaded(n) {
  const glue = await import('./threads/datacloak_threads.js');
  const exports = await glue.default();
  setPoolStarter(startPool);
  // A page whose CSP forbids the pool's workers would otherwise wait forever.
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('thread pool did not start within 20 s')), 20_000);
  });
  await Promise.race([glue.initThreadPool(n), timeout]).finally(() => clearTimeout(timer));
  return { glue, exports };
}

const api = createApi(async ({ module, wasm, threads } = {}) => {
  const wanted = threads ?? (globalThis.navigator?.hardwareConcurrency || 1);
  if (canUseThreads() && wanted > 1 && module === undefined && wasm === undefined) {
    try {
      return await loadThreaded(wanted);
    } catch (e) {
      console.warn('datacloak: threads unavailable, using one thread:', e?.message ?? e);
    }
  }
  const exports = await single.default(module || wasm ? { module_or_path: module ?? wasm } : undefined);
  return { glue: single, exports };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = api;
export { DataCloakError, ERROR_FIELDS };

export const { classifyInWorker, planCloakInWorker, cloakInWorker, infoInWorker } = workerCalls(
  () => new Worker(new URL('./datacloak-threads-worker.js', import.meta.url), { type: 'module', name: 'datacloak' }),
  'datacloak-threads-worker.js',
);
