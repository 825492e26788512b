// Browser entry (single-threaded). The only request it makes is for the package's own .wasm, next
// to the glue, and only when `init()` is not handed a module or bytes. It never names the threaded
// build, so a bundler neither emits nor deploys it; pages that want threads import
// `datacloak/threads` (threads.js) instead.
import { createApi, DataCloakError, ERROR_FIELDS } from './core.js';
import * as glue from './wasm/datacloak.js';
import { workerCalls } from './worker-calls.js';

let warned = false;

const api = createApi(async ({ module, wasm, threads } = {}) => {
  if (threads > 1 && !warned) {
    warned = true;
    console.warn("datacloak: threads need the 'datacloak/threads' entry; using one thread");
  }
  const exports = await glue.default(module || wasm ? { module_or_path: module ?? wasm } : undefined);
  return { glue, exports };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = api;
export { DataCloakError, ERROR_FIELDS };

export const { classifyInWorker, planCloakInWorker, cloakInWorker, infoInWorker } = workerCalls(
  () => new Worker(new URL('./datacloak-worker.js', import.meta.url), { type: 'module', name: 'datacloak' }),
  'datacloak-worker.js',
);
