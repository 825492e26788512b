// Node entry of `datacloak`: the default build, which runs the built-in model (custom ONNX models:
// `datacloak/onnx`, js/node-onnx.js).
import { nodeApi } from './node-api.js';
import * as glue from './wasm/datacloak.js';

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS, classifyInWorker, cloakInWorker, planCloakInWorker, infoInWorker } =
  nodeApi(glue, new URL('./wasm/datacloak_bg.wasm', import.meta.url));
