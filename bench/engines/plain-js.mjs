// The rule as a hand-written JavaScript function: no engine, near the JS floor.
export default {
  name: 'hand-written JS',
  packages: [],
  async load() {
    const { evaluate } = await import('../rules/plain.mjs');
    return evaluate;
  },
  sizes: () => [{ label: 'rule function (esbuild, minified)', bundle: `export { evaluate } from './rules/plain.mjs';` }],
};
