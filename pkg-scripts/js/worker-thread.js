// The Web Worker behind `classifyInWorker`: runs one classification and posts the result back.
// Terminating the worker is how the page cancels it.
import { classify, DataCloakError, init } from './browser.js';

self.onmessage = async ({ data: { input, options, threads } }) => {
  try {
    // `classifyInWorker(input, {threads})`: threads of the threaded build (1: the single-threaded one).
    await init(threads === undefined ? undefined : { threads });
    const report = await classify(input, {
      ...options,
      onProgress: (progress) => self.postMessage({ type: 'progress', progress }),
    });
    self.postMessage({ type: 'result', report });
  } catch (e) {
    const error = e instanceof DataCloakError ? e.toJSON() : { message: String(e?.message ?? e), code: 'INTERNAL' };
    self.postMessage({ type: 'error', error });
  }
};
