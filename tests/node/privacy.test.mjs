// What the wasm module and the JS layer can reach, checked on the built package: the core gets
// nothing from the host but error objects and random bytes (no clock, network, files), and the
// package's own JS never opens a connection. The glue may fetch the .wasm itself, and only when
// `init()` is not handed the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

/** Host functions the core may import, without wasm-bindgen's hash suffix. */
const ALLOWED = new Set([
  '__wbg_new', // js_sys::Error::new, for thrown errors
  '__wbg_set_name', // Error.name
  '__wbg_set', // Reflect.set: code, row, column on errors
  '__wbg_getRandomValues', // tract's hash-map seeds (getrandom); outputs do not depend on it
  '__wbg___wbindgen_throw',
  '__wbindgen_init_externref_table',
  '__wbindgen_generic',
]);

/** The threaded build adds wasm-bindgen-rayon's pool start (its module, memory and script URL) and
 *  getrandom's copy out of shared memory (typed-array helpers, global-object look-up). */
const ALLOWED_THREADS = new Set([
  ...ALLOWED,
  '__wbg_startWorkers',
  '__wbg___wbindgen_module',
  '__wbg___wbindgen_memory',
  '__wbg_static_accessor_URL',
  '__wbg___wbindgen_is_undefined',
  '__wbg_static_accessor_GLOBAL',
  '__wbg_static_accessor_GLOBAL_THIS',
  '__wbg_static_accessor_WINDOW',
  '__wbg_static_accessor_SELF',
  '__wbg_instanceof_Window',
  '__wbg_new_with_length',
  '__wbg_subarray',
  '__wbg_length',
  '__wbg_prototypesetcall',
]);

const WASM_FILES = { wasm: 'datacloak_bg.wasm', onnx: 'datacloak_onnx_bg.wasm', threads: 'datacloak_threads_bg.wasm' };
for (const build of Object.keys(WASM_FILES)) {
  test(`the ${build} module imports only the allowed host functions (errors, random bytes; threads: the pool)`, (t) => {
    const file = path.join(ROOT, 'pkg', build, WASM_FILES[build]);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      if (build === 'threads') return t.skip('threaded build not built');
      throw new Error(`${file} is missing`);
    }
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
    assert.ok(imports.length > 3);
    for (const { module, name, kind } of imports) {
      if (kind === 'memory') continue;
      const bare = name.replace(/_[0-9a-f]{16}$/, '');
      const allowed = build === 'threads' ? ALLOWED_THREADS : ALLOWED;
      assert.ok(allowed.has(bare), `${module}:${name} is not an allowed host import`);
    }
  });
}

test("the package's JS opens no connection; only the glue's own init fetches, for the .wasm", () => {
  // Every hand-written file of the package (js/, copied to pkg/).
  const own = readdirSync(path.join(ROOT, 'js')).filter((f) => f.endsWith('.js'));
  assert.ok(own.includes('browser.js') && own.includes('datacloak-pool-worker.js'));
  for (const f of own) {
    const src = readFileSync(path.join(ROOT, 'pkg', f), 'utf8');
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'http.request', "from 'node:http", "from 'node:net"]) {
      assert.ok(!src.includes(api), `${f} uses ${api}`);
    }
  }
  for (const file of ['pkg/wasm/datacloak.js', 'pkg/onnx/datacloak_onnx.js']) {
    const glue = readFileSync(path.join(ROOT, file), 'utf8');
    const fetches = glue.split('\n').filter((l) => /\bfetch\(/.test(l));
    assert.equal(fetches.length, 1, `${file}: ${fetches.join('\n')}`);
    assert.match(glue, /module_or_path = fetch\(module_or_path\)/);
  }
});
