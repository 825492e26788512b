// Node entry of `datacloak/onnx`: the build with the ONNX reader, for custom models (`model`).
// The Node CLI loads it only for `--model`.
import { nodeApi } from './node-api.js';
import * as glue from './onnx/datacloak_onnx.js';

export const { init, classify, classifyText, cloak, cloakPlan, cloakActions, planCloak, createProfiler, info, profile, features, predict, refine, clearCache, forTerminal, DataCloakError, ERROR_FIELDS, classifyInWorker, cloakInWorker, planCloakInWorker, infoInWorker } =
  nodeApi(glue, new URL('./onnx/datacloak_onnx_bg.wasm', import.meta.url));
