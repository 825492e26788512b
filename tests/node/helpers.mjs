// Shared by the Node test files: where things are, and how to run the two CLIs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'tests/data/samples');
export const NATIVE = path.join(ROOT, 'target/release/datacloak');
export const NODE_CLI = path.join(ROOT, 'pkg/cli.js');

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
