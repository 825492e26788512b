// The Web Worker behind the `*InWorker` calls of the default browser entry (single-threaded).
import * as api from './api-single.js';
import { serveCalls } from './worker-calls.js';

serveCalls(api);
