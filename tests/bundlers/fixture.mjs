// The bundler fixture, shared by the test (bundlers.test.mjs) and the benchmark
// (tests/benches/bundlers.mjs): the `npm pack` tarball installed into a fresh copy of app/, built
// by Vite, webpack and esbuild (the versions pinned in the repository's lockfile) with no
// configuration beyond entry and output folder, a static server, and a visit in Chromium.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, SAMPLES } from '../browser/helpers.mjs';

export const BUNDLERS = ['vite', 'webpack', 'esbuild'];
/** `single` imports `datacloak`, `threads` imports `datacloak/threads` (app/*.js). */
export const PAGES = ['single', 'threads'];
export const CUSTOMERS = path.join(SAMPLES, 'customers.csv');
const BIN = path.join(ROOT, 'node_modules/.bin');

/** Runs a command; throws with its output when it fails. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Every file under `dir`, as relative paths. */
export const filesOf = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(path.join(dir, f)).isFile());

/**
 * Packs the package, installs it into a fresh app and builds each page with each bundler; esbuild's
 * output then gets the documented recipe (`datacloak-assets`), and `bare` holds a copy from before.
 * Resolves to `{work, app, builds: {[bundler]: {[page]: output folder}}, bare: {[page]: esbuild's
 * output without the recipe}, logs: {[bundler]: {[page]: what it printed}}}`.
 */
export function buildFixtures() {
  const work = mkdtempSync(path.join(tmpdir(), 'datacloak-bundlers-'));
  const pack = sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  const [{ filename }] = JSON.parse(pack.stdout);
  const app = path.join(work, 'app');
  cpSync(path.join(ROOT, 'tests/bundlers/app'), app, { recursive: true });
  sh('npm', ['install', '--no-audit', '--no-fund', '--offline', path.join(work, filename)], { cwd: app });
  const builds = Object.fromEntries(BUNDLERS.map((b) => [b, {}]));
  const logs = Object.fromEntries(BUNDLERS.map((b) => [b, {}]));
  const bare = {};
  const log = (bundler, page, r) => (logs[bundler][page] = `${r.stdout}${r.stderr}`);
  for (const page of PAGES) {
    const env = { ...process.env, PAGE: page };
    const out = (bundler) => (builds[bundler][page] = path.join(app, `dist-${bundler}-${page}`));
    // Vite and webpack rewrite `new URL(..., import.meta.url)`: nothing to configure.
    log('vite', page, sh(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: app, env }));
    out('vite');
    log('webpack', page, sh(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js')], { cwd: app, env }));
    cpSync(path.join(app, `${page}.html`), path.join(out('webpack'), `${page}.html`));
    // esbuild leaves them as they are: the recipe is one more command.
    const dist = out('esbuild');
    log('esbuild', page, sh(path.join(BIN, 'esbuild'), [`${page}.js`, '--bundle', '--format=esm', `--outdir=${dist}`, '--log-level=warning'], { cwd: app }));
    cpSync(path.join(app, `${page}.html`), path.join(dist, `${page}.html`));
    bare[page] = `${dist}-bare`;
    cpSync(dist, bare[page], { recursive: true });
    applyRecipe(app, dist, page);
  }
  return { work, app, builds, bare, logs };
}

/** The README's esbuild recipe: `npx datacloak-assets DIR` (`--threads` for `datacloak/threads`). */
export function applyRecipe(app, dist, page) {
  sh(path.join(app, 'node_modules/.bin/datacloak-assets'), page === 'threads' ? [dist, '--threads'] : [dist], { cwd: app });
}

/**
 * Serves `dir` (and the sample CSV as /customers.csv) on 127.0.0.1, cross-origin isolated or not.
 * `requests` logs each request's path and the bytes sent for it.
 */
export async function serve(dir, isolated) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.csv': 'text/csv' };
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = url.pathname === '/customers.csv' ? CUSTOMERS : path.join(dir, path.normalize(decodeURIComponent(url.pathname)));
    let body = null;
    try {
      if (file === CUSTOMERS || file.startsWith(dir + path.sep)) body = readFileSync(file);
    } catch {
      // not there: 404
    }
    requests.push({ path: url.pathname, file: body ? file : null, bytes: body?.length ?? 0 });
    const headers = isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
    if (!body) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Opens `page` of a build in a fresh context and waits for what app/run.js records. Resolves to
 * `{result, workers, console, requests, cores}`: the workers' URLs, every console line of the page
 * and its workers (`type: text`), and the server's request log.
 */
export async function visit(browser, dir, page, isolated) {
  const server = await serve(dir, isolated);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const lines = [];
  const workers = [];
  // The page's console events include those of its workers.
  tab.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  tab.on('worker', (w) => workers.push(w.url()));
  tab.on('pageerror', (e) => lines.push(`pageerror: ${e}`));
  try {
    await tab.goto(`${server.base}/${page}.html`);
    await tab.waitForFunction(() => window.datacloakResult, null, { timeout: 120_000 });
    const result = await tab.evaluate(() => window.datacloakResult);
    const cores = await tab.evaluate(() => navigator.hardwareConcurrency);
    return { result, workers, console: lines, requests: server.requests, cores };
  } finally {
    await context.close();
    await server.close();
  }
}
