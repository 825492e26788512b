// The demo page (www/) in real headless Chromium, served by pkg-scripts/demo-server.mjs, against
// the native CLI: same labels, same report, no request leaving the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  NATIVE, ROOT, SAMPLES, cellsOf, launchChromium, nativeReport, recordProblems, recordRequests, resultsOf,
  sampleNames, startServer, withoutSource,
} from './helpers.mjs';
import { CANARY, canaryPieces, parseCsv } from '../node/helpers.mjs';

const CUSTOMERS = path.join(SAMPLES, 'customers.csv');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

let server;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'pkg/browser.js')), 'pkg/ is missing: bash pkg-scripts/build-wasm.sh --threads');
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh context (own cache, own service worker) with one page on the demo. */
async function openDemo(query = '', contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(`${server.base}/${query}`);
  return { context, page, requests, problems };
}

/** Clicks "Download report (JSON)" and returns the downloaded report, parsed. */
async function downloadReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: download.suggestedFilename(), report: JSON.parse(readFileSync(await download.path(), 'utf8')) };
}

const labelsOf = (report) => report.columns.map((c) => ({ column: c.name, label: c.label }));

test('customers.csv through the file input: every label and the JSON download equal the native CLI', async () => {
  const { context, page, problems } = await openDemo();
  await page.setInputFiles('#file', CUSTOMERS);
  const rows = await resultsOf(page, 'customers.csv');
  const native = nativeReport('tests/data/samples/customers.csv');

  const byName = Object.fromEntries(rows.map((r) => [r.column, r.label]));
  assert.equal(byName.email, 'email');
  assert.equal(byName.phone, 'phone_number');
  assert.equal(byName.date_of_birth, 'date_of_birth');
  assert.equal(byName.card_number, 'credit_card_number');
  assert.deepEqual(rows, labelsOf(native));
  assert.equal(await page.textContent('#summary'), native.table.summary.text);

  const { name, report } = await downloadReport(page);
  assert.equal(name, 'customers.datacloak.json');
  assert.equal(report.table.source, 'customers.csv');
  assert.deepEqual(withoutSource(report), withoutSource(native));

  // The graph has a circle per column and a line per edge of the report.
  assert.equal(await page.locator('#graph .node').count(), native.columns.length);
  assert.equal(await page.locator('#graph .edge').count(), native.table.edges.length);
  // Sample values are masked: no e-mail or card number of the file is on the page.
  const shown = await page.textContent('#columns');
  for (const cell of cellsOf(CUSTOMERS).filter((c) => /@|^\d{4} \d{4}/.test(c))) {
    assert.ok(!shown.includes(cell), `unmasked value on the page: ${cell}`);
  }
  assert.match(shown, /e•••@example\.(org|net|com)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('safe copy: pickers start from the plan; the download is the native cloak with those actions and key; no canary value is in it', async () => {
  const { context, page, problems } = await openDemo();
  await page.setInputFiles('#file', CANARY);
  await resultsOf(page, 'canary.csv');
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-safe-'));
  const keyFile = path.join(dir, 'key');
  const KEY = 'a demo key of 24 bytes..';
  writeFileSync(keyFile, KEY);
  const nativeCloak = (extra) => {
    const r = spawnSync(NATIVE, ['cloak', CANARY, '-o', path.join(dir, 'native.csv'), '--key-file', keyFile, '--safe-formulas', ...extra], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    return { summary: JSON.parse(r.stdout), csv: readFileSync(path.join(dir, 'native.csv'), 'utf8') };
  };
  const picked = () => page.$$eval('#columns select.action', (s) => s.map((x) => [x.dataset.column, x.value]));
  // Preset from the default plan, as the native CLI chooses it.
  const defaults = nativeCloak([]).summary.columns.map((c) => [c.name, c.action]);
  assert.deepEqual(await picked(), defaults);
  // generalise is offered only where it fits.
  const offered = await page.$$eval('select.action[data-column="customer_name"] option', (o) => o.map((x) => x.value));
  assert.ok(!offered.includes('generalise') && offered.includes('fake'), offered.join());
  await page.selectOption('select.action[data-column="email"]', 'mask');
  await page.selectOption('select.action[data-column="phone"]', 'fake');
  await page.fill('#cloak-key', KEY);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cloak-download')]);
  assert.equal(download.suggestedFilename(), 'canary.cloaked.csv');
  const got = readFileSync(await download.path(), 'utf8');
  const policy = path.join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ columns: Object.fromEntries(await picked()) }));
  assert.equal(got, nativeCloak(['--policy', policy]).csv);
  for (const own of canaryPieces(parseCsv(readFileSync(CANARY, 'utf8')).slice(1))) {
    for (const p of own) assert.ok(!got.includes(p), `'${p}' is in the download`);
  }
  assert.ok(got.includes("'=HYPERLINK("), 'the formula is neutralised in the download');
  await page.waitForFunction(() => /Safe copy: 40 rows/.test(document.getElementById('cloak-status').textContent));
  assert.deepEqual(problems, []);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('every bundled sample, clicked: the page shows exactly the native labels', async () => {
  const { context, page, problems } = await openDemo();
  for (const name of sampleNames()) {
    await page.click(`button.sample[data-sample="${name}"]`);
    const rows = await resultsOf(page, name);
    assert.deepEqual(rows, labelsOf(nativeReport(`tests/data/samples/${name}`)), name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('no request leaves the origin, and none carries the CSV (page, workers, service worker)', async () => {
  // A name and content the server does not have (the samples are cached by the service worker).
  const dir = mkdtempSync(path.join(tmpdir(), 'datacloak-private-'));
  const secret = path.join(dir, 'private-clients.csv');
  writeFileSync(secret, readFileSync(CUSTOMERS, 'utf8').replaceAll('@example.', '@secret-mail.'));
  const { context, page, requests } = await openDemo();
  const logged = server.requests.length;
  // The service worker is installed, so its requests are part of the record too.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.setInputFiles('#file', secret);
  await resultsOf(page, 'private-clients.csv');
  await downloadReport(page);
  await page.close();
  await context.close();

  // The record really covers workers and the service worker: the wasm is fetched by the
  // classification worker, the precache by the service worker.
  assert.ok(requests.some((r) => /\/pkg\/(wasm\/datacloak|threads\/datacloak_threads)_bg\.wasm$/.test(r.url)), 'wasm request not seen');
  assert.ok(requests.some((r) => r.fromServiceWorker), 'no service worker request seen');

  const cells = cellsOf(secret).filter((c) => c.length >= 4);
  for (const r of requests) {
    assert.equal(new URL(r.url).origin, server.origin, `request outside the origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(r.body, null, `request with a body: ${r.url}`);
    const url = decodeURIComponent(r.url);
    for (const c of cells) assert.ok(!url.includes(c), `${r.url} carries "${c}"`);
    assert.ok(!/private|secret-mail/.test(url), `the file's name or content went out: ${r.url}`);
  }
  // What the server received agrees: only GETs of its own files, no bodies.
  const got = server.requests.slice(logged);
  assert.ok(got.length > 5);
  for (const r of got) {
    assert.ok(r.method === 'GET' || r.method === 'HEAD', `${r.method} ${r.url}`);
    assert.equal(r.bodyBytes, 0, r.url);
    assert.match(r.url, /^\/(|\?.*|(app|csv|graph|mask|sw)\.js|style\.css|favicon\.svg|pkg\/.+|samples\/[a-z]+\.csv|rules\/(staff\.csv|org\.rules\.json))$/, r.url);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('the page is cross-origin isolated; the threaded build gives the single-threaded report', async (t) => {
  const threaded = await openDemo();
  assert.equal(await threaded.page.evaluate(() => crossOriginIsolated), true);
  assert.equal(await threaded.page.evaluate(() => typeof SharedArrayBuffer), 'function');
  if (!existsSync(path.join(ROOT, 'pkg/threads/datacloak_threads.js'))) {
    t.skip('pkg/threads/ missing: no threaded build to compare');
    await threaded.context.close();
    return;
  }
  await threaded.page.setInputFiles('#file', CUSTOMERS);
  await resultsOf(threaded.page, 'customers.csv');
  const many = (await downloadReport(threaded.page)).report;
  // The worker loaded the threaded module, not the fallback.
  assert.ok(threaded.requests.some((r) => r.url.endsWith('/pkg/threads/datacloak_threads_bg.wasm')), 'threaded wasm not loaded');
  assert.deepEqual(threaded.problems, []);
  await threaded.context.close();

  const single = await openDemo('?threads=1');
  await single.page.setInputFiles('#file', CUSTOMERS);
  await resultsOf(single.page, 'customers.csv');
  const one = (await downloadReport(single.page)).report;
  assert.ok(!single.requests.some((r) => r.url.includes('/pkg/threads/')), '?threads=1 still loaded the threaded build');
  await single.context.close();
  assert.deepEqual(many, one);
});

test('keyboard: Tab reaches the file input and the samples; Enter on a sample classifies it', async () => {
  const { context, page } = await openDemo();
  const reached = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a.id || a.dataset.sample || a.tagName;
    });
    reached.push(focused);
    if (focused === 'weblog.csv') break;
  }
  assert.ok(reached.includes('file'), `file input not reached: ${reached}`);
  assert.ok(reached.includes('customers.csv'), `sample buttons not reached: ${reached}`);
  // The focused control is visibly marked.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Shift+Tab'); // back to customers.csv
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sample), 'customers.csv');
  await page.keyboard.press('Enter');
  const rows = await resultsOf(page, 'customers.csv');
  assert.equal(rows.find((r) => r.column === 'email').label, 'email');
  await context.close();
});

test('a CSV dropped on the page is classified', async () => {
  const { context, page } = await openDemo();
  const csv = readFileSync(path.join(SAMPLES, 'zahlungen.csv'), 'utf8');
  // What a drop from the file manager delivers: a DataTransfer holding a File.
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  assert.equal(await page.isVisible('#drop-overlay'), true);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  const rows = await resultsOf(page, 'dropped.csv');
  assert.deepEqual(rows, labelsOf(nativeReport('tests/data/samples/zahlungen.csv')));
  assert.equal(await page.isHidden('#drop-overlay'), true);
  await context.close();
});

test('rules: the staff sample brings its rules; rule-made labels are marked; a bad document names the rule', async () => {
  const { context, page, problems } = await openDemo();
  await page.click('button.sample[data-sample="staff.csv"]');
  const rows = await resultsOf(page, 'staff.csv');
  const native = spawnSync(
    NATIVE,
    ['classify', 'tests/data/rules/staff.csv', '--rules', 'tests/data/rules/org.rules.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const report = JSON.parse(native.stdout);
  assert.deepEqual(rows, labelsOf(report));
  assert.equal(await page.inputValue('#rules-text'), readFileSync(path.join(ROOT, 'tests/data/rules/org.rules.json'), 'utf8'));
  const marked = await page.$$eval('#columns tbody tr[data-source]', (trs) =>
    trs.map((tr) => [tr.dataset.column, tr.dataset.source, tr.querySelector('.rule-made').textContent]),
  );
  assert.deepEqual(
    marked,
    report.columns.filter((c) => c.source !== 'model').map((c) => [c.name, c.source, `by rule ${c.source.slice(5)}`]),
  );
  assert.ok(marked.length >= 3, JSON.stringify(marked));
  // A broken document: a coded error that names the rule, and no results.
  await page.fill('#rules-text', '{"rules": [{"label": "identifier", "value": {"validator": "luhnn"}}]}');
  await page.click('button.sample[data-sample="products.csv"]');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), 'RULES');
  assert.match(await page.textContent('#error-message'), /unknown validator "luhnn"/);
  assert.match(await page.textContent('#error-where'), /rule rules\[0\]\.value\.validator/);
  // Cleared, the model alone labels the next table.
  await page.click('#rules-clear');
  await page.click('button.sample[data-sample="products.csv"]');
  assert.deepEqual(await resultsOf(page, 'products.csv'), labelsOf(nativeReport('tests/data/samples/products.csv')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a PNG renamed .csv shows the DataCloakError code and message', async () => {
  const { context, page } = await openDemo();
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from('IHDR'),
    Buffer.alloc(200, 7),
  ]);
  await page.setInputFiles('#file', { name: 'holiday.csv', mimeType: 'text/csv', buffer: png });
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), 'BINARY_INPUT');
  assert.match(await page.textContent('#error-message'), /PNG/);
  assert.equal(await page.isHidden('#results'), true);
  assert.equal(await page.isHidden('#run'), true);
  // An error at one place says where.
  await page.setInputFiles('#file', { name: 'open.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,"open\n4,5\n') });
  await page.waitForFunction(() => document.getElementById('error-code').textContent === 'UNTERMINATED_QUOTE');
  assert.match(await page.textContent('#error-where'), /row 3, line 3, column “b”/);
  // Still usable: a good file afterwards clears the error.
  await page.click('button.sample[data-sample="products.csv"]');
  await resultsOf(page, 'products.csv');
  assert.equal(await page.isHidden('#error'), true);
  await context.close();
});

test('offline after the first visit: the service worker serves the page, the package and the samples', async () => {
  // A server of its own, stopped after the first visit: nothing can answer but the service worker.
  const own = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${own.base}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await own.stop();
  await page.reload();
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
  await page.click('button.sample[data-sample="weblog.csv"]');
  const rows = await resultsOf(page, 'weblog.csv');
  assert.equal(rows.find((r) => r.column === 'client_ip').label, 'ip_address');
  await context.close();
});

test('screenshots at desktop width and at 375 px; nothing wider than the phone screen', async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shots = [
    ['demo.png', { viewport: { width: 1280, height: 900 } }],
    ['demo-mobile.png', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }],
  ];
  for (const [file, options] of shots) {
    const { context, page, problems } = await openDemo('', options);
    await page.setInputFiles('#file', CUSTOMERS);
    await resultsOf(page, 'customers.csv');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${file}: the page is ${overflow}px wider than the viewport`);
    const tableOverflow = await page.$eval('.table-wrap', (w) => w.scrollWidth - w.clientWidth);
    assert.ok(tableOverflow <= 0, `${file}: the column table scrolls sideways by ${tableOverflow}px`);
    await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
