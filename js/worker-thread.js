// The Web Worker behind `classifyInWorker`, `planCloakInWorker` and `cloakInWorker`: runs one call and posts the result
// back. Terminating the worker is how the page cancels it.
import { classify, cloak, DataCloakError, init, planCloak } from './browser.js';

/** `cloak`, read to its end: the safe copy as a Blob and what was done. */
async function cloakWhole(input, options) {
  const { report, plan, blob, done } = await cloak(input, options);
  return { report, plan, blob: await blob(), summary: await done };
}

self.onmessage = async ({ data: { kind, input, options, threads } }) => {
  try {
    // `threads`: threads of the threaded build (1: the single-threaded one).
    await init(threads === undefined ? undefined : { threads });
    const withProgress = { ...options, onProgress: (progress) => self.postMessage({ type: 'progress', progress }) };
    const run = { classify, cloak: cloakWhole, plan: planCloak }[kind];
    const result = await run(input, withProgress);
    self.postMessage({ type: 'result', result });
  } catch (e) {
    const error = e instanceof DataCloakError ? e.toJSON() : { message: String(e?.message ?? e), code: 'INTERNAL' };
    self.postMessage({ type: 'error', error });
  }
};
