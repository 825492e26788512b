// The JS API of the built package (pkg/), in real Node over the real wasm module and model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import * as dc from 'datacloak';
import * as internal from 'datacloak/internal';
import { ROOT, SAMPLES, labelOf } from './helpers.mjs';

const customersPath = path.join(SAMPLES, 'customers.csv');
const customers = await readFile(customersPath);

/** Labels by column name, for comparing reports of the same table given in different forms. */
const labels = (r) => Object.fromEntries(r.columns.map((c) => [c.name, c.label]));

test('init is idempotent and the build reports SIMD, the model and every taxonomy label', async () => {
  await dc.init();
  await dc.init();
  const info = dc.info();
  assert.equal(info.simd, true);
  assert.equal(info.threads, false);
  assert.match(info.modelSha256, /^[0-9a-f]{64}$/);
  const taxonomy = JSON.parse(await readFile(path.join(ROOT, 'src/taxonomy.json'), 'utf8'));
  for (const { name } of taxonomy.labels) assert.ok(info.labels.includes(name), `missing label ${name}`);
});

test('a CSV as string, bytes, Blob, ReadableStream and Node stream gives one report', async () => {
  const fromBytes = await dc.classify(customers);
  assert.equal(labelOf(fromBytes, 'email'), 'email');
  assert.equal(labelOf(fromBytes, 'date_of_birth'), 'date_of_birth');
  assert.equal(fromBytes.columns.length, 14);
  const forms = [
    customers.toString('utf8'),
    customers.buffer.slice(customers.byteOffset, customers.byteOffset + customers.byteLength),
    new Blob([customers]),
    new Blob([customers]).stream(),
    createReadStream(customersPath, { highWaterMark: 777 }),
  ];
  for (const input of forms) assert.deepEqual(await dc.classify(input), fromBytes);
});

test('columns and row objects are classified like the CSV they came from', async () => {
  const csv = 'email,amount\nann@example.org,12.50\nbob@example.com,3.99\ncy@example.net,100.00\n';
  const fromCsv = await dc.classify(csv);
  const rows = [
    { email: 'ann@example.org', amount: 12.5 },
    { email: 'bob@example.com', amount: '3.99' },
    { email: 'cy@example.net', amount: '100.00' },
  ];
  const fromRows = await dc.classify(rows);
  assert.equal(labelOf(fromRows, 'email'), 'email');
  assert.deepEqual(Object.keys(labels(fromRows)), ['email', 'amount']);
  const fromColumns = await dc.classify([
    { name: 'email', values: rows.map((r) => r.email) },
    { name: 'amount', values: ['12.50', '3.99', null, '100.00'] },
  ]);
  assert.equal(labelOf(fromColumns, 'email'), labelOf(fromCsv, 'email'));
  assert.equal(fromColumns.columns[1].stats.nulls, 1);
  await assert.rejects(dc.classify([{ email: 'a@b.c' }, 'oops']), { code: 'INVALID_OPTION', row: 2 });
});

test('classifyInWorker in Node is classify on this thread (the browser-only threads option is accepted)', async () => {
  assert.deepEqual(await dc.classifyInWorker(customers, { threads: 2 }), await dc.classify(customers));
});

test('a streaming profiler fed by hand gives the same report as classify', async () => {
  const whole = await dc.classify(customers);
  const p = dc.createProfiler();
  for (let at = 0; at < customers.length; at += 1000) p.push(customers.subarray(at, at + 1000));
  assert.equal(p.bytesRead, customers.length);
  assert.deepEqual(p.finish(), whole);
  assert.throws(() => p.push('x'), { code: 'STATE' });
});

test('onProgress sees bytes and rows grow; an aborted signal stops the run', async () => {
  const big = Buffer.concat(Array.from({ length: 40 }, (_, i) => (i === 0 ? customers : customers.subarray(customers.indexOf(10) + 1))));
  const seen = [];
  await dc.classify(big, { onProgress: (p) => seen.push(p) });
  assert.ok(seen.length >= 1);
  assert.equal(seen.at(-1).bytesRead, big.length);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i].bytesRead > seen[i - 1].bytesRead);

  const controller = new AbortController();
  let chunks = 0;
  async function* slow() {
    for (let at = 0; at < big.length; at += 4096) {
      if (++chunks === 3) controller.abort();
      yield big.subarray(at, at + 4096);
    }
  }
  await assert.rejects(dc.classify(slow(), { signal: controller.signal }), (e) => {
    assert.ok(e instanceof dc.DataCloakError);
    assert.equal(e.code, 'ABORTED');
    assert.equal(e.name, 'AbortError');
    return true;
  });
  assert.ok(chunks < 10, 'the stream was not read to its end after the abort');
  await assert.rejects(dc.classify(customers, { signal: AbortSignal.abort() }), { code: 'ABORTED' });
});

test('an abort ends a run waiting on a stream that stopped delivering, and cancels the stream', async () => {
  for (const type of [undefined, 'bytes']) {
    const controller = new AbortController();
    let cancelled = false;
    // One chunk, then nothing: no more data, no end, no error.
    const stalled = new ReadableStream({
      type,
      start(c) {
        c.enqueue(new Uint8Array(customers.subarray(0, 4096)));
      },
      cancel() {
        cancelled = true;
      },
    });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(dc.classify(stalled, { signal: controller.signal }), (e) => {
      assert.ok(e instanceof dc.DataCloakError);
      assert.equal(e.code, 'ABORTED');
      assert.equal(e.name, 'AbortError');
      return true;
    });
    assert.ok(cancelled, `the ${type ?? 'default'} stream was not cancelled`);
  }
});

test('bad input throws a DataCloakError with a code and the place', async () => {
  const cases = [
    ['', { code: 'EMPTY_INPUT' }],
    ['a,b\n1,"open\n2,3\n', { code: 'UNTERMINATED_QUOTE', row: 2, line: 2 }],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { code: 'BINARY_INPUT' }],
    [new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]), { code: 'UNSUPPORTED_ENCODING' }],
    [`a,b\n${'x'.repeat(100)},1\n`, { code: 'CELL_TOO_LARGE', row: 2, column: 'a' }, { maxCellBytes: 64 }],
    ['a,b,c\n1,2,3\n', { code: 'TOO_MANY_COLUMNS' }, { maxColumns: 2 }],
    ['a\n1\n', { code: 'INVALID_OPTION', option: 'sampelSize' }, { sampelSize: 3 }],
    ['a\n1\n', { code: 'INVALID_OPTION', option: 'maxBytes' }, { maxBytes: '10' }],
    ['a\n1\n', { code: 'INVALID_OPTION', option: 'sampleSize' }, { sampleSize: 0 }],
    ['a\n1\n', { code: 'INVALID_OPTION', option: 'delimiter' }, { delimiter: ';;' }],
    ['a\n1\n', { code: 'INPUT_TOO_LARGE' }, { maxBytes: 2 }],
    [42, { code: 'INVALID_OPTION', option: 'input' }],
  ];
  for (const [input, expected, options] of cases) {
    await assert.rejects(dc.classify(input, { source: 'case.csv', ...options }), (e) => {
      assert.ok(e instanceof dc.DataCloakError, `${expected.code}: not a DataCloakError: ${e}`);
      assert.ok(e instanceof Error);
      for (const [k, v] of Object.entries(expected)) assert.equal(e[k], v, `${expected.code}.${k}: ${e.message}`);
      assert.ok(e.message.length > 10);
      return true;
    });
  }
  const e = await dc.classify('a,b\n1,"open\n', { source: 'case.csv' }).catch((x) => x);
  assert.equal(e.input, 'case.csv');
  assert.match(e.message, /case\.csv: row 2/);
});

test('datacloak/onnx checks and uses a custom model and refuses a broken one with MODEL codes; datacloak refuses any', async () => {
  const full = await import('datacloak/onnx');
  await full.init();
  const model = await readFile(path.join(ROOT, 'models/datacloak-v1/model.onnx'));
  const r = await full.classify(customers, { model: new Uint8Array(model) });
  assert.deepEqual(labels(r), labels(await dc.classify(customers)));
  await assert.rejects(full.classify(customers, { model: new Uint8Array(model.subarray(0, 1000)) }), (e) =>
    ['MODEL', 'MODEL_MISMATCH'].includes(e.code),
  );
  await assert.rejects(full.classify(customers, { model: 'model.onnx' }), { code: 'INVALID_OPTION', option: 'model' });
  assert.equal(full.info().customModels, true);
  assert.equal(dc.info().customModels, false);
  await assert.rejects(dc.classify(customers, { model: new Uint8Array(model) }), (e) => e.code === 'MODEL' && /datacloak\/onnx/.test(e.message));
});

test("the default browser build runs only its built-in model; datacloak/onnx's build reads a custom one", async () => {
  const model = new Uint8Array(await readFile(path.join(ROOT, 'models/datacloak-v1/model.onnx')));
  // The browser APIs, handed their .wasm (Node has no fetch of file: URLs).
  const small = await import(path.join(ROOT, 'pkg/api-single.js'));
  await small.init({ module: await readFile(path.join(ROOT, 'pkg/wasm/datacloak_bg.wasm')) });
  assert.equal(small.info().customModels, false);
  const builtIn = await small.classify(customers);
  await assert.rejects(small.classify(customers, { model }), (e) => e.code === 'MODEL' && /datacloak\/onnx/.test(e.message));
  // (In Node, `datacloak` and `datacloak/onnx` already loaded these two glues: the instances are shared.)
  const full = await import(path.join(ROOT, 'pkg/api-onnx.js'));
  await full.init({ module: await readFile(path.join(ROOT, 'pkg/onnx/datacloak_onnx_bg.wasm')) });
  assert.equal(full.info().customModels, true);
  // The same built-in model (NNEF) in both builds, and the ONNX original read by the ONNX build.
  assert.equal(full.info().modelSha256, small.info().modelSha256);
  assert.deepEqual(labels(await full.classify(customers)), labels(builtIn));
  assert.deepEqual(labels(await full.classify(customers, { model })), labels(builtIn));
});

test('the SIMD128 build computes the same features as the native build (SSE2 and scalar checked there)', async () => {
  const { run, NATIVE } = await import('./helpers.mjs');
  for (const f of ['customers.csv', 'weblog.csv', 'zahlungen.csv']) {
    const file = path.join(SAMPLES, f);
    const native = run(NATIVE, ['features', file]);
    assert.equal(native.status, 0, native.stderr);
    const rows = native.stdout.trim().split('\n').map((l) => JSON.parse(l).features);
    const wasm = await dc.features(await readFile(file));
    const n = dc.info().featureCount;
    assert.equal(wasm.length, rows.length * n);
    rows.forEach((row, c) =>
      row.forEach((v, i) => {
        const w = wasm[c * n + i];
        assert.ok(Math.abs(w - v) <= 1e-5 * Math.max(1, Math.abs(v)), `${f} column ${c} slot ${i}: ${w} vs ${v}`);
      }),
    );
  }
});

test('inside wasm, the SIMD128 byte-class kernel agrees with its scalar twin', () => {
  let x = 0x9e3779b9;
  const next = () => ((x = (x * 1664525 + 1013904223) >>> 0) >>> 24);
  const samples = ['', 'a', 'john.doe+tag@example.com', 'ÄÖÜ straße 12', '0123456789abcdefABCDEF-_/:+(),'];
  for (let n = 0; n < 300; n++) samples.push(Uint8Array.from({ length: n % 97 }, next));
  for (const s of samples) {
    const bytes = typeof s === 'string' ? new TextEncoder().encode(s) : s;
    assert.deepEqual(internal.classCounts(bytes, true), internal.classCounts(bytes, false), `input of ${bytes.length} bytes`);
  }
});

test('the graph run alone on the model\'s own probabilities gives the report\'s labels, confidences and ranks', async () => {
  const rows = [
    ['Ann', 'Lee', 'ann.lee@example.org', '1984-02-01', 'Zurich', '12.50'],
    ['Bo', 'Smith', 'bo@example.com', '1975-07-30', 'Basel', '7.00'],
    ['Cy', 'Jones', 'cy.jones@example.net', '1990-11-12', 'Bern', '101.25'],
    ['Di', 'Meier', 'di.meier@example.ch', '1968-05-23', 'Geneva', '9.99'],
    ['Ed', 'Brown', 'ed@example.org', '2001-01-09', 'Lugano', '250.00'],
  ];
  const names = ['first_name', 'last_name', 'email', 'birth', 'city', 'amount'];
  const columns = names.map((name, c) => ({ name, values: rows.map((r) => r[c]) }));
  const csv = [names, ...rows].map((r) => r.join(',')).join('\n');
  const report = await dc.classify(csv);
  assert.deepEqual(report.columns.map((c) => c.name), names);
  const probs = dc.predict(await dc.features(csv));
  const { labels } = dc.info();
  const r = dc.refine(columns, probs);
  assert.equal(r.probs.length, probs.length);
  assert.equal(r.rank.length, names.length);
  const round3 = (x) => Math.round(x * 1000) / 1000;
  report.columns.forEach((col, c) => {
    const p = Array.from(r.probs.subarray(c * labels.length, (c + 1) * labels.length));
    const top = p.indexOf(Math.max(...p));
    assert.equal(labels[top], col.label, col.name);
    assert.equal(round3(p[top]), col.confidence, col.name);
    assert.equal(round3(r.rank[c]), col.rank, col.name);
  });
  assert.ok(r.probs.some((x, i) => x !== probs[i]), 'the graph moved nothing: a skipped graph would pass');
  assert.throws(() => dc.refine(columns, probs.subarray(1)), { code: 'INVALID_OPTION', option: 'probs' });
  assert.throws(() => dc.refine(columns.slice(1), probs), (e) => e.code === 'INVALID_OPTION' && /6 columns|5 columns/.test(e.message));
  assert.throws(() => dc.refine(columns, Array.from(probs)), { code: 'INVALID_OPTION', option: 'probs' });
});

test('classifying the same input again and again does not grow the wasm memory', async () => {
  const header = Array.from({ length: 40 }, (_, c) => `col_${c}`).join(',');
  const rows = Array.from({ length: 500 }, (_, r) =>
    Array.from({ length: 40 }, (_, c) => `v${c}.${r}@example.org`).join(','),
  );
  const csv = [header, ...rows].join('\n');
  for (const input of [csv, new TextEncoder().encode(csv)]) {
    // Two runs first: the heap reaches its working size (the samples, the cache, the model's buffers).
    for (let i = 0; i < 2; i++) {
      dc.clearCache();
      await dc.classify(input);
    }
    const settled = dc.info().memoryBytes;
    for (let i = 0; i < 10; i++) {
      dc.clearCache();
      await dc.classify(input);
      await dc.classifyText(input);
    }
    const grown = dc.info().memoryBytes - settled;
    // Each run's samples hold about 0.6 MB here: keeping them would add over 10 MB.
    assert.ok(grown < 1 << 20, `wasm memory grew by ${grown} bytes over 20 runs`);
  }
});

test('every entry exports the same API: datacloak, datacloak/threads and datacloak/onnx in browsers, Node, Workers', async () => {
  const names = async (file) => Object.keys(await import(path.join(ROOT, 'pkg', file))).sort();
  const node = await names('node.js');
  assert.ok(node.includes('infoInWorker') && node.includes('classifyInWorker'));
  // The browser entries import nothing browser-only at load time, so Node can list them.
  assert.deepEqual(await names('browser.js'), node);
  assert.deepEqual(await names('threads.js'), node);
  assert.deepEqual(await names('onnx.js'), node);
  assert.deepEqual(await names('node-onnx.js'), node);
  // workerd.js imports the .wasm as a module, which only a Workers bundler resolves: its names.
  const workerd = await readFile(path.join(ROOT, 'pkg/workerd.js'), 'utf8');
  const exported = [...workerd.matchAll(/export const \{([^}]+)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  assert.deepEqual(exported.sort(), node);
});
