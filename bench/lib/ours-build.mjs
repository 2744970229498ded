// Where this project's build is, and how the bench loads it: the Emscripten module
// directly (what Module.estimate / Module.screenCsv cost) or the public JS API.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, REPO } from './common.mjs';

export const WASM_DIR = join(BUILD, 'wasm/wasm');
export const SITE_DIR = join(BUILD, 'wasm/site');
export const NATIVE_CLI = join(BUILD, 'native/estimate');
const GLUE = join(WASM_DIR, 'estimator.js');
const WASM = join(WASM_DIR, 'estimator.wasm');
// The facade and its batch methods (estimator-batch.js extends estimator-api.js).
const FACADE = [join(REPO, 'wasm/js/estimator-api.js'), join(REPO, 'wasm/js/estimator-batch.js')];

export function wasmMissing() {
  return existsSync(WASM) && existsSync(GLUE) ? null : `no wasm build in ${WASM_DIR} (cmake --preset wasm && cmake --build --preset wasm)`;
}

// Embind stores each bound name as a string in the module: a cheap test for an export
// before anything is instantiated (the children check the real function as well).
export function wasmExportMissing(name) {
  return wasmMissing() ?? (readFileSync(WASM).includes(name) ? null : `Module.${name} not in this wasm build yet`);
}

export function facadeMethodMissing(name) {
  const found = FACADE.some((f) => existsSync(f) && readFileSync(f, 'utf8').includes(name));
  return wasmMissing() ?? (found ? null : `${name}() not in wasm/js/estimator-api.js or estimator-batch.js yet`);
}

const require = createRequire(import.meta.url);

// The Emscripten module, instantiated from bytes (the 3.1.6 glue cannot fetch a file path in Node).
export async function loadModule() {
  const factory = require(GLUE);
  return factory({ wasmBinary: readFileSync(WASM) });
}

// The JS API (wasm/js/node.mjs → estimator-api.js), as the page and the mini-program use it.
export async function loadApi() {
  const { loadEstimator } = await import(pathToFileURL(join(REPO, 'wasm/js/node.mjs')).href);
  return loadEstimator({ dir: WASM_DIR });
}
