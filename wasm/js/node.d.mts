// Types of the Node loader (node.mjs).
import type { CreateOptions, Estimator } from './estimator-api.js';

export { createEstimator, EstimatorError } from './estimator-api.js';

/** build/wasm/wasm/ of this checkout, or $UIE_WASM_DIR. */
export function wasmDir(): string;

/** Loads `${module}.js` + `${module}.wasm` from `dir` and starts the module. */
export function loadEstimator(options?: {
  dir?: string;
  /** 'estimator' (default, the whole engine) or 'estimator-lite' (no screening entry points). */
  module?: 'estimator' | 'estimator-lite';
  log?: CreateOptions['log'];
  onRestart?: CreateOptions['onRestart'];
}): Promise<Estimator>;
