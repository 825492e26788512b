// `npm pack`, installed into a fresh project outside the repository, used as a user would:
// import from Node and run the `datacloak` bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, SAMPLES, run } from './helpers.mjs';

test('the packed tarball installs and works in a fresh project (import and CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', dir]);
  assert.equal(pack.status, 0, pack.stderr);
  const [{ filename, files }] = JSON.parse(pack.stdout);
  const names = files.map((f) => f.path);
  for (const must of ['package.json', 'pkg/node.js', 'pkg/browser.js', 'pkg/workerd.js', 'pkg/index.d.ts',
    'pkg/cli.js', 'pkg/wasm/datacloak_bg.wasm', 'pkg/wasm/datacloak.js', 'pkg/rules.schema.json']) {
    assert.ok(names.includes(must), `tarball lacks ${must}`);
  }
  assert.ok(!names.some((n) => n.startsWith('src/') || n.startsWith('tests/') || n.startsWith('target/')));

  const project = path.join(dir, 'app');
  run('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--offline', path.join(dir, filename)], {
    cwd: project,
  });
  assert.equal(install.status, 0, install.stderr);

  writeFileSync(
    path.join(project, 'main.js'),
    `import { classify } from 'datacloak';
     import { readFileSync } from 'node:fs';
     const r = await classify(readFileSync(process.argv[2]));
     console.log(JSON.stringify(r.columns.map((c) => [c.name, c.label])));`,
  );
  const customers = path.join(SAMPLES, 'customers.csv');
  const out = run(process.execPath, ['main.js', customers], { cwd: project });
  assert.equal(out.status, 0, out.stderr);
  const labels = Object.fromEntries(JSON.parse(out.stdout));
  assert.equal(labels.email, 'email');
  assert.equal(labels.phone, 'phone_number');

  const bin = run(path.join(project, 'node_modules/.bin/datacloak'), ['classify', customers]);
  assert.equal(bin.status, 0, bin.stderr);
  const report = JSON.parse(bin.stdout);
  assert.equal(report.columns.length, 14);
  assert.equal(report.table.source, customers);
  const version = run(path.join(project, 'node_modules/.bin/datacloak'), ['--version']);
  assert.equal(version.stdout.trim(), `datacloak ${JSON.parse(readFileSync(path.join(ROOT, 'package.json'))).version}`);
});
