// Node entry: reads the .wasm next to this file (no network) unless given a module or bytes.
import { randomFillSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createApi } from './core.js';
import * as glue from './wasm/datacloak.js';

const api = createApi(async ({ module, wasm } = {}) => {
  const source = module ?? wasm ?? (await readFile(new URL('./wasm/datacloak_bg.wasm', import.meta.url)));
  const exports = glue.initSync({ module: source });
  return { glue, exports };
}, { randomBytes: (n) => randomFillSync(new Uint8Array(n)) });

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS } = api;

/** Node has no page to keep responsive: the same call, on this thread. */
export const classifyInWorker = (input, { threads, ...options } = {}) => classify(input, options);

/** `cloak` read to its end, as the browser's `cloakInWorker` resolves: `{report, plan, blob, summary}`. */
export async function cloakInWorker(input, { threads, ...options } = {}) {
  const { report, plan, blob, done } = await cloak(input, options);
  return { report, plan, blob: await blob(), summary: await done };
}

/** `planCloak` (the browser runs it in a Web Worker). */
export const planCloakInWorker = (input, { threads, ...options } = {}) => planCloak(input, options);
