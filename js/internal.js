// `datacloak/internal`: not part of the API. Hooks for the package's own tests and benchmarks,
// kept out of the public entry points: the SIMD kernel against its scalar twin, and a wasm trap on
// purpose (to check that a trapped instance is replaced). Import 'datacloak' first.
import { internalHooks } from './core.js';

export const classCounts = (bytes, simd) => internalHooks().classCounts(bytes, simd);
export const trap = () => internalHooks().trap();
export const generation = () => internalHooks().generation();
