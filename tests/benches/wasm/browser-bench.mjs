// The wasm benchmarks in headless Chromium (Debian's chromium, driven by playwright-core):
//   node tests/benches/wasm/browser-bench.mjs [--runs N] [--ready-only]
// Serves the repository on 127.0.0.1 with the cross-origin isolation headers the threaded build
// needs, then runs the same harness as node-bench.mjs with 1 thread and with 2 threads.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('--runs', '7'));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const file = path.join(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(ROOT + path.sep)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/tests/benches/wasm/bench.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

async function visit(query) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}?${query}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 600_000 });
    const r = await page.evaluate(() => window.benchResult);
    if (r.error) throw new Error(r.error);
    return r;
  } finally {
    await page.close();
  }
}

const out = { chromium: browser.version() };
const ready = [];
for (let i = 0; i < Math.max(5, runs); i++) ready.push((await visit('threads=1&ready=1')).ready_ms);
ready.sort((a, b) => a - b);
out.ready = { median_ms: ready[ready.length >> 1], min_ms: ready[0], runs: ready.length };
// `--ready-only`: just that, e.g. to compare two builds of pkg/ side by side.
if (process.argv.includes('--ready-only')) {
  console.log(JSON.stringify(out, null, 2));
  await browser.close();
  server.close();
  process.exit(0);
}
const single = await visit(`threads=1&runs=${runs}`);
out.single = single.results;
out.single.build = single.info;
const threaded = await visit(`threads=2&runs=${runs}&ingestMB=10`);
out.threads_2 = threaded.results;
out.threads_2.build = threaded.info;
console.log(JSON.stringify(out, null, 2));
await browser.close();
server.close();
