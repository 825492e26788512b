// The bad-input catalogue (tests/bad_input/catalogue.json; format in tests/bad_input/README.md)
// through the wasm package in Node. tests/bad_input.rs runs the same catalogue natively, so both
// builds are held to the same expectations; where the answer is a report, it must moreover be the
// native CLI's report for the same bytes and options.
//
// BAD_INPUT_KNOWN=1 also runs the cases marked `known_failure` (to check a fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { setImmediate as tick } from 'node:timers/promises';
// Cases with a custom model run on the build that reads ONNX (the default build refuses them).
import * as full from 'datacloak/onnx';
import * as dc from 'datacloak';
import * as wasmGlue from '../../pkg/wasm/datacloak.js';
import { NATIVE, ROOT, run } from './helpers.mjs';

const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'tests/bad_input/catalogue.json'), 'utf8'));
/** Growth of the wasm memory a case may cause unless it says otherwise (`max_alloc_mb`). */
const BUDGET_MB = 256;
/** A healthy case takes seconds; beyond this (or the case's own `max_seconds`) it counts as a hang. */
const TIME_LIMIT_S = 180;
/** Inputs up to this size are handed over whole (and compared with the native CLI); larger ones are streamed. */
const WHOLE_MAX = 1 << 20;
const CHUNK = 1 << 20;
const RUN_KNOWN = process.env.BAD_INPUT_KNOWN === '1';
const tmp = mkdtempSync(path.join(tmpdir(), 'datacloak-bad-input-'));

// ---- inputs -----------------------------------------------------------------------------------

const utf8 = (s) => new TextEncoder().encode(s);
const concat = (arrays) => {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) out.set(a, (at += a.length) - a.length);
  return out;
};
const repeated = (unit, times) => concat(Array.from({ length: times }, () => unit));
/** A repeat's unit is small: a string, or parts that are materialised. */
const unitOf = (p) => (typeof p.repeat === 'string' ? utf8(p.repeat) : concat(p.repeat.map(whole)));

/** One part as bytes (only for parts that are small once materialised). */
function whole(p) {
  if ('text' in p) return utf8(p.text);
  if ('hex' in p) return Uint8Array.from(p.hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  if ('latin1' in p) return Uint8Array.from(p.latin1, (c) => c.codePointAt(0));
  if ('utf16le_bom' in p) return concat([Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(p.utf16le_bom, 'utf16le'))]);
  if ('utf16le' in p) return new Uint8Array(Buffer.from(p.utf16le, 'utf16le'));
  if ('repeat' in p) return repeated(unitOf(p), p.times);
  throw new Error(`unknown input part ${JSON.stringify(p)}`);
}

const sizeOf = (p) => ('repeat' in p ? unitOf(p).length * p.times : whole(p).length);

/** The parts as chunks of at most 1 MiB; a repeat is cut from a block of whole units, never held whole. */
async function* chunks(parts, counter) {
  for (const p of parts) {
    if (!('repeat' in p)) {
      const bytes = whole(p);
      counter.read += bytes.length;
      if (bytes.length) yield bytes;
      continue;
    }
    const unit = unitOf(p);
    const block = repeated(unit, Math.floor(CHUNK / unit.length) + 2);
    for (let at = 0, left = unit.length * p.times; left > 0; ) {
      const from = at % unit.length;
      const n = Math.min(CHUNK, left, block.length - from);
      counter.read += n;
      // The consumer copies each chunk into wasm memory before asking for the next one.
      yield block.subarray(from, from + n);
      at += n;
      left -= n;
    }
  }
}

/** The input again and again without end; the signal is aborted after `after` chunks, and with
 *  `stall` the stream then stops delivering (no end, no error) as a dead network stream does. */
async function* endless(bytes, controller, after, stall, state) {
  try {
    for (let n = 0; ; n++) {
      if (n === after) {
        setTimeout(() => controller.abort(), 20);
        if (stall) await new Promise(() => {});
      }
      yield bytes;
      await tick(); // lets the abort timer run between chunks
    }
  } finally {
    state.closed = true;
  }
}

function modelBytes(spec) {
  if (spec.fixture) return new Uint8Array(readFileSync(path.join(ROOT, spec.fixture)));
  const m = new Uint8Array(readFileSync(path.join(ROOT, 'models/datacloak-v1/model.onnx')));
  const mid = m.length >> 1;
  if (spec.shipped === 'truncate') return m.slice(0, mid);
  if (spec.shipped === 'corrupt') return m.fill(0xff, mid, mid + 64);
  if (spec.shipped === 'empty') return new Uint8Array(0);
  throw new Error(`unknown model ${JSON.stringify(spec)}`);
}

// ---- running a case ---------------------------------------------------------------------------

const sourceOf = (c) => c.options?.source ?? `${c.id}.csv`;

/** Classifies the case's input: `{report}` or `{error}`, plus the bytes handed over and, when the
 *  input was held whole, those bytes. */
async function outcome(c) {
  const options = { ...c.options, source: sourceOf(c) };
  if (c.model) options.model = modelBytes(c.model);
  const counter = { read: 0 };
  const state = { closed: false };
  let input;
  let bytes = null;
  if (c.abort_after_chunks !== undefined) {
    const controller = new AbortController();
    options.signal = controller.signal;
    input = endless(concat(c.input.map(whole)), controller, c.abort_after_chunks, c.stall, state);
  } else if (c.input.reduce((n, p) => n + sizeOf(p), 0) > WHOLE_MAX) {
    input = chunks(c.input, counter);
  } else {
    input = bytes = concat(c.input.map(whole));
    counter.read = bytes.length;
  }
  let timer;
  const limit = c.expect.max_seconds ?? TIME_LIMIT_S;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limit} s (a hang?)`)), limit * 1000);
  });
  try {
    const api = c.model ? full : dc;
    return { report: await Promise.race([api.classify(input, options), hang]), read: counter.read, bytes, state };
  } catch (error) {
    if (error.message?.startsWith('no answer within')) throw error;
    return { error, read: counter.read, bytes, state };
  } finally {
    clearTimeout(timer);
  }
}

// ---- checking the expectation (the same rules as tests/bad_input.rs) --------------------------

/** Every key of `want` must be in `got` with that value; objects are compared key by key. */
function subset(want, got, where, out) {
  if (want && typeof want === 'object' && !Array.isArray(want) && got && typeof got === 'object') {
    for (const [k, v] of Object.entries(want)) subset(v, got[k], `${where}.${k}`, out);
  } else if (!isDeepStrictEqual(want, got)) {
    out.push(`${where}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
}

function check(expect, got, source) {
  const out = [];
  if (expect.error !== undefined) {
    const e = got.error;
    if (!e) {
      out.push(`expected error ${expect.error}, got a report`);
    } else {
      if (!(e instanceof dc.DataCloakError)) out.push(`rejected with something else than a DataCloakError: ${e?.stack ?? e}`);
      subset(expect.error, e.code, 'code', out);
      for (const k of ['row', 'line', 'column', 'option', 'name']) if (k in expect) subset(expect[k], e[k], k, out);
      if (expect.input === true && e.input !== source) out.push(`error does not name the input ${source}: input=${e.input}`);
      if (out.length) out.push(`(message: ${e.message})`);
    }
  } else if (got.error) {
    out.push(`expected a report, got ${got.error.code}: ${got.error.message}`);
  } else {
    const cols = got.report.columns;
    const col = (name) => cols.find((c) => c.name === name) ?? null;
    if ('columns' in expect) subset(expect.columns, cols.length, 'columns', out);
    if ('names' in expect) subset(expect.names, cols.map((c) => c.name), 'names', out);
    for (const [name, label] of Object.entries(expect.labels ?? {})) subset(label, col(name)?.label, `labels.${name}`, out);
    for (const [name, sub] of Object.entries(expect.cols ?? {})) subset(sub, col(name), `cols.${name}`, out);
    if ('table' in expect) subset(expect.table, got.report.table, 'table', out);
    const warnings = got.report.table.warnings;
    if ('warning' in expect && !warnings.some((w) => w.includes(expect.warning))) {
      out.push(`no warning contains ${JSON.stringify(expect.warning)}: ${JSON.stringify(warnings)}`);
    }
  }
  if ('max_read_mb' in expect && got.read > expect.max_read_mb * 2 ** 20) {
    out.push(`read ${got.read} bytes before answering, more than ${expect.max_read_mb} MiB`);
  }
  return out;
}

/** The native CLI's arguments for the case's options and model, or null when an option has no flag. */
function nativeArgs(c) {
  // The flag table both CLIs parse with (src/cli.rs), from the wasm face.
  const table = JSON.parse(wasmGlue.cliFlags());
  const args = [];
  for (const [k, v] of Object.entries(c.options ?? {})) {
    const f = table.find((f) => f.option === k && (typeof f.takes === 'string' || f.takes.switch === v));
    if (!f) return null;
    args.push(f.name);
    if (f.takes === 'file') {
      // A document option (`rules`): the CLI reads it from a file.
      const file = path.join(tmp, `${c.id}.${k}.json`);
      writeFileSync(file, typeof v === 'string' ? v : JSON.stringify(v));
      args.push(file);
    } else if (typeof f.takes === 'string') args.push(String(v));
  }
  if (c.model?.fixture) args.push('--model', path.join(ROOT, c.model.fixture));
  else if (c.model) {
    const file = path.join(tmp, `${c.id}.onnx`);
    writeFileSync(file, modelBytes(c.model));
    args.push('--model', file);
  }
  return args;
}

let compared = 0;

/** The same bytes through `datacloak classify`: the report must be the same but for `source`. */
function assertSameAsNative(c, got) {
  const args = nativeArgs(c);
  if (!args) return;
  compared += 1;
  const file = path.join(tmp, `${c.id}.csv`);
  writeFileSync(file, got.bytes);
  const r = run(NATIVE, ['classify', file, ...args]);
  assert.equal(r.status, 0, `native CLI failed where wasm answered: ${r.stderr}`);
  const native = JSON.parse(r.stdout);
  native.table.source = got.report.table.source;
  if (native.table.rules) native.table.rules.source = got.report.table.rules?.source;
  assert.deepEqual(got.report, native, 'the wasm report differs from the native CLI report');
}

await dc.init();
await full.init();
const memory = () => dc.info().memoryBytes + full.info().memoryBytes;

for (const c of catalogue) {
  const known = typeof c.known_failure === 'object' ? c.known_failure?.wasm : c.known_failure;
  const skip = c.only === 'native' ? `native only: ${c.why}` : known && !RUN_KNOWN ? `known failure: ${known}` : false;
  test(c.id, { skip }, async () => {
    const before = memory();
    const got = await outcome(c);
    const problems = check(c.expect, got, sourceOf(c));
    const budget = c.expect.max_alloc_mb ?? BUDGET_MB;
    const grown = (memory() - before) / 2 ** 20;
    if (grown > budget) problems.push(`wasm memory grew by ${grown.toFixed(0)} MiB, more than ${budget} MiB`);
    // Cancelling must also release the caller's stream (a stalled one cannot be told anything).
    if (c.abort_after_chunks !== undefined && !c.stall && !got.state.closed) problems.push('the aborted stream was not closed');
    assert.deepEqual(problems, [], `${c.id}: ${c.what}`);
    if (got.report && got.bytes) assertSameAsNative(c, got);
  });
}

test('the native CLI was compared on the small cases answered by a report', () => {
  assert.ok(compared >= 30, `only ${compared} comparisons`);
});
