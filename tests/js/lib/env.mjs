// Paths and the shared estimator instance for the Node tests of the wasm build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadEstimator, wasmDir } from '../../../wasm/js/node.mjs';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const shared = join(repo, '..', 'shared');
export const nativeCli = join(repo, 'build', 'native', 'estimate');
export const wasmCli = join(repo, 'wasm', 'estimate.mjs');
export { wasmDir };

/** Fails with a clear message when the wasm preset has not been built. */
export function requireBuild() {
  const dir = wasmDir();
  for (const f of ['estimator.js', 'estimator.wasm']) {
    if (!existsSync(join(dir, f))) {
      throw new Error(`${join(dir, f)} is missing: build it first with  cmake --preset wasm && cmake --build --preset wasm`);
    }
  }
  return dir;
}

let shared_ = null;
/** One estimator per test process (the module is loaded once, as the page does). */
export function estimator() {
  requireBuild();
  shared_ ||= loadEstimator();
  return shared_;
}

/** Every scenario of tests/scenarios/*.json as { file, name, request, expect }. */
export function scenarios() {
  const dir = join(repo, 'tests', 'scenarios');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const all = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const s of doc.scenarios) all.push({ file, name: s.name, request: s.request, expect: s.expect });
  }
  return all;
}

/** The contract's worked examples, shared/spec/examples.jsonl. */
export function contractExamples() {
  const file = join(shared, 'spec', 'examples.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}
