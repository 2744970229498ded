// estimator-lite, the single-estimate page's module (the engine built without
// the screening entry points), answers every scenario vector, the questions
// and the catalog byte for byte as the whole module does, and a screening
// call on it is a clear API error, never a trap.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEstimator } from '../../wasm/js/node.mjs';
import { estimator, requireBuild, scenarios } from './lib/env.mjs';

requireBuild();
const TODAY = { today: '2026-11-22' };

test('estimator-lite answers as the whole module on every scenario vector, in Chinese and English', async () => {
  const [full, lite] = await Promise.all([estimator(), loadEstimator({ module: 'estimator-lite' })]);
  const all = scenarios();
  assert.ok(all.length > 400, `only ${all.length} vectors`);
  for (const s of all) {
    for (const lang of ['zh', 'en']) {
      const options = { ...TODAY, lang };
      assert.equal(await lite.estimateText(s.request, options), await full.estimateText(s.request, options), `${s.file} ${s.name} (${lang})`);
      assert.equal(await lite.questionsText(s.request, options), await full.questionsText(s.request, options), `${s.file} ${s.name} questions (${lang})`);
    }
  }
  assert.equal(await lite.catalogText(), await full.catalogText());
});

test('screening on estimator-lite is the not_in_module error, and the module serves on', async () => {
  const lite = await loadEstimator({ module: 'estimator-lite' });
  const request = scenarios()[0].request;
  const before = await lite.estimateText(request, TODAY);
  for (const call of [() => lite.screen(JSON.stringify(request)), () => lite.screenCsv('unit_type\nenterprise\n', { region: '140000' }),
                      () => lite.openSession({ region: '140000' })]) {
    await assert.rejects(call(), (e) => e.name === 'EstimatorError' && e.code === 'not_in_module' && /estimator\.js/.test(e.message));
  }
  assert.equal(await lite.estimateText(request, TODAY), before, 'the same answer after the refused calls');
});
