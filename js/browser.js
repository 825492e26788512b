// Browser entry. Loads the threaded build in Web Workers of cross-origin isolated pages (shared
// memory is allowed, and a worker may block) and the single-threaded one everywhere else. The
// only request made is for the package's own .wasm, next to this file, and only when `init()` is
// not handed a module or bytes.
import { createApi, DataCloakError, ERROR_FIELDS } from './core.js';

/**
 * Threads need shared memory (a cross-origin isolated page) and a thread that may block: rayon
 * waits on its pool with `memory.atomic.wait`, which browsers forbid on the page's main thread.
 * So the threaded build is used inside Web Workers (`classifyInWorker`) only.
 */
function canUseThreads() {
  const inWorker = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;
  return inWorker && globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

const api = createApi(async ({ module, wasm, threads } = {}) => {
  const wanted = threads ?? (globalThis.navigator?.hardwareConcurrency || 1);
  if (canUseThreads() && wanted > 1 && module === undefined && wasm === undefined) {
    try {
      const glue = await import('./threads/datacloak.js');
      const exports = await glue.default();
      // A page whose CSP forbids the pool's workers would otherwise wait forever.
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('thread pool did not start within 20 s')), 20_000);
      });
      await Promise.race([glue.initThreadPool(wanted), timeout]).finally(() => clearTimeout(timer));
      return { glue, exports };
    } catch (e) {
      // A missing threaded build (or a browser that refuses it) falls back to one thread.
      console.warn('datacloak: threaded build unavailable, using one thread:', e?.message ?? e);
    }
  }
  const glue = await import('./wasm/datacloak.js');
  const exports = await glue.default(module || wasm ? { module_or_path: module ?? wasm } : undefined);
  return { glue, exports };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = api;
export { DataCloakError, ERROR_FIELDS };

/**
 * Runs one call (`classify` or `cloak`) in a new Web Worker and resolves with what it posts back.
 * `onProgress` and `signal` work across the thread boundary; terminating the worker cancels.
 */
function inWorker(kind, input, options = {}) {
  // `threads` is for the worker's init(), not for the core (which refuses unknown options).
  const { onProgress, signal, threads, ...rest } = options;
  const cancelled = () => new DataCloakError(`${kind} cancelled`, { name: 'AbortError', code: 'ABORTED' });
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const worker = new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module' });
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'result') {
        done();
        resolve(data.result);
      } else if (data.type === 'error') {
        done();
        reject(new DataCloakError(data.error.message, data.error));
      }
    };
    worker.onerror = (e) => {
      done();
      reject(new DataCloakError(`datacloak worker failed: ${e.message}`, { code: 'STATE' }));
    };
    const transfer = typeof ReadableStream !== 'undefined' && input instanceof ReadableStream ? [input] : [];
    worker.postMessage({ kind, input, options: rest, threads }, transfer);
  });
}

/**
 * `classify` run in a Web Worker, so the page stays responsive. Same input, options and result;
 * `onProgress` and `signal` work across the thread boundary.
 */
export function classifyInWorker(input, options = {}) {
  return inWorker('classify', input, options);
}

/**
 * `classify` in a Web Worker, with what a safe copy would do: `{report, plan, actions}` (the plan
 * of `policy`, default the built-in one, and `cloakActions()`), for pages that offer an action
 * picker per column without loading the module on their own thread. Options: `classify`'s and `policy`.
 */
export function planCloakInWorker(input, options = {}) {
  return inWorker('plan', input, options);
}

/**
 * `cloak` run in a Web Worker: resolves with `{report, plan, blob, summary}` once the whole safe
 * copy is made (a Blob, ready to download). Same options as `cloak`.
 */
export function cloakInWorker(input, options = {}) {
  return inWorker('cloak', input, options);
}
