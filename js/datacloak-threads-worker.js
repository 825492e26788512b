// The Web Worker behind the `*InWorker` calls of `datacloak/threads`: the threaded build when the
// page is cross-origin isolated, the single-threaded one otherwise.
import * as api from './api-threads.js';
import { serveCalls } from './worker-calls.js';

serveCalls(api);
