// The single-threaded browser API (what `datacloak` exports, less the `*InWorker` calls, which
// browser.js adds): the entry's own thread and the worker behind those calls both use it. It
// never names the threaded or the ONNX build, so a bundler neither emits nor deploys those.
import { DataCloakError, ERROR_FIELDS, singleThreaded } from './core.js';
import * as glue from './wasm/datacloak.js';

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = singleThreaded(glue);
export { DataCloakError, ERROR_FIELDS };
