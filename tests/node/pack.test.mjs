// `npm pack`, installed into a fresh project outside the repository, used as a user would:
// import and require from Node, run the `datacloak` bin, compile against the types under each
// TypeScript resolution mode.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, SAMPLES, run } from './helpers.mjs';

let dir;
let filename;
let files;
let project;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'datacloak-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', dir]);
  assert.equal(pack.status, 0, pack.stderr);
  [{ filename, files }] = JSON.parse(pack.stdout);
  project = path.join(dir, 'app');
  run('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--offline', path.join(dir, filename)], {
    cwd: project,
  });
  assert.equal(install.status, 0, install.stderr);
});

test('the tarball holds every entry, worker script and build, and nothing of the sources', () => {
  const names = files.map((f) => f.path);
  for (const must of ['package.json', 'pkg/node.js', 'pkg/browser.js', 'pkg/threads.js', 'pkg/workerd.js', 'pkg/index.d.ts',
    'pkg/index.d.cts', 'pkg/datacloak-wasm.d.ts', 'pkg/cli.js', 'pkg/assets.js', 'pkg/wasm/datacloak_bg.wasm',
    'pkg/wasm/datacloak.js', 'pkg/rules.schema.json', 'pkg/datacloak-worker.js', 'pkg/datacloak-threads-worker.js',
    'pkg/datacloak-pool-worker.js', 'pkg/threads/datacloak_threads_bg.wasm', 'pkg/standalone/datacloak-worker.js',
    'pkg/standalone/datacloak-threads-worker.js', 'pkg/standalone/datacloak-pool-worker.js', 'pkg/onnx.js',
    'pkg/onnx/datacloak_onnx_bg.wasm', 'pkg/onnx/datacloak_onnx.js', 'pkg/datacloak-onnx-worker.js',
    'pkg/standalone/datacloak-onnx-worker.js', 'pkg/node-onnx.js', 'pkg/node-api.js']) {
    assert.ok(names.includes(must), `tarball lacks ${must}`);
  }
  assert.ok(!names.some((n) => n.startsWith('src/') || n.startsWith('tests/') || n.startsWith('target/')));
});

test('the packed tarball works in a fresh project (import and CLI)', () => {
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

test("`require('datacloak')` works from CommonJS on the Node versions `engines` names", () => {
  const { engines } = JSON.parse(readFileSync(path.join(ROOT, 'package.json')));
  const [major, minor] = process.versions.node.split('.').map(Number);
  assert.ok((major === 20 && minor >= 19) || major > 22 || (major === 22 && minor >= 12), `this Node (${process.version}) is outside ${engines.node}`);
  writeFileSync(
    path.join(project, 'main.cjs'),
    `const { classify, classifyInWorker, infoInWorker } = require('datacloak');
     const threads = require('datacloak/threads');
     const { readFileSync } = require('node:fs');
     classify(readFileSync(process.argv[2])).then(async (r) => {
       const info = await infoInWorker();
       console.log(JSON.stringify({ labels: r.columns.map((c) => c.label), same: threads.classify === classify,
         worker: typeof classifyInWorker, threads: info.threads }));
     });`,
  );
  const out = run(process.execPath, ['main.cjs', path.join(SAMPLES, 'customers.csv')], { cwd: project });
  assert.equal(out.status, 0, out.stderr);
  const got = JSON.parse(out.stdout);
  assert.ok(got.labels.includes('email'));
  // In Node, `datacloak/threads` is the Node entry itself (no Web Workers, no threaded build).
  assert.equal(got.same, true);
  assert.equal(got.threads, false);
});

// TypeScript 5.9 (`typescript`) and the native 7.0 (`typescript7`, an npm alias), both pinned.
const TSC = { '5.9': 'node_modules/typescript/bin/tsc', '7.0': 'node_modules/typescript7/bin/tsc' };
for (const [version, bin] of Object.entries(TSC)) {
  test(`TypeScript ${version}: the types resolve under bundler, node16 and nodenext, from ES modules and CommonJS`, () => {
    const tsc = path.join(ROOT, bin);
    // `datacloak/datacloak.wasm` is for bundlers of ES modules (Workers): checked from ES modules only.
    const usage = (esm) => `import { classify, classifyInWorker, infoInWorker, init } from 'datacloak';
  import * as threads from 'datacloak/threads';
  ${esm ? "import wasm from 'datacloak/datacloak.wasm';" : 'declare const wasm: WebAssembly.Module;'}
  export async function f(csv: string): Promise<boolean> {
    await init({ module: wasm });
    const r = await classify(csv);
    const w = await threads.classifyInWorker(csv, { threads: 2 });
    return r.columns.length === w.columns.length && (await infoInWorker()).threads && typeof classifyInWorker === 'function';
  }
  `;
    const cases = [
      ['esm', 'module', ['--module', 'esnext', '--moduleResolution', 'bundler']],
      ['esm', 'module', ['--module', 'node16', '--moduleResolution', 'node16']],
      ['esm', 'module', ['--module', 'nodenext', '--moduleResolution', 'nodenext']],
      ['cjs', 'commonjs', ['--module', 'node16', '--moduleResolution', 'node16']],
      ['cjs', 'commonjs', ['--module', 'nodenext', '--moduleResolution', 'nodenext']],
    ];
    for (const [name, type, flags] of cases) {
      const sub = path.join(project, `ts-${name}`);
      run('mkdir', ['-p', sub]);
      writeFileSync(path.join(sub, 'package.json'), JSON.stringify({ type }));
      writeFileSync(path.join(sub, 'usage.ts'), usage(name === 'esm'));
      const r = run(tsc, ['--noEmit', '--strict', ...flags, '--target', 'es2022', '--lib', 'es2022,dom',
        path.join(sub, 'usage.ts')], { cwd: sub });
      assert.equal(r.status, 0, `${type} ${flags.join(' ')}:\n${r.stdout}${r.stderr}`);
    }
    // The check can fail: a wrong type is an error.
    writeFileSync(path.join(project, 'ts-esm', 'bad.ts'), "import { classify } from 'datacloak';\nexport const n: number = classify('a');\n");
    const bad = run(tsc, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom',
      path.join(project, 'ts-esm', 'bad.ts')]);
    assert.match(bad.stdout, /bad\.ts\(2,\d+\): error TS2322/);
  });
}
