// The JS API shared by every entry point (browser, Node, Workers). The entry points differ only
// in how they find and instantiate the .wasm; everything a caller sees is built here on the thin
// wasm face (src/wasm.rs). Nothing here touches the network: bytes come from the caller.

/** Bytes handed to the wasm profiler at a time: progress and cancellation happen between chunks. */
const CHUNK = 1 << 20;

/** How long an aborted run waits for an async iterable that was mid-read to close (a stalled one
 *  never does) before it rejects. */
const CLOSE_GRACE_MS = 100;

/** Options the JS layer handles itself; everything else goes to the core, which refuses unknown keys. */
const JS_ONLY = new Set(['model', 'onProgress', 'signal']);

/** The properties a DataCloakError may carry besides its message: the one list the wasm face
 *  (`js_error` in src/wasm.rs sets exactly these; a Node test checks it), the worker thread and
 *  the Cloudflare Worker copy errors by. */
export const ERROR_FIELDS = Object.freeze(['code', 'input', 'row', 'line', 'column', 'option', 'rule']);

/** A DataCloak failure: `code` is stable (e.g. `UNTERMINATED_QUOTE`); `input`, `row`, `line`,
 *  `column` and `option` say where, when the error concerns one place. */
export class DataCloakError extends Error {
  constructor(message, props = {}) {
    super(message);
    this.name = props.name ?? 'DataCloakError';
    for (const k of ERROR_FIELDS) {
      if (props[k] !== undefined) this[k] = props[k];
    }
  }

  /** The error as plain data (`name`, `message` and the fields that are set), for postMessage
   *  and JSON bodies. */
  toJSON() {
    const out = { name: this.name, message: this.message };
    for (const k of ERROR_FIELDS) if (this[k] !== undefined) out[k] = this[k];
    return out;
  }
}

/** Errors thrown by the wasm face are plain `Error`s with the properties set; give them our class. */
function wrapError(e) {
  if (e instanceof DataCloakError) return e;
  if (e && typeof e === 'object' && typeof e.code === 'string') return new DataCloakError(e.message, e);
  return e;
}

function abortError(signal) {
  const why = signal.reason instanceof Error ? `: ${signal.reason.message}` : '';
  return new DataCloakError(`classification cancelled${why}`, { name: 'AbortError', code: 'ABORTED' });
}

function checkSignal(signal) {
  if (signal?.aborted) throw abortError(signal);
}

/** Waits for `promise`, but no longer than `ms` milliseconds. */
async function atMost(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `promise`, or the abort error as soon as `signal` aborts: a read from a stalled source never
 *  settles, and checking the signal between chunks alone would then never end the run. */
function unlessAborted(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Also takes a late rejection of the read that lost the race (no unhandled rejection).
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A BYOB reader of `stream` when it is a byte stream, else null. */
function byobReader(stream) {
  try {
    return stream.getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

function invalidInput(message) {
  return new DataCloakError(message, { code: 'INVALID_OPTION', option: 'input' });
}

/** What a chunk of text or bytes may be; anything else (a number, `null`, a plain object) is an
 *  error, never a silently dropped chunk or a zero-filled buffer of that many bytes. */
function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? `a ${v.constructor?.name ?? 'plain'} object` : `the ${typeof v} ${String(v).slice(0, 20)}`;
}

/**
 * Turns chunks of text or bytes into bytes. Text is encoded as UTF-8 chunk by chunk; a chunk that
 * ends in the first half of a surrogate pair keeps that half for the next chunk (encoding each half
 * alone would give two U+FFFD instead of the character).
 */
function chunkEncoder(where) {
  const encoder = new TextEncoder();
  let high = '';
  return {
    bytes(c) {
      if (typeof c === 'string') {
        let text = high + c;
        high = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          high = text.slice(-1);
          text = text.slice(0, -1);
        }
        return encoder.encode(text);
      }
      if (ArrayBuffer.isView(c)) return new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
      if (c instanceof ArrayBuffer) return new Uint8Array(c);
      throw invalidInput(`${where}: a chunk must be a string, Uint8Array or ArrayBuffer, not ${describe(c)}`);
    },
    /** What is left at the end of the input: a lone half of a pair, encoded as U+FFFD. */
    end() {
      const rest = high;
      high = '';
      return rest ? encoder.encode(rest) : null;
    },
  };
}

/** Lets timers, I/O and aborts run: a source whose chunks are all ready at once (or empty) would
 *  otherwise keep the event loop on microtasks only, and neither `signal` nor a timeout could fire. */
function yieldToEventLoop() {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Chunks handed over between two turns of the event loop. */
const CHUNKS_PER_TURN = 64;

/** The input as a sequence of byte chunks, whatever its type. An abort of `signal` rejects even
 *  while a read is pending, and releases the source. */
async function* chunksOf(input, signal) {
  if (typeof input === 'string') input = new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    return;
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) input = input.stream();
  const enc = chunkEncoder('input');
  let turn = 0;
  const pace = async () => {
    if (++turn % CHUNKS_PER_TURN === 0) await yieldToEventLoop();
  };
  if (input && typeof input.getReader === 'function') {
    // A byte stream (Blob.stream() is one) is read into one reused buffer. A default reader makes
    // a new buffer per chunk, and Chromium's workers leave them uncollected: classifying a 200 MB
    // File grew the renderer by ~200 MB of garbage (600 MB by 600 MB).
    const byob = byobReader(input);
    const reader = byob ?? input.getReader();
    let buffer = byob ? new ArrayBuffer(CHUNK) : null;
    try {
      for (;;) {
        const read = byob ? reader.read(new Uint8Array(buffer)) : reader.read();
        const { done, value } = await unlessAborted(read, signal);
        if (done) {
          const rest = enc.end();
          if (rest) yield rest;
          return;
        }
        await pace();
        if (!byob) {
          yield enc.bytes(value);
          continue;
        }
        // The consumer copies the chunk (into wasm memory) before asking for the next one.
        yield value;
        buffer = value.buffer;
      }
    } finally {
      // Stops the source when we leave early (an error or a cancel); a no-op after `done`. It also
      // ends a read still pending after an abort.
      reader.cancel().catch(() => {});
    }
  }
  if (input && typeof input[Symbol.asyncIterator] === 'function') {
    // `for await` by hand, so that an abort can end a pending `next()`.
    const iterator = input[Symbol.asyncIterator]();
    let reading = false;
    let done = false;
    try {
      for (;;) {
        reading = true;
        const step = await unlessAborted(iterator.next(), signal);
        reading = false;
        if (step === null || typeof step !== 'object') {
          throw invalidInput(`input: the async iterator's next() resolved to ${describe(step)}, not {done, value}`);
        }
        if (step.done) {
          done = true;
          const rest = enc.end();
          if (rest) yield rest;
          return;
        }
        await pace();
        yield enc.bytes(step.value);
      }
    } finally {
      // Lets the source clean up when we leave early, as `for await` does. An async generator
      // runs `return()` only after its pending `next()`, which a stalled one never settles: after
      // an abort mid-read, a live source gets a moment to close, a stalled one is not waited for.
      if (!done) {
        const closed = Promise.resolve(iterator.return?.()).catch(() => {});
        await (reading ? atMost(closed, CLOSE_GRACE_MS) : closed);
      }
    }
  }
  throw new DataCloakError(
    'classify: input must be a CSV string, Uint8Array, ArrayBuffer, Blob/File, ReadableStream, ' +
      'async iterable of chunks, [{name, values}] or an array of row objects',
    { code: 'INVALID_OPTION', option: 'input' },
  );
}

/** A cell value from JS as the text the core profiles; null/undefined are empty cells. */
function cellText(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** `[{name, values}]` stays as it is; an array of row objects becomes columns, keys in first-seen order. */
function columnsOf(rows) {
  if (rows.length > 0 && rows.every((c) => c && typeof c.name === 'string' && Array.isArray(c.values))) {
    return rows.map((c) => ({ name: c.name, values: c.values.map(cellText) }));
  }
  const index = new Map();
  const columns = [];
  rows.forEach((row, r) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new DataCloakError(`classify: row ${r + 1} of the input array is not an object`, {
        code: 'INVALID_OPTION', option: 'input', row: r + 1,
      });
    }
    for (const key of Object.keys(row)) {
      if (!index.has(key)) {
        index.set(key, columns.length);
        columns.push({ name: key, values: new Array(r).fill(null) });
      }
    }
    for (const c of columns) c.values.push(cellText(row[c.name]));
  });
  return columns;
}

function invalidOption(option, message) {
  return new DataCloakError(`option ${option}: ${message}`, { code: 'INVALID_OPTION', option });
}

/** Refuses options the JS layer would otherwise misread: `null` or a non-object as the options,
 *  an `onProgress` that is not a function, a `signal` that is not an AbortSignal, and numbers
 *  that JSON cannot carry (NaN and Infinity became `null` and the default, silently). */
function checkOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidOption('options', `must be an object, not ${describe(options)}`);
  }
  const { onProgress, signal } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw invalidOption('onProgress', `must be a function, not ${describe(onProgress)}`);
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean'
    && typeof signal.addEventListener === 'function')) {
    throw invalidOption('signal', `must be an AbortSignal, not ${describe(signal)}`);
  }
  for (const [k, v] of Object.entries(options)) {
    if (typeof v === 'number' && !Number.isFinite(v)) throw invalidOption(k, `must be a finite number, not ${v}`);
  }
  return options;
}

/** Splits user options into the core's JSON and the JS-only parts. */
function splitOptions(options, input) {
  const core = {};
  for (const [k, v] of Object.entries(checkOptions(options))) {
    if (!JS_ONLY.has(k) && v !== undefined) core[k] = v;
  }
  if (core.source === undefined && typeof File !== 'undefined' && input instanceof File) core.source = input.name;
  return JSON.stringify(core);
}

/**
 * The test hooks of the API made first in this realm (`datacloak/internal`): the entry a test
 * imports first, even when it then loads another build's entry (`datacloak/onnx`) beside it.
 */
let firstHooks = null;

/** Not part of the API: what `internal.js` exposes to the package's own tests and benchmarks. */
export function internalHooks() {
  if (!firstHooks) throw new DataCloakError("import 'datacloak' before 'datacloak/internal'", { code: 'STATE' });
  return firstHooks;
}

/**
 * Builds the public API. `instantiate(initOptions)` loads the .wasm the way the platform needs
 * (fetch, file read, or a precompiled WebAssembly.Module) and resolves to `{glue, exports}`: the
 * wasm-bindgen glue module and the instance's exports.
 */
export function createApi(instantiate, platform = {}) {
  /** `n` random bytes from the platform's secure source (the cloak's key when none is given). */
  const randomBytes =
    platform.randomBytes ??
    ((n) => {
      if (typeof globalThis.crypto?.getRandomValues !== 'function') {
        throw new DataCloakError('cloak: this platform has no crypto.getRandomValues; pass options.key', {
          code: 'STATE',
        });
      }
      return globalThis.crypto.getRandomValues(new Uint8Array(n));
    });

  let glue = null;
  let exports = null;
  let loading = null;
  let defaultEngine = null;
  let engines = new WeakMap();
  /** The same engines, for `clearCache` (a WeakMap cannot be walked). */
  const customEngines = new Set();
  /** Custom models loaded so far (info().customModelsLoaded): each load costs tens of ms. */
  let modelsLoaded = 0;

  /** Bumped when a trapped instance is dropped: objects of the old instance refuse to work. */
  let generation = 0;

  /**
   * A trap (`WebAssembly.RuntimeError`: a panic aborts in wasm) leaves the instance mid-call, its
   * allocator and borrowed state undefined. The instance is dropped here and the next call starts
   * a new one (the glue's finalizers of the old one do nothing: build-wasm.sh patches them), so a
   * long-lived page or Worker survives. The caller gets `INTERNAL`.
   */
  function dropTrapped(e) {
    glue?.__resetInstance?.();
    glue = null;
    exports = null;
    loading = null;
    defaultEngine = null;
    engines = new WeakMap();
    customEngines.clear();
    generation += 1;
    return new DataCloakError(
      `datacloak: the WebAssembly instance failed (${e.message}); it was dropped, and the next call starts a new one`,
      { code: 'INTERNAL' },
    );
  }

  function wrap(e) {
    if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return dropTrapped(e);
    return wrapError(e);
  }

  async function init(initOptions) {
    if (glue) return;
    loading ??= (async () => {
      const loaded = await instantiate(initOptions ?? {});
      exports = loaded.exports;
      glue = loaded.glue;
    })();
    try {
      await loading;
    } catch (e) {
      loading = null;
      throw wrap(e);
    }
  }

  function engineFor(model) {
    try {
      if (model === undefined || model === null) return (defaultEngine ??= new glue.Engine(undefined));
      const bytes = model instanceof ArrayBuffer ? new Uint8Array(model) : model;
      if (!(bytes instanceof Uint8Array)) {
        throw new DataCloakError('option model: must be the ONNX model as a Uint8Array or ArrayBuffer', {
          code: 'INVALID_OPTION', option: 'model',
        });
      }
      // Keyed by the caller's buffer: a fresh view of the same ArrayBuffer on every call must not
      // load (and optimise) the model again.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const key = whole ? bytes.buffer : bytes;
      let e = engines.get(key);
      if (!e) {
        engines.set(key, (e = new glue.Engine(bytes)));
        customEngines.add(new WeakRef(e));
        modelsLoaded += 1;
      }
      return e;
    } catch (e) {
      throw wrap(e);
    }
  }

  /** Reads a report handle as JSON text and frees it. */
  function take(handle, format) {
    try {
      return format === 'table' ? handle.table() : handle.json();
    } finally {
      freeQuietly(handle);
    }
  }

  /** Frees a wasm-side object; after a trap its instance may refuse, which changes nothing. */
  function freeQuietly(obj) {
    try {
      obj?.free();
    } catch {
      // the instance is being dropped
    }
  }

  /**
   * Ends `profiler`'s input and classifies it with `engine`. The wasm-side profile holds every
   * column's sample: it is freed here, not when (if ever) the garbage collector finalises its
   * handle, or each run would grow wasm memory by the samples.
   */
  function classifyFinished(profiler, engine, format) {
    const profiled = profiler.finishProfile();
    try {
      return take(engine.classifyProfiled(profiled), format);
    } catch (e) {
      throw wrap(e);
    } finally {
      freeQuietly(profiled);
    }
  }

  async function classifyText(input, options = {}, format = 'json') {
    await init();
    const { onProgress, signal } = checkOptions(options);
    checkSignal(signal);
    const coreOptions = splitOptions(options, input);
    const engine = engineFor(options.model);
    if (Array.isArray(input)) {
      try {
        return take(engine.classifyColumns(JSON.stringify(columnsOf(input)), coreOptions), format);
      } catch (e) {
        throw wrap(e);
      }
    }
    const profiler = new Profiler(coreOptions);
    try {
      for await (const chunk of chunksOf(input, signal)) {
        checkSignal(signal);
        profiler.push(chunk);
        onProgress?.({ bytesRead: profiler.bytesRead, rowsRead: profiler.rowsRead });
      }
      checkSignal(signal);
      return classifyFinished(profiler, engine, format);
    } finally {
      profiler.free();
    }
  }

  /** Streaming by hand: `push(chunk)` as data arrives, then `finish()` for the report. */
  class Profiler {
    #inner;
    #generation = generation;
    #live() {
      if (this.#generation !== generation) {
        this.#inner = undefined;
        throw new DataCloakError('this profiler belonged to a WebAssembly instance that failed; start a new one', {
          code: 'STATE',
        });
      }
      if (!this.#inner) throw new DataCloakError('profiler used after finish()', { code: 'STATE' });
    }
    constructor(coreOptions) {
      if (!glue) throw new DataCloakError('call `await init()` before createProfiler()', { code: 'STATE' });
      try {
        this.#inner = new glue.Profiler(coreOptions);
      } catch (e) {
        throw wrap(e);
      }
    }
    #text = chunkEncoder('push');
    push(chunk) {
      this.#live();
      const bytes = this.#text.bytes(chunk);
      try {
        this.#inner.push(bytes);
      } catch (e) {
        throw wrap(e);
      }
    }
    get bytesRead() {
      return this.#inner ? this.#inner.bytesRead() : 0;
    }
    get rowsRead() {
      return this.#inner ? this.#inner.rowsRead() : 0;
    }
    /** Ends the input; the wasm-side profile (caller frees it). */
    finishProfile() {
      this.#live();
      try {
        const rest = this.#text.end();
        if (rest) this.#inner.push(rest);
        return this.#inner.finish();
      } catch (e) {
        throw wrap(e);
      } finally {
        this.free();
      }
    }
    finish(model) {
      try {
        return JSON.parse(classifyFinished(this, engineFor(model), 'json'));
      } catch (e) {
        throw wrap(e);
      }
    }
    /** Releases the wasm memory; `finish()` does it too. */
    free() {
      if (this.#generation === generation) freeQuietly(this.#inner);
      this.#inner = undefined;
    }
  }

  /**
   * Profiles an input without classifying it: `{columnCount, features(), free()}`. For tools and
   * benchmarks that look at what the model sees.
   */
  async function profile(input, options = {}) {
    await init();
    const profiler = new Profiler(splitOptions(options, input));
    try {
      for await (const chunk of chunksOf(input)) profiler.push(chunk);
    } catch (e) {
      profiler.free();
      throw e;
    }
    const profiled = profiler.finishProfile();
    return {
      columnCount: profiled.columnCount(),
      features: () => profiled.features(),
      free: () => profiled.free(),
    };
  }

  /** A JSON document option (`policy`, `report`) as text: given as text, or an object to serialise. */
  function jsonOption(option, v) {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return JSON.stringify(v);
    throw invalidOption(option, `must be an object or its JSON text, not ${describe(v)}`);
  }

  /** The user's key as bytes (text is UTF-8), or `undefined` for none. */
  function keyBytes(key) {
    if (key === undefined) return undefined;
    if (typeof key === 'string') return new TextEncoder().encode(key);
    if (key instanceof ArrayBuffer) return new Uint8Array(key);
    if (ArrayBuffer.isView(key)) return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    throw invalidOption('key', `must be a string, Uint8Array or ArrayBuffer, not ${describe(key)}`);
  }

  /** Inputs `cloak` can read twice (classify, then rewrite) without holding them. */
  function rereadable(input) {
    return typeof input === 'string' || input instanceof ArrayBuffer || ArrayBuffer.isView(input)
      || (typeof Blob !== 'undefined' && input instanceof Blob);
  }

  /**
   * Holds the first `headSampleBytes()` of a read-once input and classifies them (cut at a record
   * end); the chunks that follow are read as the output is pulled.
   */
  async function headSample(input, options) {
    const iterator = chunksOf(input, options.signal);
    const limit = glue.headSampleBytes();
    const parts = [];
    let held = 0;
    let ended = false;
    while (held < limit) {
      const { done, value } = await iterator.next();
      if (done) {
        ended = true;
        break;
      }
      parts.push(value.slice());
      held += value.length;
    }
    const head = new Uint8Array(held);
    let at = 0;
    for (const p of parts) {
      head.set(p, at);
      at += p.length;
    }
    const cut = ended ? head.length : glue.completeRecords(head) || head.length;
    let report;
    try {
      report = await classifyText(head.subarray(0, cut), options);
    } catch (e) {
      // The source is released (a locked stream, a request body) when the head cannot be classified.
      await iterator.return?.();
      throw e;
    }
    async function* rest() {
      // In the chunk size of the rest: one 8 MiB push would grow wasm memory by its input and
      // output for good.
      for (let at = 0; at < head.length; at += CHUNK) yield head.subarray(at, at + CHUNK);
      if (!ended) yield* { [Symbol.asyncIterator]: () => iterator };
    }
    return { report, chunks: rest() };
  }

  /**
   * Cloaks a CSV: `{report, plan, stream, text(), blob(), done}`. `stream` is the cloaked CSV (a
   * ReadableStream of bytes, read once: `text()` and `blob()` read it for you); `done` resolves to
   * the summary of what was done when it has been read to the end.
   */
  async function cloak(input, options = {}) {
    await init();
    checkOptions(options);
    if (Array.isArray(input)) {
      throw invalidOption('input', 'cloak takes CSV (text, bytes, a Blob or a stream), not an array of rows');
    }
    const { policy, policySource, key, report, safeFormulas, ...classifyOptions } = options;
    if (policySource !== undefined && typeof policySource !== 'string') {
      throw invalidOption('policySource', `must be a string, not ${describe(policySource)}`);
    }
    if (safeFormulas !== undefined && typeof safeFormulas !== 'boolean') {
      throw invalidOption('safeFormulas', `must be true or false, not ${describe(safeFormulas)}`);
    }
    const policyText = jsonOption('policy', policy) ?? '{}';
    let reportText = jsonOption('report', report);
    const given = keyBytes(key);
    const { signal, onProgress } = classifyOptions;
    let chunks;
    if (reportText !== undefined) chunks = chunksOf(input, signal);
    else if (rereadable(input)) {
      reportText = await classifyText(input, classifyOptions);
      chunks = chunksOf(input, signal);
    } else ({ report: reportText, chunks } = await headSample(input, classifyOptions));
    let inner;
    try {
      const coreOptions = splitOptions(classifyOptions, input);
      inner = new glue.CloakStream(reportText, policyText, policySource ?? 'policy', given ?? randomBytes(32), given !== undefined,
        safeFormulas === true, coreOptions);
    } catch (e) {
      // Nothing will read the input now: release it.
      await chunks.return?.().catch?.(() => {});
      throw e instanceof DataCloakError ? e : wrap(e);
    }
    const born = generation;
    const release = () => {
      if (born === generation) freeQuietly(inner);
      inner = undefined;
    };
    let settle;
    const done = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Nobody may wait on `done`: an error is also the stream's, so this one is not unhandled.
    done.catch(() => {});
    const plan = JSON.parse(inner.plan());
    const stream = new ReadableStream({
      // Loops until it has bytes to hand over: a pull that enqueues nothing is not called again.
      async pull(controller) {
        try {
          for (;;) {
            checkSignal(signal);
            const { done: end, value } = await chunks.next();
            if (born !== generation || !inner) throw new DataCloakError('cloak: the WebAssembly instance failed', { code: 'STATE' });
            if (end) {
              const last = inner.finish();
              const summary = JSON.parse(inner.summary());
              release();
              if (last.length) controller.enqueue(last);
              controller.close();
              settle.resolve(summary);
              return;
            }
            const out = inner.push(value);
            if (onProgress) {
              const [bytesRead, rowsRead] = inner.progress();
              onProgress({ bytesRead, rowsRead, phase: 'cloak' });
            }
            if (out.length) {
              controller.enqueue(out);
              return;
            }
          }
        } catch (e) {
          release();
          chunks.return?.().catch?.(() => {});
          const err = e instanceof DataCloakError ? e : wrap(e);
          settle.reject(err);
          controller.error(err);
        }
      },
      cancel() {
        release();
        chunks.return?.().catch?.(() => {});
        settle.reject(new DataCloakError('cloak cancelled', { name: 'AbortError', code: 'ABORTED' }));
      },
    });
    return {
      report: JSON.parse(reportText),
      plan,
      stream,
      done,
      // UTF-8 text with a leading BOM kept (the bytes are `stream`'s; cells of kept columns that
      // are not UTF-8 become U+FFFD here, not in `stream` or `blob()`).
      text: async () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer()),
      blob: async () => new Blob([await new Response(stream).arrayBuffer()], { type: 'text/csv' }),
    };
  }

  firstHooks ??= {
    /** Traps the wasm instance on purpose, through the same path every call takes. */
    async trap() {
      await init();
      try {
        glue.__trapForTests();
      } catch (e) {
        throw wrap(e);
      }
    },
    /** How many instances were started (a trapped one is replaced by the next). */
    generation: () => generation,
    /** Per-class byte counts from the SIMD128 kernel or its scalar twin. */
    classCounts(bytes, simd) {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      return glue.classCounts(bytes, simd);
    },
  };

  return {
    DataCloakError,
    ERROR_FIELDS,
    init,
    cloak,
    /** The cloak's plan for a report (object or JSON text) under a policy, without cloaking. */
    cloakPlan(report, policy) {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      try {
        return JSON.parse(glue.cloakPlan(jsonOption('report', report) ?? '', jsonOption('policy', policy) ?? '{}'));
      } catch (e) {
        throw wrap(e);
      }
    },
    /**
     * Classifies, and says what the cloak would do under `policy` (default: the built-in one):
     * `{report, plan, actions}`, `actions` being `cloakActions()`.
     */
    async planCloak(input, options = {}) {
      const { policy, ...classifyOptions } = checkOptions(options);
      const report = JSON.parse(await classifyText(input, classifyOptions));
      await init();
      try {
        const plan = JSON.parse(glue.cloakPlan(JSON.stringify(report), jsonOption('policy', policy) ?? '{}'));
        return { report, plan, actions: JSON.parse(glue.cloakActions()) };
      } catch (e) {
        throw wrap(e);
      }
    },
    /** The cloak's action names, and the labels `generalise` fits. */
    cloakActions() {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      return JSON.parse(glue.cloakActions());
    },
    /** The report as an object: `{columns: [...], table: {...}}`. */
    async classify(input, options) {
      return JSON.parse(await classifyText(input, options));
    },
    /** The report exactly as the native CLI prints it: pretty JSON, or `format: 'table'`. */
    classifyText,
    createProfiler(options = {}) {
      return new Profiler(splitOptions(options));
    },
    /** `text` with control, bidi and zero-width characters escaped (the native CLI's rule), for
     *  printing names from the input on a terminal. Needs `init()`. */
    forTerminal(text) {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      return glue.forTerminal(String(text));
    },
    /** Facts about the loaded build, for tools and benchmarks. */
    info() {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      const e = engineFor();
      const [hits, misses] = e.cacheStats();
      return {
        labels: e.labels(),
        modelSha256: e.modelSha256(),
        featureCount: glue.featureCount(),
        simd: glue.simdEnabled(),
        threads: Boolean(glue.initThreadPool),
        customModels: glue.customModels(),
        memoryBytes: exports?.memory?.buffer?.byteLength ?? null,
        featureCache: { hits, misses },
        customModelsLoaded: modelsLoaded,
      };
    },
    profile,
    /**
     * Runs the model alone: label probabilities (`info().labels.length` per column) for feature
     * vectors laid end to end, as `features()` returns them.
     */
    predict(features, options = {}) {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      if (!(features instanceof Float32Array)) {
        throw new DataCloakError('predict: features must be a Float32Array', { code: 'INVALID_OPTION', option: 'features' });
      }
      try {
        return engineFor(options.model).predict(features);
      } catch (e) {
        throw wrap(e);
      }
    },
    /**
     * Runs the table-context graph alone on label probabilities the caller already has
     * (`info().labels.length` per column, in label order, e.g. from `predict`). `columns` is an
     * array as `classify` takes it (`[{name, values}]` or row objects). Returns the refined
     * probabilities, laid out the same way, and each column's rank.
     */
    refine(columns, probs, options = {}) {
      if (!glue) throw new DataCloakError('call `await init()` first', { code: 'STATE' });
      if (!Array.isArray(columns)) {
        throw new DataCloakError('refine: columns must be an array of {name, values} or of row objects', {
          code: 'INVALID_OPTION', option: 'input',
        });
      }
      if (!(probs instanceof Float32Array)) {
        throw new DataCloakError('refine: probs must be a Float32Array', { code: 'INVALID_OPTION', option: 'probs' });
      }
      try {
        const cols = columnsOf(columns);
        const flat = engineFor(options.model).refine(JSON.stringify(cols), probs);
        const n = cols.length;
        return { probs: flat.subarray(0, flat.length - n), rank: flat.subarray(flat.length - n) };
      } catch (e) {
        throw wrap(e);
      }
    },
    /**
     * Forgets the feature vectors remembered from earlier classifications (each engine keeps those
     * of its last ~1,000 columns, so re-classifying the same data is fast; they hold no values).
     */
    clearCache() {
      if (!glue) return;
      defaultEngine?.clearCache();
      for (const ref of customEngines) {
        const e = ref.deref();
        if (e) e.clearCache();
        else customEngines.delete(ref);
      }
    },
    /** Feature vectors of every column of an input, concatenated (`info().featureCount` each). */
    async features(input, options = {}) {
      const p = await profile(input, options);
      try {
        return p.features();
      } finally {
        p.free();
      }
    },
  };
}

/**
 * The API of a single-threaded build's glue in a browser (the default build, and the ONNX build
 * of `datacloak/onnx`): the .wasm beside the glue unless `init()` is handed a module or bytes.
 */
export function singleThreaded(glue) {
  let warned = false;
  return createApi(async (options = {}) => {
    if (options.threads > 1 && !warned) {
      warned = true;
      console.warn("datacloak: threads need the 'datacloak/threads' entry; using one thread");
    }
    return { glue, exports: await glue.default(glueSource(options)) };
  });
}

/** The argument of a wasm-bindgen glue's `init` for `init({module, wasm})`: none means the .wasm beside it. */
export function glueSource({ module, wasm } = {}) {
  return module || wasm ? { module_or_path: module ?? wasm } : undefined;
}

/** `cloak`, read to its end: `{report, plan, blob, summary}`, as every `cloakInWorker` resolves. */
export async function cloakWhole(api, input, options) {
  const { report, plan, blob, done } = await api.cloak(input, options);
  return { report, plan, blob: await blob(), summary: await done };
}

/**
 * The `*InWorker` calls for platforms without Web Workers (Node, Cloudflare Workers): the same
 * calls on this thread, with the browser's result shapes (`threads` is ignored; `infoInWorker` is
 * `info()` once the module is loaded).
 */
export function sameThread(api) {
  return {
    classifyInWorker: (input, { threads, ...options } = {}) => api.classify(input, options),
    cloakInWorker: (input, { threads, ...options } = {}) => cloakWhole(api, input, options),
    planCloakInWorker: (input, { threads, ...options } = {}) => api.planCloak(input, options),
    async infoInWorker() {
      await api.init();
      return api.info();
    },
  };
}
