// The npm CLI (wasm build) against the native CLI (target/release/datacloak) on every sample table:
// same bytes on stdout, same exit codes on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NATIVE, NODE_CLI, ROOT, run, sampleFiles } from './helpers.mjs';

const both = (args) => [run(NATIVE, args), run(process.execPath, [NODE_CLI, ...args])];

test('classify prints byte-identical JSON and tables for every sample table', () => {
  const files = sampleFiles();
  assert.ok(files.length >= 4);
  for (const f of files) {
    for (const extra of [[], ['--format', 'table'], ['--sample', '50', '--no-header']]) {
      const [native, wasm] = both(['classify', f, ...extra]);
      assert.equal(native.status, 0, native.stderr);
      assert.equal(wasm.status, 0, wasm.stderr);
      assert.equal(wasm.stdout, native.stdout, `${f} ${extra.join(' ')}`);
    }
  }
});

test('--model with a valid ONNX model: the Node CLI loads the ONNX build and prints what the native CLI prints', () => {
  const model = path.join(ROOT, 'models/datacloak-v1/model.onnx');
  const file = sampleFiles()[0];
  for (const extra of [[], ['--format', 'table']]) {
    const [native, wasm] = both(['classify', file, '--model', model, ...extra]);
    assert.equal(native.status, 0, native.stderr);
    assert.equal(wasm.status, 0, wasm.stderr);
    assert.equal(wasm.stdout, native.stdout, `${file} ${extra.join(' ')}`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-parity-model-'));
  const key = path.join(dir, 'key');
  writeFileSync(key, '0123456789abcdef0123456789abcdef\n');
  const out = (name) => path.join(dir, name);
  const [native, wasm] = [
    run(NATIVE, ['cloak', file, '-o', out('native.csv'), '--key-file', key, '--model', model]),
    run(process.execPath, [NODE_CLI, 'cloak', file, '-o', out('wasm.csv'), '--key-file', key, '--model', model]),
  ];
  assert.equal(native.status, 0, native.stderr);
  assert.equal(wasm.status, 0, wasm.stderr);
  assert.ok(readFileSync(out('wasm.csv')).equals(readFileSync(out('native.csv'))), 'cloaked bytes differ');
});

test('bad input and usage give the same exit codes as the native CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-parity-'));
  const file = (name, body) => {
    const p = path.join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  const cases = [
    ['classify', file('empty.csv', '')],
    ['classify', file('quote.csv', 'a,b\n1,"never closed\n')],
    ['classify', file('png.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))],
    ['classify', path.join(dir, 'missing.csv')],
    ['classify', file('ok.csv', 'a\n1\n'), '--model', file('bad.onnx', 'not a model')],
    ['classify', file('ok2.csv', 'a\n1\n'), '--delimiter', ';;'],
    ['classify'],
    ['frobnicate'],
    ['classify', file('ok3.csv', 'a\n1\n'), '--sample', 'many'],
  ];
  for (const args of cases) {
    const [native, wasm] = both(args);
    assert.notEqual(native.status, 0, args.join(' '));
    assert.equal(wasm.status, native.status, `${args.join(' ')}: native ${native.stderr} / wasm ${wasm.stderr}`);
    assert.match(wasm.stderr, /^datacloak: /);
  }
  // Where the core produced the message, it is the same text.
  const [native, wasm] = both(['classify', path.join(dir, 'quote.csv')]);
  assert.equal(wasm.stderr, native.stderr);
});

test('--help lists the same options and exit codes in both CLIs (the text is kept in two places)', () => {
  const [native, wasm] = both(['--help']);
  assert.equal(native.status, 0);
  assert.equal(wasm.status, 0);
  const options = (text) => text.slice(text.indexOf('OPTIONS:'));
  assert.ok(options(native.stdout).includes('--max-bytes'));
  assert.equal(options(wasm.stdout), options(native.stdout));
});
