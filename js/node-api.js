// The Node API over one build's glue (js/node.js: the default build; js/node-onnx.js: the build
// with the ONNX reader): reads the .wasm next to the package (no network) unless given a module or
// bytes. Node and Workers have no Web Workers: the `*InWorker` calls run on this thread.
import { randomFillSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createApi, sameThread } from './core.js';

export function nodeApi(glue, wasmUrl) {
  const api = createApi(async ({ module, wasm } = {}) => {
    const source = module ?? wasm ?? (await readFile(wasmUrl));
    const exports = glue.initSync({ module: source });
    return { glue, exports };
  }, { randomBytes: (n) => randomFillSync(new Uint8Array(n)) });
  return { ...api, ...sameThread(api) };
}
