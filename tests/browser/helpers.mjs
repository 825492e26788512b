// Shared by the browser tests: the demo server, headless Chromium (Debian's, kept off the network),
// the native CLI's reports, and what the page requested.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'tests/data/samples');
export const NATIVE = path.join(ROOT, 'target/release/datacloak');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Chromium without its own network traffic: no DNS for anything but 127.0.0.1. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Playwright makes a fresh temporary profile for every launch. */
export const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/**
 * Starts `pkg-scripts/demo-server.mjs --log-requests` on a free port. `requests` collects the
 * server's log: {method, url, bodyBytes} of every request it got.
 */
export async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ['pkg-scripts/demo-server.mjs', '--port', String(port), '--log-requests'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const requests = [];
  let output = '';
  let pending = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (line.startsWith('{')) requests.push(JSON.parse(line));
        else if (line.startsWith('DataCloak demo:')) resolve();
        else output += `${line}\n`;
      }
    });
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => reject(new Error(`demo server exited (${code}):\n${output}`)));
    // unref: a started server must not keep the test process waiting for this timer.
    setTimeout(() => reject(new Error(`demo server did not start in 10 s:\n${output}`)), 10_000).unref();
  });
  await ready;
  return {
    base: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    /** Resolves once the server has exited. */
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Records every request of the context's pages, their workers and the service worker. */
export function recordRequests(context) {
  const seen = [];
  context.on('request', (r) =>
    seen.push({
      url: r.url(),
      method: r.method(),
      body: r.postDataBuffer(),
      type: r.resourceType(),
      fromServiceWorker: Boolean(r.serviceWorker()),
    }),
  );
  return seen;
}

/** The report the native CLI prints for `file` (a path under the repository). */
export function nativeReport(file) {
  const r = spawnSync(NATIVE, ['classify', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`datacloak classify ${file} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The report with `table.source` set aside (the page's source is the file's name). */
export const withoutSource = (report) => {
  const { source, ...table } = report.table;
  return { ...report, table };
};

export const sampleNames = () => readdirSync(SAMPLES).filter((f) => f.endsWith('.csv')).sort();

/** Every distinct cell of a CSV sample (comma or semicolon separated, no quoting in the samples). */
export function cellsOf(file) {
  const text = readFileSync(file, 'utf8');
  const delimiter = text.split('\n')[0].includes(';') ? ';' : ',';
  return [...new Set(text.split(/\r?\n/).flatMap((l) => l.split(delimiter)).map((c) => c.trim()))];
}

/** Waits for the results of `name` (the page's title of the results) and returns the rows shown. */
export async function resultsOf(page, name, timeout = 60_000) {
  await page.waitForFunction(
    (n) => {
      const r = document.getElementById('results');
      const e = document.getElementById('error');
      if (!e.hidden) throw new Error(`the page shows an error: ${e.textContent.trim()}`);
      return !r.hidden && document.getElementById('results-title').textContent === n;
    },
    name,
    { timeout },
  );
  return page.$$eval('#columns tbody tr', (trs) =>
    trs.map((tr) => ({ column: tr.dataset.column, label: tr.dataset.label })),
  );
}

/** Console errors and page errors, to assert that nothing broke (e.g. a CSP violation). */
export function recordProblems(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}
