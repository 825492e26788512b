// `datacloak/datacloak.wasm`: the single-threaded module itself, for platforms that import .wasm
// files as compiled modules (Cloudflare Workers and wrangler): pass it as `init({ module })`.
// Bundlers that give a URL instead have their own import for that (Vite: `datacloak/datacloak.wasm?url`).
declare const module: WebAssembly.Module;
export default module;
