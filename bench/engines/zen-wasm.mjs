// @gorules/zen-engine-wasm with the whole rule as ONE ZEN expression: one wasm call per
// evaluation, the input object converted into the wasm heap and the verdict back.
// The best case for this package (it evaluates expressions only, no decision graphs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCH } from '../lib/common.mjs';

const WASM = join(BENCH, 'node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm');

export default {
  name: 'GoRules ZEN wasm (expression VM)',
  packages: ['@gorules/zen-engine-wasm'],
  async load() {
    const zen = await import('@gorules/zen-engine-wasm');
    await zen.default({ module_or_path: await readFile(WASM) });
    const { expression } = await import('../rules/zen-expression.mjs');
    const evaluateExpression = zen.evaluateExpression;
    return (c) => evaluateExpression(expression, c);
  },
  async sizes() {
    const { expression } = await import('../rules/zen-expression.mjs');
    return [
      { label: 'zen_engine_wasm_bg.wasm', path: WASM },
      { label: 'wasm-bindgen glue (esbuild, minified)', bundle: `export { default, evaluateExpression } from '@gorules/zen-engine-wasm';` },
      { label: 'rule (expression text)', text: expression },
    ];
  },
};
