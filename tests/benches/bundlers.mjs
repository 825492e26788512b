// What a page built by each bundler downloads (BENCHMARKS.md, "In a bundler"): the fixture of
// tests/bundlers/ built from the `npm pack` tarball, each page visited once in Chromium (the threads
// page cross-origin isolated), and the bytes the server sent, raw and as gzip -9 would send them.
// Also what each build deploys (its output folder). Run by pkg-scripts/bench-bundlers.sh.
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../browser/helpers.mjs';
import { buildFixtures, BUNDLERS, filesOf, PAGES, visit } from '../bundlers/fixture.mjs';

const kib = (n) => `${Math.round(n / 1024).toLocaleString('en')} KiB`;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

const fixture = buildFixtures();
const browser = await launchChromium();
const rows = [];
try {
  for (const bundler of BUNDLERS) {
    for (const page of PAGES) {
      const dir = fixture.builds[bundler][page];
      const isolated = page === 'threads';
      const r = await visit(browser, dir, page, isolated);
      // Each distinct file once: a browser with the file cached does not pay for it again.
      const served = [...new Set(r.requests.filter((q) => q.file && !q.path.endsWith('.csv')).map((q) => q.file))];
      const deployed = filesOf(dir).map((f) => path.join(dir, f));
      const sum = (files, f) => files.reduce((n, file) => n + f(file), 0);
      rows.push({
        bundler,
        page: page === 'single' ? "'datacloak'" : "'datacloak/threads', isolated",
        threads: r.result.info.ok?.threads,
        requests: r.requests.length,
        downloadRaw: sum(served, (f) => statSync(f).size),
        downloadGzip: sum(served, gz),
        deployRaw: sum(deployed, (f) => statSync(f).size),
        wasmFiles: deployed.filter((f) => f.endsWith('.wasm')).length,
      });
    }
  }
} finally {
  await browser.close();
  rmSync(fixture.work, { recursive: true, force: true });
}

console.log('| bundler | page | threads used | requests | downloaded (distinct files) | gzip -9 | deployed (output folder) | .wasm files deployed |');
console.log('|---|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.bundler} | ${r.page} | ${r.threads} | ${r.requests} | ${kib(r.downloadRaw)} | ${kib(r.downloadGzip)} | ${kib(r.deployRaw)} | ${r.wasmFiles} |`);
}
