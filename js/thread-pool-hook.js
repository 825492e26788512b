// What the threaded glue calls to start its thread pool (build-wasm.sh points wasm-bindgen-rayon's
// `startWorkers` import here), and the pool's message types.
//
// The starter is handed in by the threads entry rather than imported: the pool's own worker loads
// the same glue, and if that import pulled in the code that starts pool workers, bundlers would
// see a worker that starts itself (and its script could be mistaken for one).

/** Pool messages, page-side thread → pool worker (`INIT`) and back. */
export const POOL = Object.freeze({
  INIT: 'datacloak:pool-init',
  READY: 'datacloak:pool-ready',
  FAILED: 'datacloak:pool-failed',
});

let starter = null;

/** Set by the threads entry before it asks for a pool. */
export function setPoolStarter(start) {
  starter = start;
}

/** wasm-bindgen-rayon's `startWorkers(module, memory, builder)`. */
export function startWorkers(module, memory, builder) {
  if (!starter) return Promise.reject(new Error('datacloak: no thread pool starter (load the threaded build through datacloak/threads)'));
  return starter(module, memory, builder);
}
