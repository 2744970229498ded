// json-logic-engine, compiled: LogicEngine.build(rule) generates a JS function once
// (new Function), then each evaluation is a plain call. Its fastest mode.
export default {
  name: 'json-logic-engine (compiled)',
  packages: ['json-logic-engine'],
  async load() {
    const { LogicEngine } = await import('json-logic-engine');
    const { rule } = await import('../rules/jsonlogic.mjs');
    const f = new LogicEngine().build(rule);
    return (c) => {
      const [failed, refund_fen] = f(c);
      return { eligible: failed.length === 0, refund_fen, failed };
    };
  },
  async sizes() {
    const { rule } = await import('../rules/jsonlogic.mjs');
    return [
      { label: 'engine (esbuild, minified)', bundle: `export { LogicEngine } from 'json-logic-engine';` },
      { label: 'rule (JSON)', text: JSON.stringify(rule) },
    ];
  },
};
