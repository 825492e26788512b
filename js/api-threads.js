// The browser API of `datacloak/threads`, less the `*InWorker` calls (threads.js adds them): inside
// Web Workers of cross-origin isolated pages, the threaded build (its own .wasm, loaded only
// there); everywhere else, and whenever the pool cannot start, the single-threaded build. A worker
// that was meant to have threads and has not says why, once, on the console.
import { createApi, DataCloakError, ERROR_FIELDS, glueSource } from './core.js';
import { setPoolStarter } from './thread-pool-hook.js';
import { startPool } from './thread-pool.js';
import * as singleGlue from './wasm/datacloak.js';

/**
 * Why this thread cannot run the threaded build, or null if it can. Threads need shared memory (a
 * cross-origin isolated page) and a thread that may block: rayon waits on its pool with
 * `memory.atomic.wait`, which browsers forbid on the page's main thread.
 */
function whyNoThreads() {
  const inWorker = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;
  if (!inWorker) return "threads run only in the *InWorker calls (the page's own thread may not block)";
  if (globalThis.crossOriginIsolated !== true || typeof SharedArrayBuffer !== 'function') {
    return 'the page is not cross-origin isolated (Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: require-corp)';
  }
  return null;
}

/** The threaded build with a started pool of `n` workers. */
async function loadThreaded(n) {
  const glue = await import('./threads/datacloak_threads.js');
  const exports = await glue.default();
  setPoolStarter(startPool);
  await glue.initThreadPool(n);
  return { glue, exports };
}

const api = createApi(async (options = {}) => {
  const { module, wasm, threads } = options;
  const wanted = threads ?? (globalThis.navigator?.hardwareConcurrency || 1);
  // Threads are wanted by default in a worker, and on the page's thread only when asked for.
  const inWorker = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;
  if (wanted > 1 && module === undefined && wasm === undefined && (inWorker || threads !== undefined)) {
    const why = whyNoThreads();
    try {
      if (why) throw new Error(why);
      return await loadThreaded(wanted);
    } catch (e) {
      console.warn('datacloak: threads unavailable, using one thread:', e?.message ?? e);
    }
  }
  return { glue: singleGlue, exports: await singleGlue.default(glueSource(options)) };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = api;
export { DataCloakError, ERROR_FIELDS };
