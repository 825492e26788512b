#!/usr/bin/env node
// `datacloak` for Node, on the wasm build: the same `classify` and `cloak` commands, options,
// output and exit codes as the native CLI (src/bin/datacloak.rs), so either can be swapped for the other.
import { read } from 'node:fs';
import v8 from 'node:v8';
import { open as openFile, readFile, rename, rm } from 'node:fs/promises';
import * as builtIn from './node.js';
// The wasm face's CLI exports (usable once `init()` has instantiated the module).
import * as wasmGlue from './wasm/datacloak.js';

const glue = () => wasmGlue;

/**
 * The command line, parsed by the core's flag table (`src/cli.rs`), the one the native CLI uses:
 * both CLIs accept and refuse the same arguments, and print the same OPTIONS, by construction.
 */
function parseArgs(argv) {
  try {
    return JSON.parse(glue().parseCli(JSON.stringify(argv)));
  } catch (e) {
    if (e?.code === 'USAGE') throw new Usage(e.message);
    throw e;
  }
}

class Usage extends Error {}

/** Exit code for a library error: the core's mapping (`cli::exit_code`), which the native CLI uses. */
function exitFor(e) {
  if (typeof e?.code !== 'string') return 4;
  try {
    return glue().exitCode(e.code);
  } catch {
    // The module failed to load: nothing was read or written.
    return 4;
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

/** Reads a file named on the command line, or fails with code `IO` (exit 4) naming it. */
async function readNamed(path, what, encoding) {
  try {
    return await readFile(path, encoding);
  } catch (e) {
    throw Object.assign(new Error(`${path}: cannot read ${what}: ${e.message}`), { code: 'IO' });
  }
}

/** Writes every chunk of `stream` with `write`, waiting for each (back-pressure). */
async function drain(stream, write) {
  for await (const chunk of stream) await write(chunk);
}

/**
 * `cloak`, as the native CLI does it: a file is read twice (classified, then rewritten); standard
 * input once (the library classifies its first bytes). The output goes to a `.partial` file renamed
 * at the end, so a failed run leaves no half file; what was done is printed as JSON.
 */
async function runCloak(api, a, model) {
  const { classifyText, cloak, forTerminal } = api;
  const path = a.files[0];
  const classifyOptions = { ...a.options, source: path, model };
  const options = { ...classifyOptions, safeFormulas: a.safeFormulas };
  if (a.policy !== null) {
    options.policy = await readNamed(a.policy, 'policy', 'utf8');
    options.policySource = a.policy;
  }
  if (a.keyFile !== null) options.key = new Uint8Array(await readNamed(a.keyFile, 'key file'));
  if (a.report !== null) options.report = await readNamed(a.report, 'report', 'utf8');
  else if (path !== '-') {
    const first = await open(path);
    try {
      options.report = await classifyText(first.input, classifyOptions);
    } finally {
      await first.close();
    }
  }
  const file = await open(path);
  const target = a.output;
  try {
    const result = await cloak(file.input, options);
    if (target === '-') {
      await drain(result.stream, (chunk) => new Promise((resolve, reject) => {
        process.stdout.write(chunk, (e) => (e ? reject(Object.assign(e, { code: 'IO' })) : resolve()));
      }));
    } else {
      const partial = `${target}.partial`;
      let out;
      try {
        out = await openFile(partial, 'w');
      } catch (e) {
        throw Object.assign(new Error(`${partial}: cannot create: ${e.message}`), { code: 'IO' });
      }
      try {
        await drain(result.stream, (chunk) => out.write(chunk));
        await out.close();
        out = null;
        await rename(partial, target);
      } catch (e) {
        await out?.close().catch(() => {});
        await rm(partial, { force: true });
        throw e;
      }
    }
    const summary = await result.done;
    for (const w of summary.warnings) process.stderr.write(`datacloak: warning: ${forTerminal(w)}\n`);
    if (target !== '-') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await file.close();
  }
}

async function main(argv) {
  tuneCompiler();
  try {
    await builtIn.init();
  } catch (e) {
    // Our own message (no input has been read yet): nothing to escape.
    process.stderr.write(`datacloak: ${e?.message ?? e}\n`);
    return exitFor(e);
  }
  const USAGE = glue().cliUsage();
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
    const path = a.files[0];
    let model;
    // The default build runs only the built-in model; a custom one needs the ONNX build, loaded
    // only then (it is a quarter bigger and slower to start).
    let api = builtIn;
    if (a.model !== null && a.model !== undefined) {
      try {
        model = new Uint8Array(await readFile(a.model));
      } catch (e) {
        throw Object.assign(new Error(`${a.model}: cannot read model: ${e.message}`), { code: 'IO' });
      }
      api = await import('./node-onnx.js');
      await api.init();
    }
    // Options whose value is a file (`--rules`): the text and the path, as the native CLI sets them.
    for (const f of a.optionFiles) {
      a.options[f.option] = await readNamed(f.path, f.option, 'utf8');
      a.options[f.sourceOption] = f.path;
    }
    if (a.command === 'cloak') {
      await runCloak(api, a, model);
      return 0;
    }
    const file = await open(path);
    let text;
    try {
      text = await api.classifyText(file.input, { ...a.options, source: path, model }, a.format);
    } finally {
      await file.close();
    }
    process.stdout.write(`${text}\n`);
    return 0;
  } catch (e) {
    // Messages name columns and files from the input: escaped as the native CLI escapes them (the
    // module is loaded: `init()` ran before the arguments were parsed).
    process.stderr.write(`datacloak: ${builtIn.forTerminal(String(e?.message ?? e))}\n`);
    return exitFor(e);
  }
}

process.exitCode = await main(process.argv.slice(2));
