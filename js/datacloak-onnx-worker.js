// The Web Worker behind the `*InWorker` calls of `datacloak/onnx` (single-threaded, ONNX reader).
import * as api from './api-onnx.js';
import { serveCalls } from './worker-calls.js';

serveCalls(api);
