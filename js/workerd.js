// Cloudflare Workers entry. Workers may not compile wasm from bytes at run time, so the module is
// imported (bundlers for Workers turn a .wasm import into a WebAssembly.Module); a caller may also
// pass its own `init({ module })`.
import wasmModule from './wasm/datacloak_bg.wasm';
import { createApi, sameThread } from './core.js';
import * as glue from './wasm/datacloak.js';

const api = createApi(async ({ module } = {}) => {
  const exports = glue.initSync({ module: module ?? wasmModule });
  return { glue, exports };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS } = api;

// Node and Workers have no Web Workers: the `*InWorker` calls run on this thread.
export const { classifyInWorker, cloakInWorker, planCloakInWorker, infoInWorker } = sameThread(api);
