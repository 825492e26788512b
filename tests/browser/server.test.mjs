// pkg-scripts/demo-server.mjs over raw HTTP: the headers that make the page cross-origin isolated
// and locked down, MIME types, and no way out of its three roots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { ROOT, startServer } from './helpers.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

/** A raw request: the path goes out exactly as written ('..' and %2e are not normalised away). */
function get(rawPath, method = 'GET', body) {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.base);
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'; " +
  "style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function assertLockedDown(res, what) {
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp', what);
  assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', what);
  assert.equal(res.headers['content-security-policy'], CSP, what);
}

test('each root serves its files with the right type and the isolation and CSP headers', async () => {
  const cases = [
    ['/', 'text/html', 'www/index.html'],
    ['/app.js', 'text/javascript', 'www/app.js'],
    ['/sw.js', 'text/javascript', 'www/sw.js'],
    ['/style.css', 'text/css', 'www/style.css'],
    ['/favicon.svg', 'image/svg+xml', 'www/favicon.svg'],
    ['/samples/customers.csv', 'text/csv', 'tests/data/samples/customers.csv'],
  ];
  if (existsSync(path.join(ROOT, 'pkg/browser.js'))) {
    cases.push(['/pkg/browser.js', 'text/javascript', 'pkg/browser.js']);
    cases.push(['/pkg/wasm/datacloak_bg.wasm', 'application/wasm', 'pkg/wasm/datacloak_bg.wasm']);
  }
  for (const [url, type, file] of cases) {
    const res = await get(url);
    assert.equal(res.status, 200, url);
    assert.equal(res.headers['content-type'].split(';')[0], type, url);
    assert.ok(res.body.equals(readFileSync(path.join(ROOT, file))), url);
    assertLockedDown(res, url);
  }
  // A HEAD answers with the length and no body; an unchanged file revalidates to 304.
  const head = await get('/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(Number(head.headers['content-length']), readFileSync(path.join(ROOT, 'www/app.js')).length);
  assert.equal(head.body.length, 0);
  const etag = (await get('/app.js')).headers.etag;
  const again = await new Promise((resolve, reject) => {
    const { port } = new URL(server.base);
    request({ host: '127.0.0.1', port, path: '/app.js', headers: { 'If-None-Match': etag } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    })
      .on('error', reject)
      .end();
  });
  assert.equal(again.statusCode, 304);
  assertLockedDown(again, '304');
});

test('paths escaping the roots, unknown files and other methods are refused, with the same headers', async () => {
  const escapes = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/pkg/../../Cargo.toml',
    '/pkg/%2e%2e/%2e%2e/Cargo.toml',
    '/samples/..%2F..%2F..%2FREADME.md',
    '/samples/%2e%2e%2f%2e%2e%2fcli.rs',
    '/..%5c..%5cpackage.json',
    '/%00index.html',
    '/%E0%A4%A',
    '/nope.html',
    '/pkg/',
  ];
  for (const p of escapes) {
    const res = await get(p);
    assert.equal(res.status, 404, p);
    assert.ok(!res.body.toString().includes('"name"'), `${p} leaked a file`);
    assertLockedDown(res, p);
  }
  const post = await get('/samples/customers.csv', 'POST', 'a,b\n1,2\n');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  assertLockedDown(post, 'POST');
});
