// Cloudflare Workers entry. Workers may not compile wasm from bytes at run time, so the module is
// imported (bundlers for Workers turn a .wasm import into a WebAssembly.Module); a caller may also
// pass its own `init({ module })`.
import wasmModule from './wasm/datacloak_bg.wasm';
import { createApi } from './core.js';
import * as glue from './wasm/datacloak.js';

const api = createApi(async ({ module } = {}) => {
  const exports = glue.initSync({ module: module ?? wasmModule });
  return { glue, exports };
});

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS } = api;

/** Workers have no Web Workers: the same call, in this isolate. */
export const classifyInWorker = (input, { threads, ...options } = {}) => classify(input, options);

/** `cloak` read to its end, as the browser's `cloakInWorker` resolves: `{report, plan, blob, summary}`. */
export async function cloakInWorker(input, { threads, ...options } = {}) {
  const { report, plan, blob, done } = await cloak(input, options);
  return { report, plan, blob: await blob(), summary: await done };
}

/** `planCloak` (the browser runs it in a Web Worker). */
export const planCloakInWorker = (input, { threads, ...options } = {}) => planCloak(input, options);
