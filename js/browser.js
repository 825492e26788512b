// Browser entry (`datacloak`): single-threaded. The only request it makes is for the package's
// own .wasm, and only when `init()` is not handed a module or bytes. Pages that want threads
// import `datacloak/threads` (threads.js) instead; this entry never names the threaded build.
import { workerCalls } from './worker-calls.js';

export * from './api-single.js';

export const { classifyInWorker, planCloakInWorker, cloakInWorker, infoInWorker } = workerCalls(
  () => new Worker(new URL('./datacloak-worker.js', import.meta.url), { type: 'module', name: 'datacloak' }),
  'datacloak-worker.js',
);
