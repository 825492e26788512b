// Browser entry `datacloak/onnx`: the `datacloak` API on the build that reads custom ONNX models
// (`model` option). Pages that run only the built-in model import `datacloak`, which is smaller.
import { workerCalls } from './worker-calls.js';

export * from './api-onnx.js';

export const { classifyInWorker, planCloakInWorker, cloakInWorker, infoInWorker } = workerCalls(
  () => new Worker(new URL('./datacloak-onnx-worker.js', import.meta.url), { type: 'module', name: 'datacloak' }),
  'datacloak-onnx-worker.js',
);
