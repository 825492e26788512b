// A long-lived Worker survives a trapped wasm instance: in the real Workers runtime (workerd via
// wrangler), a test Worker (tests/node/trap-worker) traps the package's instance on purpose; the
// request gets a coded INTERNAL error, and the next request is classified by a new instance with
// the same report as before the trap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES, startWorker } from './helpers.mjs';

let server;

before(async () => {
  server = await startWorker([
    'node_modules/.bin/wrangler', 'dev', '--config', 'tests/node/trap-worker/wrangler.toml', '--local', '--ip', '127.0.0.1',
  ]);
});

after(() => server?.stop());

test('after a trap the Worker answers with a new instance and the same report', async () => {
  const csv = readFileSync(path.join(SAMPLES, 'customers.csv'));
  const classify = () => fetch(`${server.base}/classify`, { method: 'POST', body: csv });
  const first = await classify();
  assert.equal(first.status, 200, server.log());
  const report = await first.text();
  const generation = Number(first.headers.get('x-datacloak-generation'));

  const trapped = await fetch(`${server.base}/trap`, { method: 'POST' });
  assert.equal(trapped.status, 500);
  const error = await trapped.json();
  assert.equal(error.code, 'INTERNAL', JSON.stringify(error));

  for (let i = 0; i < 2; i++) {
    const again = await classify();
    assert.equal(again.status, 200, server.log());
    assert.equal(Number(again.headers.get('x-datacloak-generation')), generation + 1, 'one new instance');
    assert.equal(await again.text(), report);
  }
});
