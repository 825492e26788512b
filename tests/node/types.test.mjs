// The TypeScript declarations (pkg/index.d.ts, via the package's `types` export) compile against a
// usage example under strict settings, and a misuse is rejected (so the check can fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run } from './helpers.mjs';

const tsc = (file) =>
  run(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution',
    'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', '--skipLibCheck', 'false', file]);

test('the .d.ts describes real use', () => {
  const r = tsc(path.join(ROOT, 'tests/node/types-usage.ts'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the .d.ts rejects a misuse', () => {
  // Inside the repository, so that 'datacloak' resolves to this package as in the usage example.
  mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'target', 'types-'));
  const bad = path.join(dir, 'bad.ts');
  writeFileSync(bad, "import { classify } from 'datacloak';\nexport const r = classify('a', { sampleSize: 'many' });\n");
  const r = tsc(bad);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /bad\.ts\(2,\d+\): error TS2322/);
});
