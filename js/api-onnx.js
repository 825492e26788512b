// The browser API of `datacloak/onnx` (less the `*InWorker` calls, which onnx.js adds): the
// single-threaded build with the ONNX reader, for pages that pass their own model as `model`.
// The default build leaves that reader out (a quarter of its size). Node's is js/node-onnx.js.
import { DataCloakError, ERROR_FIELDS, singleThreaded } from './core.js';
import * as glue from './onnx/datacloak_onnx.js';

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal } = singleThreaded(glue);
export { DataCloakError, ERROR_FIELDS };
