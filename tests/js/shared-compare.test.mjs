// The comparison's shared view (web/shared/uie-compare.js) on real engine
// comparisons (the wasm build): a column per year and variant, the current
// one marked, conditions lined up by id, one sentence per difference with
// the citation of the year it names, the facts a year still needs asked
// by their labels; the same in English.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { estimator } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const C = require('../../web/shared/uie-compare.js');

const SHANXI = { region: '140000', date: '2025-08-01', program: 'stabilization_refund' };
const FACTS = { unit_type: 'enterprise', insured_headcount: 80, layoffs: 4, contribution_months: 24, contributions_paid: '56789.12' };

async function compared(request, lang = 'zh') {
  const e = await estimator();
  const [cmp, q] = await Promise.all([e.compare(request, { lang }), e.questions(request, { lang })]);
  assert.equal(cmp.ok, true);
  return { cmp, view: C.compareView(cmp, { lang, questions: q.questions }) };
}

test('a Shanxi enterprise: a column per year and variant, the current marked, amounts as the answers give them', async () => {
  const { cmp, view } = await compared({ ...SHANXI, facts: FACTS });
  assert.deepEqual(view.columns.map((c) => c.head), ['2021年', '2024年', '2025年', '按中小微企业', '按大型企业', '相关企业提高比例（须当地执行）']);
  assert.deepEqual(view.columns.map((c) => c.current), [false, false, true, false, false, false]);
  assert.equal(view.columns[3].amount, '34,073.47 元');
  assert.match(view.columns[2].amount, /34,073\.47 元/);
  assert.match(view.columns[2].amount, /17,036\.74 元/);
  assert.equal(view.columns[5].variant.if_adopted, true);
  // Conditions are lined up by id: 2021's national rules have no 缴费月数 condition of 12 months as 2025's.
  const months = view.conditions.find((r) => r.id === 'contribution_months');
  assert.ok(months, 'the contribution months condition is a row');
  assert.equal(months.cells.length, cmp.columns.length);
  // The sizes in one sentence, the uplift in another with the clause that allows it.
  const texts = view.differences.map((d) => d.text);
  assert.ok(texts.some((t) => t.includes('没有填写企业规模') && t.includes('34,073.47') && t.includes('17,036.74')), texts.join('\n'));
  const uplift = view.differences.find((d) => d.text.includes('国办发〔2025〕25号'));
  assert.ok(uplift && /统筹地区决定/.test(uplift.text) && uplift.text.includes('51,110.21'));
  assert.equal(uplift.cite.doc_no, '国办发〔2025〕25号');
  assert.equal(view.same, null);
});

test('each year against the one before: a condition that changed is one sentence, with the later year\'s citation', async () => {
  // 40 layoffs of 100: 40% is over every year's limit, but 2021's limit differs from 2024's.
  const { view } = await compared({ ...SHANXI, facts: { ...FACTS, size: 'sme', insured_headcount: 100, layoffs: 40 } });
  const layoff = view.differences.filter((d) => /裁员/.test(d.text));
  assert.ok(layoff.length > 0, view.differences.map((d) => d.text).join('\n'));
  for (const d of layoff) {
    assert.match(d.text, /^\d{4}年：.+；\d{4}年：/, d.text);
    assert.ok(d.cite && d.cite.doc_no, 'the sentence names its clause');
  }
  assert.ok(view.columns.every((c) => c.verdict.state === 'no'), 'over the limit in every year');
});

test('the facts a year still needs are named by their labels', async () => {
  const { view } = await compared({ ...SHANXI, facts: { unit_type: 'enterprise' } });
  const missing = view.columns.find((c) => c.missing.length);
  assert.ok(missing);
  assert.ok(missing.missing.every((m) => m.label && m.label !== m.fact), JSON.stringify(missing.missing));
  assert.ok(view.columns.every((c) => c.verdict.state === 'unknown'));
});

test('English: the same view in English words', async () => {
  const { view } = await compared({ ...SHANXI, facts: FACTS }, 'en');
  assert.deepEqual(view.columns.map((c) => c.head).slice(0, 5), ['2021', '2024', '2025', 'As an SME', 'As a large enterprise']);
  assert.match(view.columns[3].amount, /34,073\.47/);
  assert.ok(view.differences.some((d) => /Enterprise size not given/.test(d.text)));
});

test('a column whose answer is an error shows its message and no amount', () => {
  const cmp = {
    ok: true, current: 0, columns: [
      { policy: 'x', as_of: '2025-01-01', variant: null, answer: { ok: false, error: { code: 'inconsistent_facts', message: '裁员人数不能多于参保人数' } } },
    ],
  };
  const view = C.compareView(cmp, { lang: 'zh' });
  assert.equal(view.columns[0].error, '裁员人数不能多于参保人数');
  assert.equal(view.columns[0].amount, '—');
  assert.deepEqual(view.differences, []);
  assert.ok(view.same);
});
