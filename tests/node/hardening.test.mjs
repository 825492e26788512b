// The JS API against what a caller can get wrong (issue "Hardening"): every public entry checks
// its arguments and answers with a DataCloakError, never a TypeError, a hang or a silent default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as dc from 'datacloak';
import * as internal from 'datacloak/internal';

await dc.init();

const refused = async (promiseOrFn, option) => {
  let error;
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof dc.DataCloakError, `expected a DataCloakError, got ${error}`);
  assert.equal(error.code, 'INVALID_OPTION', error.message);
  if (option) assert.equal(error.option, option, error.message);
  return error;
};

test('options that JSON or the JS layer would misread are refused, naming the option', async () => {
  await refused(dc.classify('a\n1\n', null), 'options');
  await refused(dc.classify('a\n1\n', 'fast'), 'options');
  await refused(dc.classify('a\n1\n', { onProgress: 5 }), 'onProgress');
  await refused(dc.classify('a\n1\n', { signal: {} }), 'signal');
  await refused(dc.classify('a\n1\n', { sampleSize: NaN }), 'sampleSize');
  await refused(dc.classify('a\n1\n', { maxBytes: Infinity }), 'maxBytes');
  await refused(() => dc.createProfiler(null), 'options');
});

test('push() takes text or bytes only', async () => {
  for (const bad of [42, {}, true, null, undefined, [1, 2]]) {
    const p = dc.createProfiler();
    try {
      await refused(() => p.push(bad), 'input');
    } finally {
      p.free();
    }
  }
});

async function* chunks(list) {
  for (const c of list) yield c;
}

test('stream and iterator chunks that are not text or bytes are errors, not dropped or zero-filled', async () => {
  const before = dc.info().memoryBytes;
  for (const bad of [null, {}, 2 ** 27, true]) {
    await refused(dc.classify(chunks(['a,b\n', bad, '1,2\n'])), 'input');
  }
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('a\n'));
      c.enqueue({ not: 'bytes' });
      c.close();
    },
  });
  await refused(dc.classify(stream), 'input');
  assert.ok(dc.info().memoryBytes - before < 16 << 20, 'a number chunk must not become a buffer of that size');
});

test("an iterator whose next() resolves to something other than {done, value} is an error", async () => {
  const weird = { [Symbol.asyncIterator]: () => ({ next: async () => 42 }) };
  await refused(dc.classify(weird), 'input');
});

test('an endless source of empty chunks leaves the event loop free: abort and timers fire', async () => {
  let pulled = 0;
  const endless = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        pulled += 1;
        return { done: false, value: new Uint8Array(0) };
      },
    }),
  };
  await dc.classify('a\n1\n'); // the model is loaded before the clock starts
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 300);
  const started = Date.now();
  await assert.rejects(dc.classify(endless, { signal: controller.signal }), (e) => e.code === 'ABORTED');
  clearTimeout(timer);
  assert.ok(Date.now() - started < 5_000, 'the abort must end the run promptly');
  assert.ok(pulled > 1000, `the source was read (${pulled} chunks)`);
});

test('a character split across two string chunks (a surrogate pair) survives', async () => {
  const csv = 'name,city\n😀 Ann,Zürich\n😀 Bo,Łódź\n';
  const whole = await dc.classify(csv);
  const at = csv.indexOf('😀') + 1; // between the two halves of the pair
  const split = await dc.classify(chunks([csv.slice(0, at), csv.slice(at)]));
  assert.deepEqual(split, whole);
  const p = dc.createProfiler();
  p.push(csv.slice(0, at));
  p.push(csv.slice(at));
  assert.deepEqual(p.finish(), whole);
});

test('the same model buffer passed again is not loaded again', async () => {
  const { readFile } = await import('node:fs/promises');
  const { ROOT } = await import('./helpers.mjs');
  const bytes = new Uint8Array(await readFile(`${ROOT}/models/datacloak-v1/model.onnx`));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const full = await import('datacloak/onnx');
  const before = (await full.init(), full.info().customModelsLoaded);
  await full.classify('email\nann@example.org\n', { model: buffer });
  await full.classify('email\nann@example.org\n', { model: buffer });
  await full.classify('email\nann@example.org\n', { model: new Uint8Array(buffer) });
  assert.equal(full.info().customModelsLoaded - before, 1);
});

test('an empty array of columns is no data, as an empty CSV is', async () => {
  await assert.rejects(dc.classify([]), (e) => e instanceof dc.DataCloakError && e.code === 'EMPTY_INPUT');
  await assert.rejects(dc.classify(''), (e) => e instanceof dc.DataCloakError && e.code === 'EMPTY_INPUT');
});

test("the wasm face's errors carry only the fields of ERROR_FIELDS, the one list the JS layer copies", async () => {
  const glue = await import('../../pkg/wasm/datacloak.js');
  const p = new glue.Profiler(JSON.stringify({ source: 'x.csv' }));
  p.push(new TextEncoder().encode('a,b\n1,"never closed\n'));
  let raw;
  try {
    p.finish();
  } catch (e) {
    raw = e;
  } finally {
    p.free();
  }
  assert.ok(raw, 'an unterminated quote is an error');
  const own = Object.keys(raw).filter((k) => !['message', 'name', 'stack'].includes(k));
  assert.deepEqual(own.filter((k) => !dc.ERROR_FIELDS.includes(k)), []);
  assert.ok(own.includes('code') && own.includes('row'));
  const copied = new dc.DataCloakError(raw.message, raw).toJSON();
  for (const k of own) assert.equal(copied[k], raw[k], k);
});

test('a trapped wasm instance is dropped: the call gets INTERNAL, the next call works on a new instance', async () => {
  const csv = 'email,amount\nann@example.org,12.50\nbo@example.com,7.00\n';
  const before = await dc.classify(csv);
  const early = dc.createProfiler();
  early.push('a,b\n');
  const started = internal.generation();
  await assert.rejects(internal.trap(), (e) => e instanceof dc.DataCloakError && e.code === 'INTERNAL');
  assert.equal(internal.generation(), started + 1);
  assert.deepEqual(await dc.classify(csv), before);
  assert.deepEqual(await dc.classify(csv), before);
  // A profiler of the dropped instance refuses to go on rather than touch the new one.
  assert.throws(() => early.push('1,2\n'), (e) => e instanceof dc.DataCloakError && e.code === 'STATE');
  early.free();
  // The new instance's default engine answers (and keeps its feature cache).
  assert.equal(dc.info().featureCache.hits + dc.info().featureCache.misses > 0, true);
});
