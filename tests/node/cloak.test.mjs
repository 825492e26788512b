// The cloak in the wasm build: the JS API and the npm CLI against the native CLI (same bytes for
// the same input, policy and key), keys and joins, streams, and nothing of a protected value left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cloak, cloakPlan, DataCloakError, init } from '../../pkg/node.js';
import { canaryPieces, CANARY, NATIVE, NODE_CLI, SAMPLES, parseCsv, run } from './helpers.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-cloak-'));
const file = (name, body) => {
  const p = path.join(dir, name);
  writeFileSync(p, body);
  return p;
};
const KEY = 'a key for the cloak tests, 0123456789';
const keyFile = file('cloak.key', `${KEY}\n`);
const CUSTOMERS = path.join(SAMPLES, 'customers.csv');

/** Every action on some column of customers.csv, and safe formulas. */
const EVERY_ACTION = {
  labels: { email: 'mask', first_name: 'fake', last_name: 'redact', date_of_birth: 'generalise', street_address: 'drop' },
  columns: { card_number: 'fake', phone: 'mask', zip: 'generalise', customer_id: 'pseudonymise' },
  sensitivity: { low: 'keep' },
};

function native(args) {
  const r = run(NATIVE, ['cloak', ...args]);
  assert.equal(r.status, 0, r.stderr);
  return r;
}

test('the JS API writes the bytes the native CLI writes, for every action, from text, bytes, a Blob and a stream', async () => {
  await init();
  const policyFile = file('every.json', JSON.stringify(EVERY_ACTION));
  const out = path.join(dir, 'native.csv');
  const summary = native([CUSTOMERS, '-o', out, '--key-file', keyFile, '--policy', policyFile, '--safe-formulas']).stdout;
  const expected = readFileSync(out, 'utf8');
  const text = readFileSync(CUSTOMERS, 'utf8');
  const options = { key: KEY, policy: EVERY_ACTION, safeFormulas: true };
  for (const input of [text, new TextEncoder().encode(text), new Blob([text]), new Blob([text]).stream()]) {
    const result = await cloak(input, { ...options, source: CUSTOMERS });
    assert.equal(await result.text(), expected, input?.constructor?.name);
    assert.equal(`${JSON.stringify(await result.done, null, 2)}\n`, summary);
  }
  // Every action took part.
  const actions = new Set(JSON.parse(summary).columns.map((c) => c.action));
  assert.deepEqual([...actions].sort(), ['drop', 'fake', 'generalise', 'keep', 'mask', 'pseudonymise', 'redact']);
});

test('the npm CLI and the native CLI write identical files, summaries, stdout and errors', () => {
  const policyFile = file('p.json', JSON.stringify({ labels: { email: 'mask' }, sensitivity: { medium: 'redact' } }));
  const outputs = [NATIVE, process.execPath].map((cmd, i) => {
    const out = path.join(dir, `both-${i}.csv`);
    const args = ['cloak', CUSTOMERS, '-o', out, '--key-file', keyFile, '--policy', policyFile];
    const r = cmd === NATIVE ? run(cmd, args) : run(cmd, [NODE_CLI, ...args]);
    assert.equal(r.status, 0, r.stderr);
    return [readFileSync(out, 'utf8'), r.stdout];
  });
  assert.deepEqual(outputs[1], outputs[0]);
  // Standard input: classified on its head, the same bytes on stdout.
  const input = readFileSync(CUSTOMERS);
  const piped = [
    run(NATIVE, ['cloak', '-', '-o', '-', '--key-file', keyFile, '--policy', policyFile], { input }),
    run(process.execPath, [NODE_CLI, 'cloak', '-', '-o', '-', '--key-file', keyFile, '--policy', policyFile], { input }),
  ];
  assert.equal(piped[0].status, 0, piped[0].stderr);
  assert.equal(piped[1].stdout, piped[0].stdout);
  assert.equal(piped[0].stdout, outputs[0][0]);

  const bad = [
    [['--policy', file('misfit.json', '{"columns": {"city": "generalise"}}')], 2, /columns.city: generalise does not fit column 'city', classified as city/],
    [['--policy', file('typo.json', '{"label": {}}')], 2, /unknown key/],
    [['--key-file', file('short.key', 'short')], 2, /the key is 5 bytes/],
    [['--report', file('other.json', run(NATIVE, ['classify', path.join(SAMPLES, 'products.csv')]).stdout)], 1, /column 1 of the file is not/],
    [['--policy', path.join(dir, 'missing.json')], 4, /cannot read policy/],
  ];
  for (const [extra, status, message] of bad) {
    const args = ['cloak', CUSTOMERS, '-o', path.join(dir, 'never.csv'), ...extra];
    const [n, w] = [run(NATIVE, args), run(process.execPath, [NODE_CLI, ...args])];
    assert.equal(n.status, status, `${extra.join(' ')}: ${n.stderr}`);
    assert.equal(w.status, status, `${extra.join(' ')}: ${w.stderr}`);
    assert.match(n.stderr, message);
    // The operating system's words for a missing file differ between Rust and Node; the rest does not.
    const words = (t) => t.replace(/(cannot read policy): .*/, '$1');
    assert.equal(words(w.stderr), words(n.stderr));
    assert.ok(!existsSync(path.join(dir, 'never.csv')) && !existsSync(path.join(dir, 'never.csv.partial')));
  }
});

test('canary: no value of a sensitive column, nor a 6-character piece of one, is left (wasm)', async () => {
  const csv = readFileSync(CANARY, 'utf8');
  const rows = parseCsv(csv);
  const pieces = canaryPieces(rows.slice(1));
  for (const high of ['pseudonymise', 'redact', 'mask', 'fake', 'drop']) {
    const result = await cloak(csv, { key: KEY, policy: { sensitivity: { high } }, safeFormulas: true });
    const out = await result.text();
    const cloaked = parseCsv(out);
    assert.equal(cloaked.length, rows.length, high);
    pieces.forEach((own, r) => {
      // A fake is random: it may share digits with another row's value, never with its own.
      const text = high === 'fake' ? cloaked[r + 1].join(',') : out;
      for (const p of own) assert.ok(!text.includes(p), `${high}: '${p}' is in the output`);
    });
    // The formula in the kept notes column is neutralised; the quoted multi-line note survives.
    const notes = cloaked.map((r) => r.at(-1));
    assert.ok(notes.includes(`'=HYPERLINK("http://evil.example","click")`), high);
    assert.ok(notes.includes('quoted, with "quotes"\nand a line'), high);
  }
});

test('one key gives one token per value across files (joins survive); another key or none does not', async () => {
  const a = 'email,amount\nann@example.org,1\nbo@example.com,2\nann@example.org,3\ncy@example.net,4\n';
  const b = 'email,amount\nbo@example.com,7\nAnn@Example.org,8\ndee@example.com,9\n';
  const tokens = async (csv, options) =>
    parseCsv(await (await cloak(csv, options)).text()).slice(1).map((r) => r[0]);
  const [ta, tb] = [await tokens(a, { key: KEY }), await tokens(b, { key: KEY })];
  const join = (x, y) => x.flatMap((s, i) => y.flatMap((t, j) => (s === t ? [[i, j]] : [])));
  const rows = (csv) => parseCsv(csv).slice(1).map((r) => r[0].toLowerCase());
  assert.deepEqual(join(ta, tb), join(rows(a), rows(b)));
  assert.deepEqual(join(ta, tb), [[0, 1], [1, 0], [2, 1]]);
  assert.notDeepEqual(await tokens(a, { key: `${KEY}!` }), ta);
  const [r1, r2] = [await tokens(a, {}), await tokens(a, {})];
  assert.notDeepEqual(r1, r2, 'without a key, each run has its own random key');
  assert.equal(r1[0], r1[2], 'within one run the same value still gets one token');
  const random = await cloak(a, {});
  await random.text();
  const summary = await random.done;
  assert.equal(summary.key, 'random');
  assert.equal(summary.key_fingerprint, null);
});

test('bad options and policies are coded errors naming the option, the rule and the column', async () => {
  const csv = readFileSync(CUSTOMERS, 'utf8');
  const cases = [
    [{ policy: { columns: { city: 'generalise' } } }, 'POLICY', { column: 'city', option: 'policy' }],
    [{ policy: '{"labels": {"e-mail": "mask"}}' }, 'POLICY', { option: 'policy' }],
    [{ policy: 42 }, 'INVALID_OPTION', { option: 'policy' }],
    [{ key: 'too short' }, 'INVALID_OPTION', { option: 'key' }],
    [{ key: 7 }, 'INVALID_OPTION', { option: 'key' }],
    [{ safeFormulas: 'yes' }, 'INVALID_OPTION', { option: 'safeFormulas' }],
    [{ report: '{"columns": []}' }, 'REPORT_MISMATCH', {}],
    [{ sampleSize: 0 }, 'INVALID_OPTION', { option: 'sampleSize' }],
  ];
  for (const [options, code, fields] of cases) {
    await assert.rejects(cloak(csv, options), (e) => {
      assert.ok(e instanceof DataCloakError, `${JSON.stringify(options)}: ${e}`);
      assert.equal(e.code, code, `${JSON.stringify(options)}: ${e.message}`);
      for (const [k, v] of Object.entries(fields)) assert.equal(e[k], v, `${JSON.stringify(options)} ${k}`);
      return true;
    });
  }
  await assert.rejects(cloak([{ name: 'a', values: ['1'] }]), { code: 'INVALID_OPTION', option: 'input' });
  // A broken file found while streaming fails the stream and `done`, never ends it quietly.
  const broken = await cloak('email\nann@example.org\n"open', { report: (await cloak('email\na@b.org\n')).report });
  await assert.rejects(broken.text(), { code: 'UNTERMINATED_QUOTE' });
  await assert.rejects(broken.done, { code: 'UNTERMINATED_QUOTE' });
});

test('cloakPlan gives the plan cloak follows', async () => {
  const result = await cloak(readFileSync(CUSTOMERS, 'utf8'), { key: KEY });
  assert.deepEqual(cloakPlan(result.report), result.plan);
  assert.equal(result.plan.columns.find((c) => c.name === 'email').action, 'pseudonymise');
  assert.equal(result.plan.columns.find((c) => c.name === 'zip').action, 'generalise');
  await result.stream.cancel();
});
