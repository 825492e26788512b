// The demo page's static server (Node, no dependencies): `npm run demo -- --port N`.
//
//   /           www/                 the page
//   /pkg/       pkg/                 the npm package (wasm + JS API)
//   /samples/   tests/data/samples/  the bundled sample tables
//   /rules/     tests/data/rules/    the rules example (staff.csv, org.rules.json)
//
// Listens on 127.0.0.1 only. Every response is cross-origin isolated (COOP + COEP, so the threaded
// build may use shared memory) and carries a strict CSP: the page may load code and data from this
// origin only, so even a bug in it could not send a CSV anywhere else.
//
// --log-requests prints one JSON line per request (method, url, body bytes) for the browser tests.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Longest prefix first: '/' catches what the others do not.
const MOUNTS = [
  ['/pkg/', path.join(ROOT, 'pkg')],
  ['/samples/', path.join(ROOT, 'tests/data/samples')],
  // The rules example: a table of an organisation's own identifiers and the rules that know them.
  ['/rules/', path.join(ROOT, 'tests/data/rules')],
  ['/', path.join(ROOT, 'www')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  // 'self' is enough for the threaded build too: build-wasm.sh makes wasm-bindgen-rayon start its
  // pool workers from its script's own URL instead of blob: URLs.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Revalidate every time (cheap on localhost, answered with 304): an edited page or a rebuilt
  // package shows at the next reload. The service worker keeps the offline copy.
  'Cache-Control': 'no-cache',
};

function parseArgs(argv) {
  const args = { port: 8080, logRequests: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') args.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) args.port = Number(a.slice(7));
    else if (a === '--log-requests') args.logRequests = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node pkg-scripts/demo-server.mjs [--port N] [--log-requests]');
      process.exit(0);
    } else {
      console.error(`demo-server: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    console.error('demo-server: --port needs a number 0-65535');
    process.exit(2);
  }
  return args;
}

/** The file a URL path names, or null when it names nothing we serve (or tries to escape a root). */
async function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const [prefix, root] = MOUNTS.find(([p]) => decoded.startsWith(p)) ?? [];
  if (!root) return null;
  // Resolved against the root, then checked to be inside it: '..' segments (also percent-encoded
  // ones, decoded above) cannot climb out.
  let file = path.resolve(root, `.${path.sep}${decoded.slice(prefix.length)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // A symlink inside a root must not lead outside it either.
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return { file, info };
  } catch {
    return null;
  }
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  const found = await resolveFile(pathname);
  if (!found) {
    send(res, 404, 'not found\n');
    return;
  }
  const { file, info } = found;
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    delete headers['Content-Length'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

const args = parseArgs(process.argv.slice(2));
const server = createServer((req, res) => {
  if (args.logRequests) {
    // Counts the body's bytes too: the tests assert the page never sends any.
    let bodyBytes = 0;
    req.on('data', (d) => (bodyBytes += d.length));
    req.on('end', () => console.log(JSON.stringify({ method: req.method, url: req.url, bodyBytes })));
  }
  handle(req, res).catch((e) => {
    console.error('demo-server:', e);
    if (!res.headersSent) send(res, 500, 'internal error\n');
    else res.destroy();
  });
});
server.listen(args.port, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`DataCloak demo: http://127.0.0.1:${port}/  (Ctrl-C stops it)`);
});
// Nothing to flush: stop at once, open keep-alive connections included.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
