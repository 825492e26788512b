#!/usr/bin/env node
// `datacloak-assets DIR [--threads] [--onnx]`: copies what the browser entries fetch at run time beside a
// bundle made by a bundler that leaves `new URL('./x', import.meta.url)` as it is (esbuild, Bun,
// or none): the .wasm and self-contained worker scripts (pkg/standalone/, made by build-wasm.sh).
// Vite, webpack and Parcel rewrite those URLs and emit the files themselves; they need nothing.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = path.dirname(fileURLToPath(import.meta.url));

/** What `datacloak` fetches beside the bundle, and what `datacloak/threads` and `datacloak/onnx` add. */
const FILES = {
  single: ['wasm/datacloak_bg.wasm', 'standalone/datacloak-worker.js'],
  threads: ['threads/datacloak_threads_bg.wasm', 'standalone/datacloak-threads-worker.js', 'standalone/datacloak-pool-worker.js'],
  onnx: ['onnx/datacloak_onnx_bg.wasm', 'standalone/datacloak-onnx-worker.js'],
};

const USAGE = `datacloak-assets — copies the files DataCloak loads at run time beside your bundle

USAGE:
  datacloak-assets DIR [--threads] [--onnx]

  DIR        the bundle's output folder (made if missing)
  --threads  also the threaded build's files, for pages importing 'datacloak/threads'
  --onnx     also the ONNX build's files, for pages importing 'datacloak/onnx' (custom models)

EXIT CODES: 0 ok, 2 usage error, 4 read or write error`;

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const extras = ['threads', 'onnx'].filter((name) => argv.includes(`--${name}`));
  const rest = argv.filter((a) => !extras.some((name) => a === `--${name}`));
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown || rest.length !== 1) {
    const why = unknown ? `unknown option ${unknown}` : rest.length ? 'one output folder, please' : 'name the output folder';
    process.stderr.write(`datacloak-assets: ${why}\n\n${USAGE}\n`);
    return 2;
  }
  const dir = rest[0];
  const files = [...FILES.single, ...extras.flatMap((name) => FILES[name])];
  try {
    await mkdir(dir, { recursive: true });
    for (const file of files) {
      const from = path.join(PKG, file);
      await stat(from).catch(() => {
        const hint = FILES.threads.includes(file) ? ' (was the package built with --threads?)' : '';
        throw new Error(`${from}: missing from the package${hint}`);
      });
      await copyFile(from, path.join(dir, path.basename(file)));
    }
  } catch (e) {
    process.stderr.write(`datacloak-assets: ${dir}: ${e.message}\n`);
    return 4;
  }
  process.stdout.write(`datacloak-assets: copied ${files.map((f) => path.basename(f)).join(', ')} to ${dir}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
