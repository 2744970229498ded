// json-rules-engine: JSON conditions over facts; each failed condition fires an event.
// Engine.run() is always async, so every evaluation is awaited.
export default {
  name: 'json-rules-engine',
  packages: ['json-rules-engine'],
  async load() {
    const { Engine } = await import('json-rules-engine');
    const { rules, layoffRate, baseFen } = await import('../rules/json-rules-engine.mjs');
    const engine = new Engine(rules, { replaceFactsInEventParams: true });
    engine.addFact('layoff_rate', layoffRate);
    engine.addFact('base_fen', baseFen);
    return async (c) => {
      const { events } = await engine.run(c);
      const fails = [];
      let pct = 0;
      let base = 0;
      for (const e of events) {
        if (e.type === 'failed') fails.push(e.params);
        else if (e.type === 'refund_pct') ({ pct, base_fen: base } = e.params);
      }
      fails.sort((a, b) => a.order - b.order);
      const failed = fails.map((p) => p.code);
      const eligible = failed.length === 0;
      let refund_fen = 0;
      if (eligible) {
        const n = base * pct + 50; // json-rules-engine has no arithmetic: the refund is computed here
        refund_fen = (n - (n % 100)) / 100;
      }
      return { eligible, refund_fen, failed };
    };
  },
  sizes: () => [
    {
      label: 'engine + rules + computed facts (esbuild, minified)',
      bundle: `export { Engine } from 'json-rules-engine'; export * from './rules/json-rules-engine.mjs';`,
    },
  ],
};
