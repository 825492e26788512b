// The `*InWorker` calls of the browser entries: the page side (`workerCalls`) and the Web Worker's
// side (`serveCalls`), and the one message protocol between them.
//
// Every message carries a `type` with the `datacloak:` prefix and a worker takes exactly one call:
// a bundler may merge scripts or a page may post its own messages, and a worker that took a
// message meant for another (the thread pool's init, say) would start work nobody asked for.
import { cloakWhole, DataCloakError } from './core.js';

/** The message types, page → worker (`CALL`) and worker → page (the rest). */
export const MESSAGE = Object.freeze({
  CALL: 'datacloak:call',
  PROGRESS: 'datacloak:progress',
  RESULT: 'datacloak:result',
  ERROR: 'datacloak:error',
});

/**
 * Where a worker script is expected when no bundler renamed it (esbuild, or no bundler): beside
 * the script holding this code, whose URL the stack names (reading `import.meta.url` here would
 * make webpack write the build machine's path into the bundle). Bundlers that rewrite
 * `new URL('./x.js', import.meta.url)` (Vite, webpack) emit it under a name of their own, and
 * such a load does not fail unless their output was deployed incompletely.
 */
export function expectedUrl(file) {
  const frame = /(https?:\/\/|file:\/\/\/)[^\s)]+?(?=:\d+:\d+)/.exec(new Error().stack ?? '');
  try {
    return frame ? new URL(file, frame[0]).href : file;
  } catch {
    return file;
  }
}

/**
 * The page side. `spawn()` starts the entry's worker script (`file`, for messages); it must be
 * written as `new Worker(new URL('./file.js', import.meta.url), {type: 'module'})` in the entry
 * itself, the pattern bundlers look for.
 */
export function workerCalls(spawn, file) {
  /** The public name of each call, for messages. */
  const NAMES = { classify: 'classifyInWorker', plan: 'planCloakInWorker', cloak: 'cloakInWorker', info: 'infoInWorker' };
  function call(kind, input, options = {}) {
    // `threads` is for the worker's init(), not for the core (which refuses unknown options).
    const { onProgress, signal, threads, ...rest } = options;
    const cancelled = () => new DataCloakError(`${kind} cancelled`, { name: 'AbortError', code: 'ABORTED' });
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      let worker;
      try {
        worker = spawn();
      } catch (e) {
        reject(new DataCloakError(`datacloak: cannot start the Web Worker ${expectedUrl(file)}: ${e?.message ?? e}`, { code: 'STATE' }));
        return;
      }
      const done = () => {
        worker.terminate();
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        done();
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = ({ data }) => {
        if (data?.type === MESSAGE.PROGRESS) onProgress?.(data.progress);
        else if (data?.type === MESSAGE.RESULT) {
          done();
          resolve(data.result);
        } else if (data?.type === MESSAGE.ERROR) {
          done();
          reject(new DataCloakError(data.error.message, data.error));
        }
      };
      worker.onerror = (e) => {
        done();
        // A script that did not load fires a bare Event (no message, no file name).
        const why = e?.message
          ? `${e.message}${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`
          : `its script did not load (expected at ${expectedUrl(file)} unless a bundler renamed it; a bundler ` +
            "that leaves `new URL(..., import.meta.url)` as written, such as esbuild, needs `npx datacloak-assets <outdir>`: " +
            'README, Using it in a bundler)';
        reject(new DataCloakError(`datacloak worker failed: ${why}`, { code: 'STATE' }));
      };
      worker.onmessageerror = () => {
        done();
        reject(new DataCloakError(`datacloak worker: its ${kind} result could not be read on this thread`, { code: 'INTERNAL' }));
      };
      const transfer = typeof ReadableStream !== 'undefined' && input instanceof ReadableStream ? [input] : [];
      try {
        worker.postMessage({ type: MESSAGE.CALL, kind, input, options: rest, threads }, transfer);
      } catch (e) {
        // What structured clone cannot copy: an async iterable, a locked stream, a function among the options.
        done();
        reject(new DataCloakError(
          `${NAMES[kind]}: the input or options cannot be sent to a Web Worker (${e?.message ?? e}); ` +
            'pass text, bytes, a Blob or File, a ReadableStream, or columns, with plain-data options',
          { code: 'INVALID_OPTION', option: 'input' },
        ));
      }
    });
  }

  return {
    /**
     * `classify` run in a Web Worker, so the page stays responsive. Same input, options and result;
     * `onProgress` and `signal` work across the thread boundary; terminating the worker cancels.
     */
    classifyInWorker: (input, options) => call('classify', input, options),
    /**
     * `classify` in a Web Worker, with what a safe copy would do: `{report, plan, actions}` (the plan
     * of `policy`, default the built-in one, and `cloakActions()`), for pages that offer an action
     * picker per column without loading the module on their own thread. Options: `classify`'s and `policy`.
     */
    planCloakInWorker: (input, options) => call('plan', input, options),
    /**
     * `cloak` run in a Web Worker: resolves with `{report, plan, blob, summary}` once the whole safe
     * copy is made (a Blob, ready to download). Same options as `cloak`.
     */
    cloakInWorker: (input, options) => call('cloak', input, options),
    /** `info()` of the build a worker loads with these init options (`{threads}`): whether it has threads. */
    infoInWorker: (options) => call('info', undefined, options),
  };
}

/** The worker side: runs the one call it is sent, with `api` (an entry's exports), and posts the result. */
export function serveCalls(api) {
  const runs = {
    classify: (input, options) => api.classify(input, options),
    plan: (input, options) => api.planCloak(input, options),
    cloak: (input, options) => cloakWhole(api, input, options),
    info: () => api.info(),
  };
  let taken = false;
  self.onmessage = async ({ data }) => {
    if (data?.type !== MESSAGE.CALL) {
      console.error('datacloak worker: ignored a message that is not a datacloak call');
      return;
    }
    const post = (message) => self.postMessage(message);
    try {
      if (taken) throw new DataCloakError('datacloak worker: takes one call; start a new worker for the next', { code: 'STATE' });
      taken = true;
      const run = runs[data.kind];
      if (!run) throw new DataCloakError(`datacloak worker: unknown call ${JSON.stringify(data.kind)}`, { code: 'STATE' });
      // `threads`: threads of the threaded build (1: the single-threaded one).
      await api.init(data.threads === undefined ? undefined : { threads: data.threads });
      const withProgress = { ...data.options, onProgress: (progress) => post({ type: MESSAGE.PROGRESS, progress }) };
      post({ type: MESSAGE.RESULT, result: await run(data.input, withProgress) });
    } catch (e) {
      const error = e instanceof DataCloakError ? e.toJSON() : { message: String(e?.message ?? e), code: 'INTERNAL' };
      post({ type: MESSAGE.ERROR, error });
    }
  };
}
