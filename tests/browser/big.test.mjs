// A 200 MiB CSV through the demo page: it streams (the progress bar moves, memory stays far below
// the file's size, the page answers while it runs), and a Cancel stops it and leaves the page usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SAMPLES, launchChromium, recordProblems, resultsOf, startServer } from './helpers.mjs';

const TARGET_BYTES = 200 * 1024 * 1024;
const MiB = 1024 * 1024;

let server;
let browser;
let dir;
let big;
let bigRows;

/** customers.csv's rows repeated until the file holds TARGET_BYTES; returns the data row count. */
function generate(file) {
  const [header, ...rows] = readFileSync(path.join(SAMPLES, 'customers.csv'), 'utf8').trimEnd().split('\n');
  const block = Buffer.from(`${rows.join('\n')}\n`.repeat(Math.ceil((4 * MiB) / 9000)));
  const perBlock = rows.length * Math.ceil((4 * MiB) / 9000);
  const fd = openSync(file, 'w');
  let written = writeSync(fd, `${header}\n`);
  let count = 0;
  while (written < TARGET_BYTES) {
    written += writeSync(fd, block);
    count += perBlock;
  }
  closeSync(fd);
  return count;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'datacloak-big-'));
  big = path.join(dir, 'big-customers.csv');
  bigRows = generate(big);
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Resident memory (bytes) of the Chromium renderer processes started by this test process: the
 * page, its classification worker (and the threaded build's workers) all live in them, wasm
 * memory included.
 */
function rendererMemory() {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop();
    for (const child of children.get(pid) ?? []) {
      stack.push(child);
      try {
        if (!readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) continue;
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
        if (rss) total += Number(rss[1]) * 1024;
      } catch {
        // ended meanwhile
      }
    }
  }
  return total;
}

test('a 200 MiB CSV streams through: progress moves, memory stays bounded, results appear', { timeout: 600_000 }, async (t) => {
  assert.ok(statSync(big).size >= TARGET_BYTES);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordProblems(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const pageHeap = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;

  // ?nosw: the service worker's precache would add its own copy of the package to the figures.
  await page.goto(`${server.base}/?nosw`);
  await page.evaluate(() => document.fonts.ready);
  const baseline = rendererMemory();
  assert.ok(baseline > 0, 'no renderer process found');

  const started = Date.now();
  await page.setInputFiles('#file', big);
  const values = new Set();
  // Memory once the worker has started (wasm compiled and instantiated, model loaded) and the
  // first tenth of the file is through: from there on, streaming must not add to it.
  let startedMemory = 0;
  let peakMemory = 0;
  let peakHeap = 0;
  let slowestAnswer = 0;
  for (;;) {
    const asked = Date.now();
    // One round trip to the page per poll: it must answer quickly while the worker classifies.
    const state = await page.evaluate(() => ({
      value: document.getElementById('progress').value,
      max: document.getElementById('progress').max,
      done: !document.getElementById('results').hidden || !document.getElementById('error').hidden,
    }));
    slowestAnswer = Math.max(slowestAnswer, Date.now() - asked);
    const memory = rendererMemory();
    peakMemory = Math.max(peakMemory, memory);
    if (!startedMemory && state.value > state.max / 10) startedMemory = memory;
    peakHeap = Math.max(peakHeap, await pageHeap());
    if (state.done) break;
    if (state.value > 0 && state.value < state.max) values.add(state.value);
    assert.ok(Date.now() - started < 540_000, 'the 200 MiB file took over 9 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - started) / 1000;
  const rows = await resultsOf(page, 'big-customers.csv');
  t.diagnostic(
    `200 MiB in ${seconds.toFixed(1)} s (${(TARGET_BYTES / MiB / seconds).toFixed(1)} MiB/s); ` +
      `renderer memory ${(baseline / MiB).toFixed(0)} MiB before, ${(startedMemory / MiB).toFixed(0)} MiB ` +
      `at 10%, peak ${(peakMemory / MiB).toFixed(0)} MiB; ` +
      `page JS heap peak ${(peakHeap / MiB).toFixed(1)} MiB; ${values.size} progress values seen; ` +
      `slowest page answer ${slowestAnswer} ms`,
  );

  assert.ok(values.size >= 3, `progress bar values seen: ${[...values]}`);
  assert.equal(rows.find((r) => r.column === 'email').label, 'email');
  assert.match(await page.textContent('#facts'), new RegExp(`^${bigRows.toLocaleString('en')} rows`));
  // Streamed, not loaded: the page's heap and the renderer's growth stay far below 200 MiB.
  assert.ok(peakHeap < 100 * MiB, `page JS heap reached ${peakHeap} bytes`);
  assert.ok(startedMemory > 0, 'no memory sample between 10% and the end: poll faster');
  assert.ok(peakMemory - startedMemory < 40 * MiB, `streaming grew the renderer by ${(peakMemory - startedMemory) / MiB} MiB`);
  assert.ok(peakMemory - baseline < 150 * MiB, `the renderer grew by ${(peakMemory - baseline) / MiB} MiB in all`);
  assert.ok(slowestAnswer < 2000, `the page took ${slowestAnswer} ms to answer`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Cancel stops a big classification; the page says so and classifies the next file', { timeout: 300_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(`${server.base}/?nosw`);
  const worker = page.waitForEvent('worker');
  await page.setInputFiles('#file', big);
  const classifier = await worker;
  const closed = new Promise((resolve) => classifier.once('close', resolve));
  await page.waitForFunction(() => document.getElementById('progress').value > 0, null, { timeout: 120_000 });
  await page.click('#cancel');
  await page.waitForFunction(() => /Cancelled/.test(document.getElementById('status').textContent));
  assert.match(await page.textContent('#status'), /big-customers\.csv was not classified/);
  assert.equal(await page.isHidden('#run'), true);
  assert.equal(await page.isHidden('#results'), true);
  assert.equal(await page.isHidden('#error'), true);
  // The worker is gone (terminated), not left running in the background.
  await closed;

  await page.click('button.sample[data-sample="zahlungen.csv"]');
  const rows = await resultsOf(page, 'zahlungen.csv');
  assert.equal(rows.find((r) => r.column === 'IBAN').label, 'iban');
  assert.deepEqual(problems, []);
  await context.close();
});
