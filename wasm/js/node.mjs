// Node loader for the estimator: reads estimator.js + estimator.wasm from the
// wasm build and returns the facade of estimator-api.js. Used by the Node CLI
// (wasm/estimate.mjs), the tests and scripts/size-report.mjs.
//
// The build directory is build/wasm/wasm/ of this checkout, or $UIE_WASM_DIR.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The facade with its batch methods (estimator-batch.js extends estimator-api.js).
const api = require('./estimator-batch.js');

export const { createEstimator, EstimatorError, BatchSession, Reform } = api;

/** Where the built glue and wasm are looked for. */
export function wasmDir() {
  return process.env.UIE_WASM_DIR
    ? resolve(process.env.UIE_WASM_DIR)
    : fileURLToPath(new URL('../../build/wasm/wasm/', import.meta.url));
}

/**
 * Loads the module from `dir` (default wasmDir()). The wasm bytes are handed
 * over directly: the 3.1.6 glue would otherwise fetch() a file path, which
 * fails under Node 20. `module`: 'estimator' (the whole engine) or
 * 'estimator-lite' (the single-estimate page's: no screening entry points).
 */
export async function loadEstimator({ dir = wasmDir(), module = 'estimator', log, onRestart } = {}) {
  const factory = require(join(dir, `${module}.js`));
  const wasmBinary = readFileSync(join(dir, `${module}.wasm`));
  return createEstimator({ factory, wasmBinary, log, onRestart });
}
