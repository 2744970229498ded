// The shared front-end layer's views, on real engine answers (the wasm
// build): controls by type, requests, regions, the result (verdict first,
// then the reasons with their what-ifs and the questions to answer), the
// policy lines and choices, the answer summary, money text, share links.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { estimator } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const F = require('../../web/shared/uie-front.js');

const SHANXI = { region: '140000', date: '2024-07-15', program: 'stabilization_refund' };
const SME = { unit_type: 'enterprise', size: 'sme', insured_headcount: 80, layoffs: 4, contribution_months: 24, contributions_paid: '56789.12' };
const BINGTUAN = { region: '660000', date: '2024-04-20', program: 'skill_subsidy' };

async function asked(request) {
  const e = await estimator();
  const q = await e.questions({ ...request, facts: {} });
  assert.equal(q.ok, true);
  return q.questions;
}

test('each question type gets its control, from the engine\'s own questions', async () => {
  const shanxi = await asked(SHANXI);
  const kinds = Object.fromEntries(shanxi.map((q) => [q.fact, F.controlOf(q, shanxi).kind]));
  assert.equal(kinds.unit_type, 'radio');
  assert.equal(kinds.seriously_dishonest, 'yesno');
  assert.equal(kinds.insured_headcount, 'number');
  assert.equal(kinds.contribution_months, 'months');
  assert.equal(kinds.contributions_paid, 'money');
  assert.equal(F.controlOf(shanxi.find((q) => q.fact === 'insured_headcount')).keyboard, 'numeric');
  assert.equal(F.controlOf(shanxi.find((q) => q.fact === 'contributions_paid')).keyboard, 'text', '万 and 元 can be typed');
  const bt = await asked(BINGTUAN);
  const previous = bt.find((q) => q.fact === 'previous_levels_same_occupation');
  const c = F.controlOf(previous, bt);
  assert.equal(c.kind, 'checkbox', 'a list of levels is check boxes');
  assert.deepEqual(c.options.map((o) => o.value), [5, 4, 3, 2, 1], 'the level question\'s options');
  assert.deepEqual(c.options.map((o) => o.label), bt.find((q) => q.fact === 'level').options.map((o) => o.label));
  assert.equal(F.controlOf(bt.find((q) => q.fact === 'level'), bt).kind, 'radio');
  assert.equal(F.controlOf(previous, []).kind, 'text', 'without a level question: typed names');
  assert.equal(F.controlOf({ type: 'date' }).kind, 'date');
  assert.equal(F.controlOf({ type: 'integer', min: -1200, max: 1200, unit: '个月' }).negative, true);
});

test('typed answers sent through the engine give the same result as the numbers themselves', async () => {
  const e = await estimator();
  const questions = await asked(SHANXI);
  const typed = { unit_type: '企业', size: '中小微', insured_headcount: '八十人', layoffs: '4', contribution_months: '2年',
                  contributions_paid: '5.678912万' };
  const facts = {};
  for (const [fact, raw] of Object.entries(typed)) {
    const r = F.parseAnswer(questions.find((q) => q.fact === fact), raw, { questions });
    assert.equal(r.ok, true, `${fact}: ${r.message}`);
    facts[fact] = r.value;
  }
  assert.deepEqual(facts, SME);
  const res = await e.estimate(F.buildRequest({ ...SHANXI, facts }), F.engineOptions('zh'));
  assert.equal(res.amount_fen, 3407347);
});

test('requests, engine options, error pointers', () => {
  assert.deepEqual(F.buildRequest({ region: '140300', date: '2024-07-15', program: 'x', facts: { a: 1 }, policy: null }),
                   { region: '140300', date: '2024-07-15', program: 'x', facts: { a: 1 } });
  assert.equal(F.buildRequest({ region: '1', date: 'd', program: 'p', policy: 'sx-2024-28' }).policy, 'sx-2024-28');
  assert.deepEqual(F.buildRequest({ region: '1', date: 'd', program: 'p' }).facts, {});
  assert.deepEqual(F.engineOptions('en'), { lang: 'en' });
  assert.deepEqual(F.engineOptions('fr'), { lang: 'zh' });
  assert.equal(F.factOfPath('/facts/layoffs'), 'layoffs');
  assert.equal(F.factOfPath('/facts/previous_levels_same_occupation/1'), 'previous_levels_same_occupation');
  assert.equal(F.factOfPath('/facts/a~1b'), 'a/b');
  assert.equal(F.factOfPath('/region'), null);
});

test('regions: prefecture codes, the city list and its note, names in both languages', async () => {
  const e = await estimator();
  const catalog = await e.catalog();
  assert.deepEqual(F.regionOf(catalog, '371500'), { province: '370000', city: '371500' }, '聊城');
  assert.deepEqual(F.regionOf(catalog, '140300'), { province: '140000', city: '140300' }, '阳泉');
  assert.deepEqual(F.regionOf(catalog, '140000'), { province: '140000', city: '' });
  assert.deepEqual(F.regionOf(catalog, '140100'), { province: '140000', city: '' }, '太原 has no rules of its own: 山西');
  assert.deepEqual(F.regionOf(catalog, '000000'), { province: '000000', city: '' });
  for (const bad of ['', null, '14', 'abcdef', '990000']) assert.equal(F.regionOf(catalog, bad), null, String(bad));
  assert.equal(F.regionName(catalog, '371500', 'zh'), '山东省 聊城市');
  assert.equal(F.regionName(catalog, '371500', 'en'), 'Shandong Liaocheng');
  const shanxi = F.cityChoices(catalog, '140000', 'zh');
  assert.deepEqual(shanxi.cities, [{ code: '140300', name: '阳泉市' }]);
  assert.equal(shanxi.note, '未列出的城市请选全省。');
  for (const province of catalog.regions) {
    const c = F.cityChoices(catalog, province.code, 'en');
    assert.equal(c.cities.length, (province.children || []).length);
    assert.equal(c.note === null, c.cities.length === 0, `${province.code}: the note goes with every city list`);
  }
});

test('a failed condition leads the result, with its what-if right there and the question to change', async () => {
  const e = await estimator();
  const questions = await asked(SHANXI);
  const res = await e.estimate({ ...SHANXI, facts: { ...SME, size: 'large', insured_headcount: 500, layoffs: 30 } });
  const v = F.resultView(res, { questions, lang: 'zh' });
  assert.deepEqual(v.verdict, { state: 'no', mark: '✗', text: '不符合条件' });
  assert.equal(v.amount, null, 'no amount when not eligible');
  assert.equal(v.reasons.length, 1);
  const [reason] = v.reasons;
  assert.equal(reason.id, 'layoff_rate');
  assert.equal(reason.state, 'fail');
  assert.match(reason.text, /6\.00%/);
  assert.equal(reason.whatifs.length, 1);
  assert.match(reason.whatifs[0].text, /27 人/);
  assert.deepEqual(reason.facts, ['layoffs'], 'linked to the question it depends on');
  assert.deepEqual(v.whatif, [], 'every what-if sits under its reason');
  assert.ok(v.conditions.length >= 5 && v.conditions.some((c) => c.state === 'pass' && c.cite.doc_no), 'the full cited list');
  assert.equal(v.policy.docNo, '晋人社厅发〔2024〕28号');
  assert.equal(v.policy.validity, '执行期 2024-01-01 至 2024-12-31');
  assert.equal(v.policy.chain, '人社部发〔2024〕40号 → 晋人社厅发〔2024〕28号');
});

test('every undecided condition links to the questions it still needs', async () => {
  const e = await estimator();
  const questions = await asked(BINGTUAN);
  const res = await e.estimate({ ...BINGTUAN, facts: { worker_status: 'employed', insured_months: 18 } });
  const v = F.resultView(res, { questions, lang: 'zh' });
  assert.equal(v.verdict.state, 'unknown');
  const unknown = v.reasons.filter((r) => r.state === 'unknown');
  assert.ok(unknown.length >= 3);
  for (const r of unknown) {
    assert.ok(r.facts.length >= 1, `${r.id} (${r.text}) names a question`);
    for (const f of r.facts) assert.ok(questions.some((q) => q.fact === f));
  }
  assert.deepEqual(unknown.find((r) => r.id === 'same_level_claimed').facts, ['level'], '「证书等级」 is the level question');
  assert.deepEqual(unknown.find((r) => r.id === 'certificate').facts, ['certificate']);
  // Any "?" of any program, whatever was left out, names a question.
  for (const [request, facts] of [[SHANXI, { unit_type: 'enterprise' }], [{ region: '630000', date: '2021-07-15', program: 'unemployment_subsidy' }, {}],
                                  [{ region: '370000', date: '2024-07-15', program: 'unemployment_benefit' }, { involuntary: true }]]) {
    const qs = await asked(request);
    const view = F.resultView(await e.estimate({ ...request, facts }), { questions: qs, lang: 'zh' });
    for (const r of view.reasons.filter((x) => x.state === 'unknown')) assert.ok(r.facts.length, `${request.program} ${r.id}: ${r.text}`);
  }
});

test('amounts: yuan and 万 in Chinese, yuan only in English; candidates by size; extra figures', async () => {
  const e = await estimator();
  const questions = await asked(SHANXI);
  const sme = F.resultView(await e.estimate({ ...SHANXI, facts: SME }), { questions, lang: 'zh' });
  assert.deepEqual(sme.amount, { kind: 'fen', cap: false, yuan: '34,073.47 元', wan: '约 3.41 万元' });
  const en = F.resultView(await e.estimate({ ...SHANXI, facts: SME }), { questions, lang: 'en' });
  assert.deepEqual(en.amount, { kind: 'fen', cap: false, yuan: '34,073.47 yuan', wan: null }, 'never "×10,000 yuan (万元)"');
  assert.equal(en.verdict.text, 'Eligible');
  const { size, ...unsized } = SME;
  const both = F.resultView(await e.estimate({ ...SHANXI, facts: unsized }), { questions, lang: 'zh' });
  assert.equal(both.amount.kind, 'candidates');
  assert.deepEqual(both.amount.items.map((i) => [i.label, i.yuan]), [['大型企业', '17,036.74 元'], ['中小微企业', '34,073.47 元']]);
  const benefit = F.resultView(await e.estimate({ region: '370000', date: '2024-07-15', program: 'unemployment_benefit',
    facts: { contribution_months: 30, involuntary: true, months_to_retirement: 20 } }), { questions: [], lang: 'zh' });
  assert.equal(benefit.amount.kind, 'local', 'the monthly amount is set locally');
  assert.deepEqual(benefit.extra.map((x) => [x.key, x.text]),
                   [['max_months', '12 个月'], ['remaining_months', '12 个月'], ['extension_months', '8 个月'], ['total_months', '20 个月']]);
  assert.equal(F.resultView(await e.estimate({ region: '370000', date: '2024-07-15', program: 'unemployment_benefit',
    facts: { contribution_months: 30, involuntary: true } }), { lang: 'en' }).extra[0].text, '12 months');
  assert.deepEqual(F.moneyText(99999, 'zh'), { yuan: '999.99 元', wan: null }, 'no 万 below 1 万元');
  assert.deepEqual(F.moneyText(1000000, 'zh'), { yuan: '10,000.00 元', wan: '1.00 万元' });
  assert.deepEqual(F.wanText(3405000), { text: '3.41', exact: false }, '3.405 万 rounds half up');
  assert.equal(F.yuanText(123456789012), '1,234,567,890.12');
});

// 失业保险金 is paid monthly. 山西 pays 90% of its 一类 minimum wage (2150 元 from
// 2025-01-01: 1935 元) and grades no months of its own, so 60 months of
// contributions give 社会保险法 第四十六条's ceiling for 5 to 10 years, at most 18:
// 1935 × 18 = 34830. 广州 pays 90% of its minimum wage (2500 元: 2250 元), and
// 《广东省失业保险条例》 第十七条 gives 4 months for 4 full years and one more per
// further half-year: 6 for 60 months, 2250 × 6 = 13500.
const BENEFIT = { date: '2025-07-01', program: 'unemployment_benefit' };
const DISMISSED = { contribution_months: 60, separation_reason: 'dismissed' };

async function benefitView(region, facts, lang) {
  const e = await estimator();
  const request = { ...BENEFIT, region, facts };
  const res = await e.estimate(request, { lang });
  assert.equal(res.ok, true);
  return { res, v: F.resultView(res, { questions: await asked({ ...BENEFIT, region }), lang }) };
}

test('失业保险金: a monthly amount with its months and total, the months labelled as the national ceiling or the province\'s own', async () => {
  const yq = await benefitView('140300', DISMISSED, 'zh');   // 阳泉
  assert.equal(yq.res.minimum_wage_fen * 0.9, 193500, 'the engine read 2150 元 × 90%');
  assert.deepEqual(yq.v.amount, {
    kind: 'monthly', perMonth: { yuan: '1,935.00 元', wan: null }, months: 18,
    total: { yuan: '34,830.00 元', wan: '约 3.48 万元' }, cap: true, source: 'minimum_wage', decided: true,
  });
  assert.deepEqual(yq.v.extra.filter((x) => /months|_fen$/.test(x.key)).map((x) => [x.key, x.label, x.text]), [
    ['max_months', '最长可领（国家规定的上限）', '18 个月'], ['remaining_months', '还可领取', '18 个月'],
    ['extension_months', '延长领取（至退休）', '未计算：需要出生年月、退休类别'], ['total_months', '最多合计可领取', '18 个月'],
    ['total_fen', '最多合计金额', '34,830.00 元']], 'the standard itself is the headline, not repeated');
  assert.deepEqual(yq.v.extra.find((x) => x.key === 'extension_months').ask, ['birth_month', 'retirement_group'],
                   'the extension was not computed, not 0: the questions it needs are offered');
  const aged = await benefitView('140300', { ...DISMISSED, birth_month: '1966-03', retirement_group: 'male' }, 'zh');
  assert.equal(aged.v.extra.find((x) => x.key === 'extension_months').ask, null, 'computed once the age is known');
  const half = await benefitView('140300', { ...DISMISSED, birth_month: '1966-03' }, 'zh');
  assert.equal(half.v.extra.find((x) => x.key === 'extension_months').text, '未计算：需要退休类别', 'only what is still unanswered');

  const gz = await benefitView('440100', DISMISSED, 'zh');   // 广州
  assert.deepEqual(gz.v.amount, {
    kind: 'monthly', perMonth: { yuan: '2,250.00 元', wan: null }, months: 6,
    total: { yuan: '13,500.00 元', wan: '1.35 万元' }, cap: false, source: 'minimum_wage', decided: true,
  });
  const label = (v, key) => (v.extra.find((x) => x.key === key) || {}).label;
  assert.equal(label(gz.v, 'max_months'), '可领取期限（按本省规定）');
  assert.equal(label(gz.v, 'total_months'), '合计可领取');
  assert.equal(label(gz.v, 'total_fen'), '合计金额');

  // 兵团: no standard held. Set locally, and the question for the person's own figure is named.
  const bt = await benefitView('660000', DISMISSED, 'zh');
  assert.equal(bt.res.eligible, true);
  assert.deepEqual(bt.v.amount, { kind: 'local', ask: { fact: 'local_monthly_standard', label: '当地失业保险金月标准' } });
  assert.equal(label(bt.v, 'total_fen'), undefined, 'no total without an amount');
  const own = await benefitView('660000', { ...DISMISSED, local_monthly_standard: '1800' }, 'zh');
  assert.deepEqual(own.v.amount, {
    kind: 'monthly', perMonth: { yuan: '1,800.00 元', wan: null }, months: 18,
    total: { yuan: '32,400.00 元', wan: '3.24 万元' }, cap: true, source: 'fact', decided: true,
  }, '1800 × 18');

  // Undecided: the standard it would be, no months or total yet.
  const open = await benefitView('140300', { contribution_months: 60 }, 'zh');
  assert.deepEqual(open.res.missing, ['separation_reason']);
  assert.equal(open.v.amount.kind, 'monthly');
  assert.equal(open.v.amount.decided, false);
  assert.equal(open.v.amount.perMonth.yuan, '1,935.00 元');
  assert.equal(open.v.amount.total, null);
  // Not eligible: no amount and no total of 0, but the local standard among the figures.
  const no = await benefitView('140300', { contribution_months: 60, separation_reason: 'resigned' }, 'zh');
  assert.equal(no.v.amount, null);
  for (const key of ['max_months', 'remaining_months', 'extension_months', 'total_months', 'total_fen']) {
    assert.equal(label(no.v, key), undefined, `no ${key} under a no: nothing reads as granted`);
  }
  assert.equal(no.res.max_months, 18, 'though the engine computed it');
  assert.deepEqual(no.v.extra.find((x) => x.key === 'monthly_standard_fen'),
                   { key: 'monthly_standard_fen', label: '当地失业保险金月标准', text: '1,935.00 元', ask: null });
});

test('失业保险金 in English: yuan only, and the months\' labels in English', async () => {
  const yq = await benefitView('140300', DISMISSED, 'en');
  assert.deepEqual(yq.v.amount.perMonth, { yuan: '1,935.00 yuan', wan: null });
  assert.deepEqual(yq.v.amount.total, { yuan: '34,830.00 yuan', wan: null });
  assert.equal(yq.v.amount.cap, true);
  const gz = await benefitView('440100', DISMISSED, 'en');
  assert.equal(gz.v.amount.cap, false);
  assert.equal(gz.v.amount.months, 6);
  const labels = (v) => Object.fromEntries(v.extra.map((x) => [x.key, `${x.label}: ${x.text}`]));
  assert.equal(labels(yq.v).max_months, 'Longest entitlement (national ceiling): 18 months');
  assert.equal(labels(yq.v).total_fen, 'Total amount, at most: 34,830.00 yuan');
  assert.equal(labels(gz.v).max_months, "Entitlement (by the province's rules): 6 months");
  assert.equal(labels(gz.v).total_fen, 'Total amount: 13,500.00 yuan');
  for (const v of [yq.v, gz.v]) {
    assert.doesNotMatch(JSON.stringify([v.amount, v.extra]), /\p{Script=Han}/u, 'no Chinese in the amount or the figures');
  }
  const bt = await benefitView('660000', DISMISSED, 'en');
  assert.deepEqual(bt.v.amount, { kind: 'local', ask: { fact: 'local_monthly_standard', label: 'Local monthly benefit rate' } });
});

test('policies: a line for each, and the choices for a picker (the engine decides which applies)', async () => {
  const e = await estimator();
  const catalog = await e.catalog();
  const choices = F.policyChoices(catalog, 'stabilization_refund', '140300', 'zh');
  assert.deepEqual(choices[0], { id: '', label: '按申请日期自动选择正在执行的政策' });
  const ids = choices.slice(1).map((c) => c.id);
  assert.ok(ids.includes('sx-2024-28'), ids.join(' '));
  for (const c of choices.slice(1)) {
    const p = catalog.policies.find((x) => x.id === c.id);
    assert.ok(['140300', '140000', '000000'].includes(p.region), `${c.id} applies to 阳泉`);
    assert.ok(c.label.startsWith(p.doc_no));
  }
  const from = choices.slice(1).map((c) => c.policy.from);
  assert.deepEqual(from, [...from].sort().reverse(), 'newest first');
  const q = await e.questions({ region: '140000', date: '2026-11-22', program: 'stabilization_refund' });
  assert.equal(q.in_force, false);
  // The latest one the engine names (2025's since those packs came in).
  assert.equal(F.policyView(q.policy, 'en').validity, `in force ${q.policy.valid_from} to ${q.policy.valid_to}`);
});

test('which policy applies is read from the engine\'s answer: in force, none in force (the latest offered), chosen', async () => {
  const e = await estimator();
  const none = { region: '140000', date: '2026-11-22', program: 'stabilization_refund', facts: {} };
  const q = await e.questions(none);
  const st = F.policyState(q, null, 'zh');
  assert.equal(st.inForce, false);
  assert.equal(st.offer.id, q.policy.id, 'the questions answer names the latest policy');
  assert.equal(st.offer.docNo, q.policy.doc_no);
  assert.equal(st.policy.id, q.policy.id);
  const err = await e.estimate(none);
  assert.equal(err.error.code, 'no_policy_in_force');
  const fromError = F.policyState(err, null, 'zh');
  assert.deepEqual(fromError, { policy: null, inForce: false, offer: F.policyView(err.error.latest, 'zh') }, 'or error.latest');
  assert.equal(fromError.offer.id, st.offer.id, 'both answers offer the same one');
  // Chosen explicitly: evaluated under it, nothing offered.
  const chosen = await e.estimate({ ...none, policy: q.policy.id });
  assert.equal(chosen.ok, true);
  assert.deepEqual(F.policyState(chosen, q.policy.id, 'zh'), { policy: F.policyView(chosen.policy, 'zh'), inForce: false, offer: null });
  assert.equal(F.policyState(await e.questions({ ...none, policy: q.policy.id }), q.policy.id, 'zh').offer, null);
  // In force on its date: that one, nothing offered.
  const inForce = await e.questions({ ...SHANXI, facts: {} });
  assert.equal(inForce.in_force, true);
  assert.deepEqual(F.policyState(inForce, null, 'en'), { policy: F.policyView(inForce.policy, 'en'), inForce: true, offer: null });
  assert.equal(F.policyState(await e.estimate({ ...SHANXI, facts: SME }), null, 'zh').inForce, true);
  // Any other error names no policy.
  assert.deepEqual(F.policyState(await e.estimate({ ...SHANXI, region: '999999', facts: {} }), null, 'zh'), { policy: null, inForce: false, offer: null });
});

test('citations: the document and clause, and the quote', async () => {
  assert.deepEqual(F.citeView({ doc_no: '人社部发〔2024〕40号', clause: '二', quote: '上年度未裁员' }), { where: '人社部发〔2024〕40号 二', quote: '上年度未裁员' });
  assert.deepEqual(F.citeView({ doc_no: '《失业保险条例》' }), { where: '《失业保险条例》', quote: '' });
  assert.equal(F.citeView(null), null);
  assert.equal(F.citeView({ clause: '二' }), null);
  const questions = await asked(SHANXI);
  for (const q of questions) if (q.cite) assert.ok(F.citeView(q.cite).where.startsWith(q.cite.doc_no));
});

test('each reason names the questions to change or answer, and each what-if the question it changes', async () => {
  const e = await estimator();
  const questions = await asked(SHANXI);
  const label = (f) => questions.find((q) => q.fact === f).label;
  const failed = F.resultView(await e.estimate({ ...SHANXI, facts: { ...SME, layoffs: 30 } }), { questions, lang: 'zh' });
  const [reason] = failed.reasons;
  assert.equal(reason.whatifs[0].fact, 'layoffs');
  assert.equal(reason.whatifs[0].label, label('layoffs'), 'the what-if says which question it changes');
  assert.deepEqual(reason.links, [], 'the what-if links layoffs already');
  const en = F.resultView(await e.estimate({ ...SHANXI, facts: { ...SME, layoffs: 30 } }), { questions, lang: 'en' });
  assert.equal(en.reasons[0].whatifs[0].label, questions.find((q) => q.fact === 'layoffs').label_en);
  // ✗ without a what-if: the questions to change.
  const skill = { region: '140000', date: '2024-07-15', program: 'skill_subsidy' };
  const sq = await asked(skill);
  const other = F.resultView(await e.estimate({ ...skill, facts: { worker_status: 'other', insured_months: 36, certificate: 'skill_level', level: 4 } }),
                             { questions: sq, lang: 'zh' });
  const status = other.reasons.find((r) => r.id === 'worker_status');
  assert.deepEqual(status.whatifs, []);
  assert.deepEqual(status.links, [{ fact: 'worker_status', kind: 'change', label: sq.find((q) => q.fact === 'worker_status').label }]);
  // ? : the questions to answer.
  const open = F.resultView(await e.estimate({ ...skill, facts: { worker_status: 'employed', insured_months: 36, certificate: 'skill_level' } }),
                            { questions: sq, lang: 'zh' });
  const unknown = open.reasons.filter((r) => r.state === 'unknown');
  assert.ok(unknown.length >= 1);
  for (const r of unknown) assert.deepEqual(r.links, [{ fact: 'level', kind: 'answer', label: '证书等级' }], r.id);
  // A what-if about a fact no question asks has no label (nothing to link).
  const odd = F.resultView({ eligible: false, conditions: [{ id: 'c', passed: false, text: 't' }], whatif: [{ condition: 'c', fact: 'nope', text: 'w' }] },
                           { questions: sq, lang: 'zh' });
  assert.equal(odd.reasons[0].whatifs[0].label, null);
  assert.deepEqual(odd.reasons[0].links, []);
});

test('the answer summary: every answer in the questions\' order, with skipped ones marked', async () => {
  const questions = await asked(SHANXI);
  const rows = F.answerSummary(questions, { ...SME, contributions_paid: '12000' }, 'zh', new Set(['seriously_dishonest']));
  assert.deepEqual(rows.map((r) => [r.fact, r.text]), [
    ['unit_type', '企业'], ['size', '中小微企业'], ['insured_headcount', '80 人'], ['layoffs', '4 人'],
    ['contribution_months', '24 个月'], ['contributions_paid', '12,000 元'], ['seriously_dishonest', '未回答（跳过）']]);
  const bt = await asked(BINGTUAN);
  const en = F.answerSummary(bt, { level: 4, previous_levels_same_occupation: [5, 4], training_subsidy_received: false }, 'en', []);
  assert.deepEqual(en.map((r) => r.text), ['Level 4 (intermediate)', 'Level 5 (elementary), Level 4 (intermediate)', 'No']);
  assert.equal(F.answerSummary(bt, { previous_levels_same_occupation: [] }, 'zh', [])[0].text, '无');
});

test('share links carry the inputs in the fragment, round-trip in UTF-8, and refuse anything else', () => {
  const inputs = { region: '140300', date: '2024-07-15', program: 'stabilization_refund',
                   facts: { unit_type: 'enterprise', layoffs: 4, contributions_paid: '56789.12', note: '中文 😀' }, policy: null };
  const fragment = F.encodeShare(inputs);
  assert.match(fragment, /^s=[A-Za-z0-9_-]+$/);
  assert.deepEqual(F.decodeShare(`#${fragment}`), inputs);
  // The same bytes as the browser's TextEncoder + btoa (links made by the page before stay valid).
  const json = JSON.stringify({ v: 1, region: inputs.region, date: inputs.date, program: inputs.program, facts: inputs.facts });
  assert.equal(fragment, `s=${Buffer.from(json, 'utf8').toString('base64url')}`);
  assert.equal(F.decodeShare(F.encodeShare({ ...inputs, policy: 'sx-2024-28' })).policy, 'sx-2024-28');
  const badUtf8 = Buffer.from([0x7b, 0xc3, 0x28, 0x7d]).toString('base64url');
  for (const junk of ['', '#', '#s=', '#s=!!!', '#x=abc', `#s=${btoa('{"v":2}')}`, `#s=${btoa('[1]')}`, `#s=${badUtf8}`, '#s=a']) {
    assert.equal(F.decodeShare(junk), null, junk);
  }
});

test('today is the local calendar day', () => {
  assert.equal(F.today(new Date(2026, 10, 2, 23, 59)), '2026-11-02');
});

test('a verdict under a policy not in force on the date asked names the policy\'s year and is never a plain tick', async () => {
  const e = await estimator();
  const res = await e.estimate({ ...SHANXI, date: '2026-11-22', policy: 'sx-2025-13', facts: SME });
  assert.equal(res.eligible, true);
  assert.equal(res.policy.in_force, false);
  const zh = F.resultView(res, { lang: 'zh', date: '2026-11-22' });
  assert.deepEqual(zh.verdict, { state: 'other', mark: '!', text: '按2025年政策：符合条件；本工具未收录2026年的文件' });
  const en = F.resultView(res, { lang: 'en', date: '2026-11-22' });
  assert.equal(en.verdict.text, 'Under the 2025 policy: eligible; the tool holds no policy for 2026');
  const inForce = F.resultView(await e.estimate({ ...SHANXI, date: '2025-03-01', facts: SME }), { lang: 'zh', date: '2025-03-01' });
  assert.deepEqual(inForce.verdict, { state: 'yes', mark: '✓', text: '符合条件' }, 'in force: a plain yes');
});

test('the questions still to answer are listed once, however many undecided reasons wait on them', async () => {
  const e = await estimator();
  const qs = await asked(SHANXI);
  const res = await e.estimate({ ...SHANXI, facts: {} });
  const v = F.resultView(res, { questions: qs, lang: 'zh', date: SHANXI.date });
  const facts = v.asks.map((a) => a.fact);
  assert.ok(facts.length >= 3, JSON.stringify(v.asks));
  assert.equal(new Set(facts).size, facts.length, 'each once');
  const linked = v.reasons.flatMap((r) => r.links.filter((l) => l.kind === 'answer').map((l) => l.fact));
  assert.deepEqual([...new Set(linked)].sort(), [...facts].sort(), 'every question a reason waits on');
});

test('a ✗ reason links to the answers given, not to a fact the engine derived from one', async () => {
  const e = await estimator();
  const scope = { region: '140300', date: '2025-07-01', program: 'unemployment_benefit' };
  const qs = await asked(scope);
  const facts = { contribution_months: 60, separation_reason: 'resigned' };
  const res = await e.estimate({ ...scope, facts });
  const involuntary = (v) => v.reasons.find((r) => r.id === 'involuntary');
  const derived = F.resultView(res, { questions: qs, lang: 'zh', facts });
  assert.equal(involuntary(derived).state, 'fail');
  assert.deepEqual(involuntary(derived).links, [], 'not 修改「是否非因本人意愿中断就业」: that answer was not given, and would contradict the one that was');
  const typed = { contribution_months: 60, separation_reason: 'other', involuntary: false };
  const direct = F.resultView(await e.estimate({ ...scope, facts: typed }), { questions: qs, lang: 'zh', facts: typed });
  assert.deepEqual(involuntary(direct).links.map((l) => l.fact), ['involuntary'], 'answered directly: changed directly');
});

test('a date before the policy begins: the verdict names the year it begins, and the badge says it was not yet in force', async () => {
  const e = await estimator();
  const scope = { region: '370000', date: '2023-06-01', program: 'stabilization_refund' };
  const none = await e.estimate({ ...scope, facts: {} });
  assert.equal(none.ok, false);
  const latest = none.error.latest;
  assert.ok(latest.valid_from > scope.date, `${latest.id} begins after the date asked`);
  const res = await e.estimate({ ...scope, policy: latest.id, facts: {} });
  const v = F.resultView(res, { lang: 'zh', date: scope.date });
  const begins = latest.valid_from.slice(0, 4);
  assert.match(v.verdict.text, new RegExp(`^按${begins}年政策：.*；本工具未收录2023年的文件$`));
  assert.equal(F.words('zh').say.notInForce(latest.valid_to, latest.valid_from, scope.date),
               `这份政策自 ${latest.valid_from} 起施行，申请日期时尚未施行，以下按它估算，仅供参考。`);
});
