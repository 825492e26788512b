// Where the Node process's memory goes when the package classifies a large CSV: RSS split into
// file-backed pages (Node's own executable and libraries) and private memory, the JS heap, array
// buffers and the wasm memory, read from /proc/self/status at three points. Run with the V8 flags
// under test, as bench-wasm.sh does:
//   node [flags] tests/benches/wasm/node-memory.mjs FILE.csv
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { classify, info, init } from '../../../pkg/node.js';

const KIB = /^(VmHWM|VmRSS|RssAnon|RssFile):\s+(\d+) kB$/;
function point(stage) {
  const status = {};
  for (const line of readFileSync('/proc/self/status', 'utf8').split('\n')) {
    const m = KIB.exec(line);
    if (m) status[m[1]] = Number(m[2]) * 1024;
  }
  const u = process.memoryUsage();
  return {
    stage,
    peak_rss: status.VmHWM,
    rss: status.VmRSS,
    rss_file: status.RssFile,
    rss_anon: status.RssAnon,
    js_heap: u.heapTotal,
    array_buffers: u.arrayBuffers,
    wasm_memory: stage === 'start' ? 0 : info().memoryBytes,
  };
}

const file = process.argv[2];
const points = [];
points.push({ ...point('start'), wasm_memory: 0 });
await init();
points.push(point('ready'));
const fh = await open(file, 'r');
// One reused buffer, as the CLI reads.
async function* chunks() {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}
await classify(chunks());
await fh.close();
points.push(point('classified'));
process.stdout.write(`${JSON.stringify({ flags: process.execArgv.join(' '), file_bytes: statSync(file).size, points })}\n`);
