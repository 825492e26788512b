// Rules in the npm package: the `rules` option of the JS API and `--rules` of the Node CLI give
// the native CLI's report byte for byte; bad documents are coded errors naming the rule; the
// package ships the JSON Schema; the cloak acts on rule labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classify, classifyText, cloak, DataCloakError } from '../../pkg/node.js';
import { NATIVE, NODE_CLI, ROOT, run } from './helpers.mjs';

const STAFF = 'tests/data/rules/staff.csv';
const ORG = 'tests/data/rules/org.rules.json';
const staffText = readFileSync(path.join(ROOT, STAFF), 'utf8');
const orgText = readFileSync(path.join(ROOT, ORG), 'utf8');

test('--rules gives byte-identical reports in the native and the Node CLI', () => {
  for (const extra of [[], ['--format', 'table'], ['--sample', '20']]) {
    const args = ['classify', STAFF, '--rules', ORG, ...extra];
    const native = run(NATIVE, args);
    const wasm = run(process.execPath, [NODE_CLI, ...args]);
    assert.equal(native.status, 0, native.stderr);
    assert.equal(wasm.status, 0, wasm.stderr);
    assert.equal(wasm.stdout, native.stdout, extra.join(' '));
  }
  const report = JSON.parse(run(NATIVE, ['classify', STAFF, '--rules', ORG]).stdout);
  const emp = report.columns.find((c) => c.name === 'emp_no');
  assert.equal(emp.label, 'employee_id');
  assert.equal(emp.source, 'rule:employee_id');
  assert.equal(report.table.rules.source, ORG);
});

test('the rules option takes the document as an object or as text, and matches the CLI', async () => {
  const native = run(NATIVE, ['classify', STAFF, '--rules', ORG]).stdout;
  const fromText = await classifyText(staffText, { source: STAFF, rules: orgText, rulesSource: ORG });
  assert.equal(`${fromText}\n`, native);
  const fromObject = await classify(staffText, { rules: JSON.parse(orgText) });
  assert.equal(fromObject.columns.find((c) => c.name === 'customer').label, 'customer_code');
  assert.equal(fromObject.table.rules.source, 'rules');
  // Columns given directly take rules too.
  const cols = await classify([{ name: 'staff', values: ['EMP-000001', 'EMP-000002', 'EMP-123456'] }], {
    rules: orgText,
  });
  assert.equal(cols.columns[0].label, 'employee_id');
  // Without the option nothing changes and the report has no rules part.
  const plain = await classify(staffText);
  assert.equal(plain.table.rules, undefined);
  assert.ok(plain.columns.every((c) => c.source === 'model'));
});

test('a bad rules document is a RULES error naming the rule, in the API and both CLIs', async () => {
  const bad = { rules: [{ label: 'identifier', value: { regex: 'EMP-[0-9{6}' } }] };
  await assert.rejects(classify('a\n1\n', { rules: bad }), (e) => {
    assert.ok(e instanceof DataCloakError);
    assert.equal(e.code, 'RULES');
    assert.equal(e.option, 'rules');
    assert.equal(e.rule, 'rules[0].value.regex');
    assert.match(e.message, /invalid regular expression at character \d+/);
    assert.deepEqual(Object.keys(e.toJSON()).sort(), ['code', 'input', 'message', 'name', 'option', 'rule']);
    return true;
  });
  await assert.rejects(classify('a\n1\n', { rules: 42 }), { code: 'INVALID_OPTION', option: 'rules' });
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-rules-'));
  const file = path.join(dir, 'bad.rules.json');
  writeFileSync(file, JSON.stringify({ rules: [{ label: 'identifier', value: { validator: 'luhnn' } }] }));
  const args = ['classify', STAFF, '--rules', file];
  const native = run(NATIVE, args);
  const wasm = run(process.execPath, [NODE_CLI, ...args]);
  assert.equal(native.status, 2);
  assert.equal(wasm.status, 2);
  assert.equal(wasm.stderr, native.stderr);
  assert.match(native.stderr, /bad\.rules\.json: rules\[0\]\.value\.validator: unknown validator "luhnn"/);
  const missing = ['classify', STAFF, '--rules', path.join(dir, 'missing.json')];
  assert.equal(run(NATIVE, missing).status, 4);
  assert.equal(run(process.execPath, [NODE_CLI, ...missing]).status, 4);
});

test('the package ships the JSON Schema of rules documents', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'pkg/rules.schema.json'), 'utf8'));
  assert.equal(schema.title, 'DataCloak rules');
  assert.ok(pkg.exports['./rules.schema.json'], 'exported as datacloak/rules.schema.json');
  const validators = schema.properties.rules.items.properties.value.properties.validator.oneOf.map((v) => v.const);
  assert.ok(validators.includes('be_national_number') && validators.includes('verhoeff'));
});

test('the cloak acts on rule labels, and a policy may name them', async () => {
  const result = await cloak(staffText, {
    rules: orgText,
    key: 'a key of sixteen bytes or more',
    policy: { labels: { employee_id: 'mask', customer_code: 'redact' } },
  });
  const text = await result.text();
  const plan = Object.fromEntries(result.plan.columns.map((c) => [c.name, c.action]));
  assert.equal(plan.emp_no, 'mask');
  assert.equal(plan.customer, 'redact');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const original = staffText.trim().split('\n').slice(1).map((l) => l.split(','));
  rows.forEach((r, i) => {
    assert.notEqual(r[0], original[i][0]);
    assert.match(r[0], /^\*{3}-\*{2}\d{4}$|^[*\-0-9]+$/);
    assert.notEqual(r[2], original[i][2]);
  });
  // Without the rules, the same policy names labels nobody defined.
  await assert.rejects(
    cloak(staffText, { key: 'a key of sixteen bytes or more', policy: { labels: { employee_id: 'mask' } } }),
    (e) => e.code === 'POLICY' && /labels\.employee_id|employee_id/.test(e.message),
  );
});
