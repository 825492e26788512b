// Browser entry with threads (`datacloak/threads`): the same API as `datacloak`; its `*InWorker`
// calls run the threaded build on a pool of workers when the page is cross-origin isolated.
import { workerCalls } from './worker-calls.js';

export * from './api-threads.js';

export const { classifyInWorker, planCloakInWorker, cloakInWorker, infoInWorker } = workerCalls(
  () => new Worker(new URL('./datacloak-threads-worker.js', import.meta.url), { type: 'module', name: 'datacloak' }),
  'datacloak-threads-worker.js',
);
