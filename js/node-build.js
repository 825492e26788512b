// The build Node runs (js/node.js, js/cli.js): single-threaded, with the ONNX reader, so that
// custom models work in Node and the CLI as natively. Size does not matter there; browsers and
// Workers get the smaller default build.
export * as glue from './onnx/datacloak_onnx.js';
export const WASM_URL = new URL('./onnx/datacloak_onnx_bg.wasm', import.meta.url);
