#!/usr/bin/env node
// `datacloak` for Node, on the wasm build: the same `classify` command, options, output and exit
// codes as the native CLI (src/bin/datacloak.rs), so either can be swapped for the other.
import { read } from 'node:fs';
import v8 from 'node:v8';
import { open as openFile, readFile } from 'node:fs/promises';
import { classifyText, forTerminal, init } from './node.js';

const USAGE = `datacloak — what each column of a CSV holds, computed on this machine (wasm build)

USAGE:
  datacloak classify FILE.csv|- [options]   print the JSON report (or a table)

OPTIONS:
  --format json|table     output of classify (default json)
  --sample N              values sampled per column (default 1000, max 100000)
  --delimiter C           field delimiter (default: sniffed among , ; TAB |); 'tab' for TAB
  --header | --no-header  first row is / is not a header (default: detected)
  --model PATH            use this ONNX model instead of the built-in one
  --max-cell-bytes N      longest accepted cell (default 1048576)
  --max-columns N         most accepted columns (default 10000)
  --max-bytes N           most accepted input bytes (default: no limit)
  --max-sample-bytes N    bytes all columns' samples may hold together (default 67108864)

EXIT CODES: 0 ok, 1 the input cannot be classified, 2 usage error, 3 model error, 4 read error`;

class Usage extends Error {}

const NUMBER_FLAGS = {
  '--sample': 'sampleSize',
  '--max-cell-bytes': 'maxCellBytes',
  '--max-columns': 'maxColumns',
  '--max-bytes': 'maxBytes',
  '--max-sample-bytes': 'maxSampleBytes',
};

function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { help: true };
  if (command === '-V' || command === '--version') return { version: true };
  if (command === undefined) throw new Usage('missing command');
  if (command !== 'classify') throw new Usage(`unknown command '${command}' (the wasm CLI has classify)`);
  const a = { format: 'json', files: [], options: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const next = () => rest[++i];
    if (arg in NUMBER_FLAGS) {
      const v = next();
      if (v === undefined || !/^\d+$/.test(v) || BigInt(v) > 2n ** 64n - 1n) throw new Usage(`${arg} needs a whole number`);
      // Past 2^53 a JS number is not exact: such limits mean "no practical limit", and the core
      // clamps every limit to what the platform holds, as the native CLI does.
      a.options[NUMBER_FLAGS[arg]] = Math.min(Number(v), Number.MAX_SAFE_INTEGER);
    } else if (arg === '--format') a.format = next() ?? '';
    else if (arg === '--delimiter') a.options.delimiter = next() ?? '';
    else if (arg === '--header') a.options.hasHeader = true;
    else if (arg === '--no-header') a.options.hasHeader = false;
    else if (arg === '--model') {
      a.model = next();
      if (a.model === undefined) throw new Usage('--model needs a path');
    } else if (arg === '-h' || arg === '--help') return { help: true };
    else if (arg.startsWith('--')) throw new Usage(`unknown option '${arg.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}'`);
    else a.files.push(arg);
  }
  if (a.format !== 'json' && a.format !== 'table') throw new Usage('--format is json or table');
  if (a.files.length === 0) throw new Usage('name a CSV file (or - for standard input)');
  if (a.files.length > 1) throw new Usage('classify takes one file');
  return a;
}

/** Exit code for a library error, as the native CLI maps them. */
function exitFor(e) {
  switch (e?.code) {
    case 'MODEL':
    case 'MODEL_MISMATCH':
      return 3;
    case 'IO':
      return 4;
    case 'INVALID_OPTION':
      return 2;
    default:
      return typeof e?.code === 'string' ? 1 : 4;
  }
}

const CHUNK = 1 << 20;

/**
 * The file's bytes, read into one reused buffer: a read stream makes a new 1 MiB buffer per chunk,
 * and that garbage alone added ~30 MB to the peak memory of a 1 GB run. The consumer copies each
 * chunk into wasm memory before it asks for the next one.
 */
async function* chunksOf(readInto) {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = await readInto(buffer);
    if (n === 0) return;
    yield buffer.subarray(0, n);
  }
}

/** Reads standard input without `process.stdin`, which would switch the pipe to non-blocking. */
function readStdin(buffer) {
  return new Promise((resolve, reject) => {
    const attempt = () =>
      read(0, buffer, 0, buffer.length, null, (e, n) => {
        if (e?.code === 'EAGAIN') setTimeout(attempt, 5);
        else if (e?.code === 'EOF') resolve(0);
        else if (e) reject(Object.assign(new Error(`-: cannot read: ${e.message}`), { code: 'IO' }));
        else resolve(n);
      });
    attempt();
  });
}

/** Opens the file first so a missing file is a read error (exit 4) before any work starts. */
async function open(path) {
  if (path === '-') return { input: chunksOf(readStdin), close: async () => {} };
  let fh;
  try {
    fh = await openFile(path, 'r');
  } catch (e) {
    throw Object.assign(new Error(`${path}: cannot open: ${e.message}`), { code: 'IO' });
  }
  const readInto = async (buffer) => {
    try {
      return (await fh.read(buffer, 0, buffer.length, null)).bytesRead;
    } catch (e) {
      throw Object.assign(new Error(`${path}: cannot read: ${e.message}`), { code: 'IO' });
    }
  };
  return { input: chunksOf(readInto), close: () => fh.close() };
}

/**
 * V8's WebAssembly compiler settings for this process (the CLI owns it; the library never changes
 * them). With V8's defaults the optimising compiler recompiles every function that loops a while,
 * including run-once model loading in tract, on as many threads as there are cores, each compile
 * holding up to 20 MB of compiler memory: a third of the CLI's peak memory. A larger tier-up budget
 * keeps run-once code on the baseline compiler, and one compile task at a time bounds the
 * compiler's memory by the largest hot function. BENCHMARKS.md ("Node CLI") has the figures: peak
 * RSS on 1 GiB falls by about a quarter; the speed stays within this machine's noise. Flags given
 * to `node` by hand win.
 */
function tuneCompiler() {
  if (process.execArgv.some((f) => /^--(no-)?(wasm|liftoff)/.test(f))) return;
  v8.setFlagsFromString('--wasm-tiering-budget=100000000');
  v8.setFlagsFromString('--wasm-num-compilation-tasks=1');
}

async function main(argv) {
  let a;
  try {
    a = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    process.stderr.write(`datacloak: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (a.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (a.version) {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`datacloak ${pkg.version}\n`);
    return 0;
  }
  try {
    tuneCompiler();
    await init();
    const path = a.files[0];
    let model;
    if (a.model !== undefined) {
      try {
        model = new Uint8Array(await readFile(a.model));
      } catch (e) {
        throw Object.assign(new Error(`${a.model}: cannot read model: ${e.message}`), { code: 'IO' });
      }
    }
    const file = await open(path);
    let text;
    try {
      text = await classifyText(file.input, { ...a.options, source: path, model }, a.format);
    } finally {
      await file.close();
    }
    process.stdout.write(`${text}\n`);
    return 0;
  } catch (e) {
    // Messages name columns and files from the input: escaped as the native CLI escapes them.
    let message = String(e?.message ?? e);
    try {
      message = forTerminal(message);
    } catch {
      message = message.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, '?');
    }
    process.stderr.write(`datacloak: ${message}\n`);
    return exitFor(e);
  }
}

process.exitCode = await main(process.argv.slice(2));
