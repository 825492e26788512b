// The Cloudflare Worker of www/worker, run for real in the local Workers runtime (workerd via
// wrangler), over HTTP on 127.0.0.1: `npm run worker -- --port N`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { CANARY, NATIVE, ROOT, SAMPLES, canaryPieces, parseCsv, run, startWorker } from './helpers.mjs';

/** The Worker's CLOAK_KEY in these tests (a secret in a real deployment). */
const CLOAK_KEY = 'worker-test-key-0123456789abcdef';
/** The Worker's rules document (its DATACLOAK_RULES variable), and the same for the native CLI. */
const RULES = 'tests/data/rules/org.rules.json';
const RULES_TEXT = readFileSync(path.join(ROOT, RULES), 'utf8');

let server;
let base;
const log = () => server?.log() ?? '';

before(async () => {
  const vars = ['--var', `CLOAK_KEY:${CLOAK_KEY}`, '--var', `DATACLOAK_RULES:${JSON.stringify(JSON.parse(RULES_TEXT))}`];
  server = await startWorker(['run', 'worker', '--'], vars);
  base = server.base;
});

after(() => server?.stop());

const post = (body, query = '') => fetch(`${base}/classify${query}`, { method: 'POST', body });

test('POST /classify answers with the report the native CLI prints for the same file', async () => {
  for (const name of ['customers.csv', 'zahlungen.csv']) {
    const file = path.join(SAMPLES, name);
    const res = await post(readFileSync(file), `?source=${encodeURIComponent(file)}`);
    assert.equal(res.status, 200, log());
    assert.match(res.headers.get('content-type'), /application\/json/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    // The Worker applies its rules: the native CLI with the same document prints the same bytes
    // but for the name the document goes by.
    const native = run(NATIVE, ['classify', file, '--rules', RULES]);
    assert.equal(await res.text(), native.stdout.replace(`"source": "${RULES}"`, '"source": "DATACLOAK_RULES"'));
  }
});

test('options come from the query; bad input and bad requests get JSON errors with a code', async () => {
  const r = await (await post('a;b\n1;2\n3;4\n', '?delimiter=%3B&hasHeader=true&sampleSize=10')).json();
  assert.deepEqual(r.columns.map((c) => c.name), ['a', 'b']);
  const cases = [
    [post('a,b\n1,"open\n'), 400, 'UNTERMINATED_QUOTE'],
    [post(''), 400, 'EMPTY_INPUT'],
    [post('a\n1\n', '?sampel=3'), 400, 'INVALID_OPTION'],
    [post('a,b\n1,2\n'.repeat(50), '?maxBytes=64'), 413, 'INPUT_TOO_LARGE'],
    [fetch(`${base}/classify`), 405, 'METHOD_NOT_ALLOWED'],
    [fetch(`${base}/elsewhere`, { method: 'POST', body: 'a\n1\n' }), 404, 'NOT_FOUND'],
  ];
  for (const [pending, status, code] of cases) {
    const res = await pending;
    assert.equal(res.status, status, code);
    const { error } = await res.json();
    assert.equal(error.code, code);
    assert.ok(error.message.length > 5);
  }
  const quote = await (await post('a,b\n1,"open\n')).json();
  assert.equal(quote.error.row, 2);
});

test("the server's limits are ceilings a request can only lower", async () => {
  // 200 KB is over a limit lowered to 100 KB, and under the server's own 100 MB either way.
  const body = 'a,b\n1,2\n'.repeat(25_000);
  const lowered = await post(body, '?maxBytes=100000');
  assert.equal(lowered.status, 413);
  assert.equal((await lowered.json()).error.code, 'INPUT_TOO_LARGE');
  // A request asking for more than the server allows gets the server's limit: the answer is the
  // same as with no parameter at all (a 1 MB cell limit, the server's sample budget).
  const cell = `a\n${'x'.repeat(1_100_000)}\n`;
  for (const q of ['', '?maxCellBytes=4294967295', '?maxBytes=1000000000000&maxCellBytes=2000000']) {
    const res = await post(cell, q);
    assert.equal(res.status, 400, q);
    assert.equal((await res.json()).error.code, 'CELL_TOO_LARGE', q);
  }
  const raised = await (await post('a\n1\n2\n', '?maxSampleBytes=4294967295&maxValueBytes=1048576')).json();
  assert.equal(raised.columns[0].name, 'a');
});

test('only data options come from the query; JS-only and unknown keys are coded 400s without a stack', async () => {
  for (const q of ['?onProgress=1', '?signal=1', '?model=x', '?maxBytes=-5', '?hasHeader=maybe', '?sampleSize=abc']) {
    const res = await post('a\n1\n', q);
    assert.equal(res.status, 400, q);
    const text = await res.text();
    const { error } = JSON.parse(text);
    assert.equal(error.code, 'INVALID_OPTION', q);
    assert.equal(error.option, q.slice(1).split('=')[0], q);
    assert.doesNotMatch(text, /at [\w.<>]+ \(|\.js:\d+|file:\/\//, `${q}: a stack trace or path in ${text}`);
  }
  // The Worker is still there after those: the next request is answered as usual.
  const ok = await post('email\nann@example.org\n');
  assert.equal(ok.status, 200);
});

const cloakPost = (body, headers = {}, query = '') =>
  fetch(`${base}/cloak${query}`, { method: 'POST', body, headers });

test('POST /cloak streams back the bytes the native CLI writes with the same key', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-worker-cloak-'));
  const keyFile = path.join(dir, 'key');
  writeFileSync(keyFile, CLOAK_KEY);
  const policy = '{"labels": {"email": "mask"}}';
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, policy);
  for (const name of ['customers.csv', 'zahlungen.csv']) {
    const body = readFileSync(path.join(SAMPLES, name));
    const res = await cloakPost(body, { 'x-datacloak-policy': policy }, '?safeFormulas=true');
    assert.equal(res.status, 200, log());
    assert.match(res.headers.get('content-type'), /text\/csv/);
    assert.equal(res.headers.get('x-datacloak-key'), 'given');
    // The body is read once: like the native CLI reading standard input.
    const native = run(NATIVE, ['cloak', '-', '-o', '-', '--key-file', keyFile, '--policy', policyFile, '--safe-formulas', '--rules', RULES], {
      input: body,
    });
    assert.equal(native.status, 0, native.stderr);
    assert.equal(await res.text(), native.stdout, name);
  }
});

test('POST /cloak: nothing of the canary rows comes back; a bad policy is a coded 400', async () => {
  const csv = readFileSync(CANARY, 'utf8');
  const pieces = canaryPieces(parseCsv(csv).slice(1));
  const res = await cloakPost(csv, {}, '?safeFormulas=true');
  assert.equal(res.status, 200);
  const out = await res.text();
  assert.equal(parseCsv(out).length, parseCsv(csv).length);
  for (const own of pieces) for (const p of own) assert.ok(!out.includes(p), `'${p}' came back`);
  for (const [policy, code] of [['{"columns": {"city": "generalise"}}', 'POLICY'], ['not json', 'POLICY']]) {
    const bad = await cloakPost('city,email\nParis,a@b.org\n', { 'x-datacloak-policy': policy });
    assert.equal(bad.status, 400, policy);
    const { error } = await bad.json();
    assert.equal(error.code, code, policy);
    assert.equal(error.option, 'policy');
  }
  const unknown = await cloakPost('a\n1\n', {}, '?sampel=1');
  assert.equal((await unknown.json()).error.code, 'INVALID_OPTION');
});

test('the deployable bundle fits the Workers free plan (3 MB compressed)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'datacloak-worker-'));
  const dry = run('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', out, '--config', 'www/worker/wrangler.toml'], {
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
  });
  assert.equal(dry.status, 0, dry.stderr + dry.stdout);
  // What is uploaded: the script and its modules; not the source map (uploaded only with
  // `upload_source_maps`) nor the README wrangler writes beside them.
  let gz = 0;
  for (const f of readdirSync(out).filter((f) => !f.endsWith('.map') && f !== 'README.md')) {
    const p = path.join(out, f);
    if (statSync(p).isFile()) gz += gzipSync(readFileSync(p), { level: 9 }).length;
  }
  assert.ok(gz > 100_000, `bundle suspiciously small: ${gz} bytes`);
  assert.ok(gz <= 3 * 1024 * 1024, `bundle is ${gz} bytes gzip`);
});

test('the Worker applies the rules of its configuration, never a request\'s', async () => {
  const csv = readFileSync(path.join(ROOT, 'tests/data/rules/staff.csv'));
  const r = await (await post(csv)).json();
  const emp = r.columns.find((c) => c.name === 'emp_no');
  assert.equal(emp.label, 'employee_id', log());
  assert.equal(emp.source, 'rule:employee_id');
  assert.equal(r.table.rules.source, 'DATACLOAK_RULES');
  const res = await post(csv, `?rules=${encodeURIComponent('{"rules": []}')}`);
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.option, 'rules');
});
