// Shared by the Node test files: where things are, and how to run the two CLIs.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'tests/data/samples');
export const NATIVE = path.join(ROOT, 'target/release/datacloak');
export const NODE_CLI = path.join(ROOT, 'pkg/cli.js');
/** Made-up people with unique sensitive values, a formula and a multi-line quoted note. */
export const CANARY = path.join(ROOT, 'tests/data/cloak/canary.csv');

export const sampleFiles = () =>
  readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => path.join('tests/data/samples', f));

/** Runs a command in the repository root; returns {status, stdout, stderr}. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

export const labelOf = (report, name) => report.columns.find((c) => c.name === name)?.label;

/** Records of a CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes; `,` only). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * What must not survive the cloak of each canary data row: the name, and every 6-character piece
 * of the e-mail's local part, the phone, the card, the SSN and the IBAN (except pieces every phone
 * of the table shares, like "+1 415").
 */
export function canaryPieces(rows) {
  return rows.map((row) => {
    const pieces = [row[0]];
    for (const value of [row[1].split('@')[0], row[2], row[3], row[4], row[5]]) {
      const chars = [...value];
      for (let i = 0; i + 6 <= chars.length; i++) {
        const p = chars.slice(i, i + 6).join('');
        if (!rows.every((r) => r[2].includes(p))) pieces.push(p);
      }
    }
    return pieces;
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts a Worker in the local Workers runtime (workerd via wrangler) on a free port:
 * `command` is `npm` arguments up to the port (`['run', 'worker', '--']`) or a wrangler command
 * line; `extra` follows the port. Resolves once it answers HTTP: `{base, log(), stop()}`.
 */
export async function startWorker(command, extra = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const [cmd, ...args] = command[0] === 'run' ? ['npm', ...command] : command;
  // Its own process group: npm, wrangler and workerd are stopped together.
  const child = spawn(cmd, [...args, '--port', String(port), ...extra], { cwd: ROOT, detached: true });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const server = {
    base,
    log: () => log,
    stop: () => {
      if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
  // wrangler builds the bundle and starts workerd; wait until it answers (or dies).
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${log}`);
    try {
      await fetch(`${base}/`);
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  server.stop();
  throw new Error(`worker did not start in 120 s:\n${log}`);
}
