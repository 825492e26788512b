// The single-threaded browser API (what `datacloak` exports, less the `*InWorker` calls, which
// browser.js adds): the entry's own thread and the worker behind those calls both use it. It
// never names the threaded build, so a bundler neither emits nor deploys that.
import { createApi, DataCloakError, ERROR_FIELDS, glueSource } from './core.js';
import * as glue from './wasm/datacloak.js';

let warned = false;

const api = createApi(async (options = {}) => {
  if (options.threads > 1 && !warned) {
    warned = true;
    console.warn("datacloak: threads need the 'datacloak/threads' entry; using one thread");
  }
  return { glue, exports: await glue.default(glueSource(options)) };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = api;
export { DataCloakError, ERROR_FIELDS };
