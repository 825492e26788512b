// The package as web apps consume it: the `npm pack` tarball installed into a fresh copy of
// tests/bundlers/app/, built by Vite, webpack and esbuild (the versions pinned in the repository's
// lockfile) with no configuration beyond entry and output, and each build's page loaded in
// Debian's Chromium, plainly and cross-origin isolated. Each page must show the native CLI's
// labels through `classify` and `classifyInWorker`, start no more workers and make no more
// requests than the calls need, report threads exactly when it asked for them and may have them,
// never carry the threaded build when it did not ask for it, and hold no path of this machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, nativeReport, ROOT } from '../browser/helpers.mjs';
import { applyRecipe, buildFixtures, BUNDLERS, CUSTOMERS, filesOf, PAGES, visit } from './fixture.mjs';

let fixture;
let browser;
let expected;

before(async () => {
  fixture = buildFixtures();
  expected = Object.fromEntries(nativeReport(CUSTOMERS).columns.map((c) => [c.name, c.label]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (fixture) rmSync(fixture.work, { recursive: true, force: true });
});

const threadedWasm = readFileSync(path.join(ROOT, 'pkg/threads/datacloak_threads_bg.wasm'));

for (const bundler of BUNDLERS) {
  test(`${bundler}: builds without a warning, holds no path of this machine, and the single-threaded page no threaded build`, () => {
    for (const page of PAGES) assert.doesNotMatch(fixture.logs[bundler][page], /warn|error|critical/i, `${bundler} ${page}`);
    for (const page of PAGES) {
      const dir = fixture.builds[bundler][page];
      for (const f of filesOf(dir).filter((f) => /\.(js|html|css|map)$/.test(f))) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        for (const p of [ROOT, fixture.work, 'file:///']) assert.ok(!text.includes(p), `${bundler}/${page}: ${f} contains ${p}`);
      }
    }
    const single = fixture.builds[bundler].single;
    for (const f of filesOf(single)) {
      const st = statSync(path.join(single, f));
      assert.ok(
        !(st.size === threadedWasm.length && readFileSync(path.join(single, f)).equals(threadedWasm)),
        `${bundler}: the single-threaded page's output carries the threaded wasm (${f})`,
      );
      assert.ok(!/thread-pool|pool-worker|datacloak_threads/.test(readFileSync(path.join(single, f), 'latin1')),
        `${bundler}: the single-threaded page's output names the threaded build (${f})`);
    }
  });

  if (bundler === 'esbuild') {
    test('esbuild without the recipe: the worker error names the URL that failed', async () => {
      const r = await visit(browser, fixture.bare.single, 'single', false);
      assert.ok(r.result.worker.error, 'classifyInWorker worked without its worker script');
      assert.match(r.result.worker.error, /http:\/\/127\.0\.0\.1:\d+\/datacloak-worker\.js/);
      assert.match(r.result.worker.error, /datacloak-assets/);
    });
    test('esbuild, threads page without its pool script: the calls run on one thread, each worker says why on one console line', async () => {
      const broken = fixture.bare.threads;
      applyRecipe(fixture.app, broken, 'threads');
      rmSync(path.join(broken, 'datacloak-pool-worker.js'));
      const r = await visit(browser, broken, 'threads', true);
      assert.deepEqual(r.result.worker, { ok: expected });
      assert.equal(r.result.info.ok?.threads, false);
      const warnings = r.console.filter((l) => /^(warning|error)/.test(l));
      // One line per worker (classifyInWorker's and infoInWorker's), none from a runaway.
      assert.equal(warnings.length, 2, warnings.join('\n'));
      for (const w of warnings) {
        assert.match(w, /^warning: datacloak: threads unavailable, using one thread: thread pool worker did not start: its script did not load \(expected at http:\/\/127\.0\.0\.1:\d+\/datacloak-pool-worker\.js unless a bundler renamed it\)$/);
      }
    });
    test('esbuild: the recipe (`datacloak-assets DIR`, `--threads` for datacloak/threads) copies what the pages load', () => {
      assert.ok(filesOf(fixture.builds.esbuild.single).includes('datacloak-worker.js'));
      assert.ok(filesOf(fixture.builds.esbuild.single).includes('datacloak_bg.wasm'));
      assert.ok(!filesOf(fixture.builds.esbuild.single).includes('datacloak_threads_bg.wasm'));
      for (const f of ['datacloak-threads-worker.js', 'datacloak-pool-worker.js', 'datacloak_threads_bg.wasm']) {
        assert.ok(filesOf(fixture.builds.esbuild.threads).includes(f), f);
      }
    });
  }

  for (const page of PAGES) {
    for (const isolated of [false, true]) {
      const name = `${bundler}, ${page === 'single' ? "'datacloak'" : "'datacloak/threads'"}, ${isolated ? 'cross-origin isolated' : 'plain'} page`;
      test(`${name}: right labels on the page's thread and in the worker, threads ${page === 'threads' && isolated ? 'on' : 'off'}`, async () => {
        const r = await visit(browser, fixture.builds[bundler][page], page, isolated);
        const { result } = r;
        const seen = `\nconsole:\n${r.console.join('\n')}\nrequests: ${r.requests.map((q) => q.path).join(' ')}`;
        assert.equal(result.isolated, isolated);
        assert.deepEqual(result.main, { ok: expected }, `classify${seen}`);
        assert.deepEqual(result.worker, { ok: expected }, `classifyInWorker${seen}`);
        const threads = page === 'threads' && isolated;
        assert.equal(result.info.ok?.threads, threads, `infoInWorker().threads${seen}`);
        assert.equal(result.info.ok?.simd, true);
        // Nothing fell back or complained, except that a threads page that is not isolated says
        // so once per worker.
        const complaints = r.console.filter((l) => /^(error|warning|pageerror)/.test(l));
        if (page === 'threads' && !isolated) {
          assert.equal(complaints.length, 2, seen);
          for (const c of complaints) assert.match(c, /^warning: datacloak: threads unavailable, using one thread: the page is not cross-origin isolated/);
        } else {
          assert.deepEqual(complaints, [], seen);
        }
        // Two calls in workers (classifyInWorker, infoInWorker), each with a pool of one worker per
        // core when threaded (so classifyInWorker did start its pool); the pool's workers get the
        // module by message and never fetch it.
        const workers = 2 * (1 + (threads ? r.cores : 0));
        if (page === 'single') {
          // The single page also tries an input no worker can be sent; its worker may be seen before it is ended.
          assert.equal(result.refused?.code, 'INVALID_OPTION', JSON.stringify(result.refused));
          assert.match(result.refused.error, /^classifyInWorker: the input or options cannot be sent to a Web Worker/);
          assert.ok([workers, workers + 1].includes(r.workers.length), `${r.workers.length} workers (expected ${workers})${seen}`);
        } else {
          assert.equal(r.workers.length, workers, `${r.workers.length} workers (expected ${workers})${seen}`);
        }
        const wasmFetches = r.requests.filter((q) => q.path.endsWith('.wasm'));
        assert.ok(wasmFetches.length >= 1 && wasmFetches.length <= 3, `${wasmFetches.length} .wasm fetches${seen}`);
        assert.ok(r.requests.length <= 30, `${r.requests.length} requests${seen}`);
      });
    }
  }
}
