// Node entry: reads the .wasm next to this file (no network) unless given a module or bytes.
import { randomFillSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createApi, sameThread } from './core.js';
import { glue, WASM_URL } from './node-build.js';

const api = createApi(async ({ module, wasm } = {}) => {
  const source = module ?? wasm ?? (await readFile(WASM_URL));
  const exports = glue.initSync({ module: source });
  return { glue, exports };
}, { randomBytes: (n) => randomFillSync(new Uint8Array(n)) });

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS } = api;

// Node and Workers have no Web Workers: the `*InWorker` calls run on this thread.
export const { classifyInWorker, cloakInWorker, planCloakInWorker, infoInWorker } = sameThread(api);
