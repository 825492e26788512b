// Node entry: reads the .wasm next to this file (no network) unless given a module or bytes.
import { readFile } from 'node:fs/promises';
import { createApi } from './core.js';
import * as glue from './wasm/datacloak.js';

const api = createApi(async ({ module, wasm } = {}) => {
  const source = module ?? wasm ?? (await readFile(new URL('./wasm/datacloak_bg.wasm', import.meta.url)));
  const exports = glue.initSync({ module: source });
  return { glue, exports };
});

export const { init, classify, classifyText, createProfiler, info, profile, features, predict, refine, clearCache, classCounts, forTerminal, DataCloakError, ERROR_FIELDS } = api;
/** Not part of the API (the package's own tests use it). */
export const __internal = api.internal;

/** Node has no page to keep responsive: the same call, on this thread. */
export const classifyInWorker = (input, { threads, ...options } = {}) => classify(input, options);
