// The result as people use it (issue 11 on the mini-program): the verdict
// first, then the failed reason with its what-if and a link to the question
// to change; a compact summary of the answers with an edit link each that
// returns straight to the result; forgiving typing with plain errors; the
// levels already subsidised as check boxes. Dates and regions are fixed
// where a policy is in force, and every expectation comes from the engine.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');
const { F, J, enter, answer, pickDate, pickProvince, whereOf, assertResultShows } = require('./helpers/journey.js');

const ctx = setup(ROOT);
let ref;
test.before(async () => { ref = await referenceEstimator(ROOT); });

const SHANXI_2024 = { region: '140000', date: '2024-07-15' };

async function open(program, where) {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program });
  await pickDate(page, where.date);
  await pickProvince(page, where.region);
  assert.equal(page.data.noPolicy, null, `a policy is in force in ${where.region} on ${where.date}`);
  return page;
}

/** Enters `typed` into the questions shown (those it has no entry for stay blank), then 计算. */
async function fill(page, typed) {
  for (const q of page.data.questions) if (typed[q.fact]) await enter(page, q.fact, typed[q.fact]);
  await fire(page, '#compute', 'tap');
}

async function questionsOf(page) {
  return (await ref.questions(whereOf(page))).questions;
}

const LAYOFFS_TOO_MANY = {
  unit_type: { pick: 'enterprise' }, insured_headcount: { raw: '80' }, layoffs: { raw: '30人' },
  contribution_months: { raw: '两年' }, contributions_paid: { raw: '56,789.12元' },
};

test('not eligible: the verdict, then the failed condition with its what-if and the question to change, then the answers', async () => {
  const page = await open('stabilization_refund', SHANXI_2024);
  await fill(page, LAYOFFS_TOO_MANY);
  assert.deepEqual(page.instance._lastRequest.facts,
                   { unit_type: 'enterprise', insured_headcount: 80, layoffs: 30, contribution_months: 24, contributions_paid: '56789.12' });
  const res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.eligible, false);
  const questions = await questionsOf(page);
  assertResultShows(page, res, questions);
  assert.match(text(page, '#verdict'), /不符合条件/);
  const failed = res.conditions.filter((c) => c.passed === false);
  assert.ok(failed.length > 0);
  const [first] = page.data.result.reasons;
  assert.equal(first.id, failed[0].id, 'the failed condition is the first reason');
  const hint = res.whatif.find((w) => w.condition === first.id);
  assert.ok(hint, 'the engine gives a what-if for it');
  const reason = text(page, `#reason-${first.id}`);
  assert.ok(reason.includes(hint.text), 'its what-if sits right under it');
  // The label names the year where it says 上年 (journey.js datedLabel), as the form does.
  const label = J.datedLabel(questions.find((q) => q.fact === hint.fact), page.instance._s.date, 'zh');
  assert.equal(text(page, `#whatif-${first.id}-${hint.fact}`), `修改「${label}」`);
  assert.equal(page.querySelector('#amount'), undefined, 'no amount when not eligible');

  // The what-if's link opens that one question; 确定 goes straight back to the result.
  await fire(page, `#whatif-${first.id}-${hint.fact}`, 'tap');
  assert.equal(page.data.mode, 'edit');
  assert.deepEqual(page.data.questions.map((q) => q.fact), [hint.fact]);
  assert.equal(page.data.questions[0].focus, true, 'the input has focus on arrival');
  assert.equal(page.data.questions[0].value, '30人', 'as it was typed');
  assert.equal(page.querySelector('#result'), undefined);
  await enter(page, hint.fact, { raw: String(hint.max) });
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(page.instance._lastRequest.facts[hint.fact], hint.max);
  const fixed = await ref.estimate(page.instance._lastRequest);
  assert.equal(fixed.eligible, true, 'the what-if was right');
  assertResultShows(page, fixed, questions);
  assert.deepEqual(ctx.forbiddenCalls, []);
});

test('the answer summary: each answer with its edit link, 万 and 元 understood, 回到结果 keeps the old answer', async () => {
  const page = await open('stabilization_refund', SHANXI_2024);
  await fill(page, { ...LAYOFFS_TOO_MANY, layoffs: { raw: '4' } });
  const questions = await questionsOf(page);
  const rows = F.answerSummary(questions, page.instance._s.facts, 'zh');
  assert.deepEqual(page.data.result.answers.map((r) => [r.fact, r.text]), rows.map((r) => [r.fact, r.text]));
  // A label that says 上年 names the year the date makes it ("上年度（2023年度）…").
  const paid = questions.find((q) => q.fact === 'contributions_paid');
  assert.match(paid.label, /^上年度/);
  assert.equal(text(page, '#answer-contributions_paid'), `${J.datedLabel(paid, SHANXI_2024.date, 'zh')}：56,789.12 元修改`);
  assert.match(text(page, '#answer-contributions_paid'), /^上年度（2023年度）实际缴纳/);

  // Edit one answer: typed as 万, said back as yuan, and the result follows.
  await fire(page, '#edit-contributions_paid', 'tap');
  assert.equal(page.data.mode, 'edit');
  await enter(page, 'contributions_paid', { raw: '1.2万' });
  assert.equal(text(page, '#note-contributions_paid'), '1.2万 = 12,000 元');
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(page.instance._lastRequest.facts.contributions_paid, '12000');
  assertResultShows(page, await ref.estimate(page.instance._lastRequest), questions);
  assert.match(text(page, '#answer-contributions_paid'), /12,000 元/);
  const before = page.instance._lastRequest;

  // A wrong entry while editing: plain words with an example, nothing sent.
  await fire(page, '#edit-insured_headcount', 'tap');
  await enter(page, 'insured_headcount', { raw: '八十几' });
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.data.mode, 'edit');
  const expected = F.parseAnswer(questions.find((q) => q.fact === 'insured_headcount'), '八十几', { lang: 'zh', questions });
  assert.equal(text(page, '#err-insured_headcount'), expected.message);
  assert.match(expected.message, /例如/);
  assert.equal(page.instance._lastRequest, before, 'nothing was sent');
  // An emptied required field is empty, and says so.
  await enter(page, 'insured_headcount', { raw: '' });
  await fire(page, '#edit-done', 'tap');
  assert.equal(text(page, '#err-insured_headcount'), F.words('zh').errors.required);

  // 不改了: back to the result as it was, with the answer it was computed with.
  await fire(page, '#edit-cancel', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.match(text(page, '#answer-insured_headcount'), /80 人/);
  await fire(page, '#edit-insured_headcount', 'tap');
  assert.equal(page.data.questions[0].value, '80', 'the answer as it was typed');
  await fire(page, '#edit-done', 'tap');
  assert.deepEqual(page.instance._lastRequest, before);

  // 修改全部回答: the form with every answer, 重新计算 gives the result again.
  await fire(page, '#edit-all', 'tap');
  assert.equal(page.data.mode, 'form');
  assert.deepEqual(page.data.questions.map((q) => q.fact), Object.keys(before.facts));
  assert.equal(text(page, '#compute'), '重新计算');
  await fire(page, '#compute', 'tap');
  assert.deepEqual(page.instance._lastRequest, before);
  assert.equal(page.data.mode, 'result');

  // 重新开始: nothing kept.
  await fire(page, '#restart', 'tap');
  assert.equal(page.data.mode, 'form');
  assert.ok(page.data.questions.every((q) => q.value === '' && q.options.every((o) => !o.checked)), 'every answer cleared');
});

test('levels already subsidised are check boxes with the level question\'s names', async () => {
  const page = await open('skill_subsidy', SHANXI_2024);
  const questions = await questionsOf(page);
  await fill(page, { worker_status: { pick: 'employed' }, insured_months: { raw: '3年' }, certificate: { pick: 'skill_level' }, level: { pick: 4 } });
  let res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  assert.ok(res.optional_missing.includes('previous_levels_same_occupation'));

  await fire(page, '#edit-previous_levels_same_occupation', 'tap');
  const [q] = page.data.questions;
  assert.equal(q.control, 'checkbox');
  const levels = questions.find((x) => x.fact === 'level').options;
  assert.deepEqual(q.options.map((o) => o.label), levels.map((o) => o.label), 'the level question\'s options, by name');
  assert.ok(q.options.every((o) => !o.checked));
  // Tick 四级 and 五级 (WeChat sends the ticked values, here the options' indexes).
  await enter(page, 'previous_levels_same_occupation', { pick: [4, 5] });
  assert.deepEqual(page.data.questions[0].options.filter((o) => o.checked).map((o) => o.label),
                   levels.filter((o) => o.value === 4 || o.value === 5).map((o) => o.label));
  await fire(page, '#edit-done', 'tap');
  assert.deepEqual(page.instance._lastRequest.facts.previous_levels_same_occupation, [5, 4]);
  res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.eligible, false, 'the same level was subsidised already');
  assertResultShows(page, res, questions);
  assert.match(text(page, '#answer-previous_levels_same_occupation'), new RegExp(`${levels[0].label}、${levels[1].label}`));
  // Each reason links exactly the questions to change the shared layer names for it (those to answer are listed once, below).
  for (const r of F.resultView(res, { questions, lang: 'zh' }).reasons) {
    const shown = page.data.result.reasons.find((x) => x.id === r.id);
    assert.deepEqual(shown.links.map((l) => l.fact), r.links.filter((l) => l.kind === 'change').map((l) => l.fact), r.id);
  }
  // Ticking none is an answer too: the empty list.
  await fire(page, '#edit-previous_levels_same_occupation', 'tap');
  await enter(page, 'previous_levels_same_occupation', { pick: [] });
  await fire(page, '#edit-done', 'tap');
  assert.deepEqual(page.instance._lastRequest.facts.previous_levels_same_occupation, []);
  assert.match(text(page, '#answer-previous_levels_same_occupation'), /无/);
});

test('a failed condition without a what-if links the question it depends on', async () => {
  const page = await open('skill_subsidy', SHANXI_2024);
  const questions = await questionsOf(page);
  await fill(page, { worker_status: { pick: 'other' }, insured_months: { raw: '36' }, certificate: { pick: 'skill_level' }, level: { pick: 4 } });
  const res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  const failed = F.resultView(res, { questions, lang: 'zh' }).reasons.find((r) => r.state === 'fail');
  assert.equal(failed.whatifs.length, 0, 'the engine has no what-if for it');
  assert.deepEqual(failed.links.map((l) => l.fact), ['worker_status']);
  const label = questions.find((x) => x.fact === 'worker_status').label;
  assert.equal(text(page, `#link-${failed.id}-worker_status`), `修改「${label}」`);
  await fire(page, `#link-${failed.id}-worker_status`, 'tap');
  assert.equal(page.data.mode, 'edit');
  assert.deepEqual(page.data.questions.map((x) => x.fact), ['worker_status']);
  assert.ok(page.data.questions[0].options.find((o) => o.checked), 'the answer given is ticked');
  await enter(page, 'worker_status', { pick: 'employed' });
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal((await ref.estimate(page.instance._lastRequest)).eligible, true);
});

test('an edit that makes a new question necessary goes to the form, with that question marked', async () => {
  const page = await open('skill_subsidy', SHANXI_2024);
  // 其他证书 needs no level: left blank, and the engine has all it needs.
  await fill(page, { worker_status: { pick: 'employed' }, insured_months: { raw: '36' }, certificate: { pick: 'other' } });
  const before = await ref.estimate(page.instance._lastRequest);
  assert.deepEqual(before.missing, []);
  assert.equal(page.data.mode, 'result');
  // A skill certificate asks for its level.
  await fire(page, '#edit-certificate', 'tap');
  await enter(page, 'certificate', { pick: 'skill_level' });
  await fire(page, '#edit-done', 'tap');
  const res = await ref.estimate(page.instance._lastRequest);
  assert.ok(res.missing.length > 0, 'the engine needs more');
  assert.equal(page.data.mode, 'form');
  for (const f of res.missing) assert.equal(text(page, `#err-${f}`), F.words('zh').errors.required);
  await answer(page, 'level');
  await fire(page, '#compute', 'tap');
  assert.equal(page.data.mode, 'result');
});

// 失业保险金 is paid monthly: the result leads with the monthly amount, then
// the months and the total. The figures follow from the published rules:
// 山西 pays 90% of its 一类 minimum wage (2150 元 from 2025-01: 1935 元); with no
// schedule of its own the months are 社会保险法 第四十六条's ceiling (5 to 10
// years of contributions: at most 18). 广州 pays 90% of its minimum wage (2500
// 元: 2250 元), and 《广东省失业保险条例》 第十七条 gives 4 months for 4 full years
// and one more per further half-year: 6 for 60 months.
async function openCity(program, region, city, date) {
  const page = await open(program, { region, date });
  await fire(page, '#city', 'change', { value: page.instance._pickers.cities.indexOf(city) });
  assert.equal(page.instance._region(), city);
  return page;
}

test('失业保险金: how the job ended in plain words, then the monthly amount, its months and the total', async () => {
  const page = await openCity('unemployment_benefit', '140000', '140300', '2025-07-01');   // 阳泉
  const questions = await questionsOf(page);
  // How the job ended is asked (the engine's missing), with its plain choices, and not as "可以不填".
  const reason = page.data.questions.find((q) => q.fact === 'separation_reason');
  assert.ok(reason, 'the question is on the form');
  assert.equal(reason.required, true, 'the engine needs it: not marked optional');
  assert.deepEqual(reason.options.map((o) => o.label), questions.find((q) => q.fact === 'separation_reason').options.map((o) => o.label));
  assert.ok(reason.options.some((o) => /被单位解除合同/.test(o.label)));
  assert.doesNotMatch(text(page, '#q-separation_reason'), /可以不填/);
  await fill(page, { contribution_months: { raw: '5年' }, separation_reason: { pick: 'dismissed' } });
  assert.deepEqual(page.instance._lastRequest.facts, { contribution_months: 60, separation_reason: 'dismissed' });
  const res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  assert.equal(res.amount_fen, res.minimum_wage_fen * 9 / 10, '90% of the minimum wage');
  assert.equal(text(page, '#amount').startsWith('每月 1,935.00 元'), true, text(page, '#amount'));
  assert.equal(text(page, '#amount-total'), '最长 18 个月，最多共 34,830.00 元（约 3.48 万元）', '1935 × 18, the national ceiling');
  assert.match(text(page, '#amount'), /国家规定的最长期限，省里可以规定更短的期限/);
  assert.equal(text(page, '#extra-max_months'), '最长可领（国家规定的上限）：18 个月');
  assert.equal(text(page, '#extra-total_fen'), '最多合计金额：34,830.00 元');
  assert.match(page.data.result.aria, /每月 1,935\.00 元，最长 18 个月/, 'the card\'s label says it too');
  assert.equal(page.querySelector('#extra-monthly_standard_fen'), undefined, 'the standard is the headline already');

  // 广州: the province's own months, not a ceiling.
  const gz = await openCity('unemployment_benefit', '440000', '440100', '2025-07-01');
  await fill(gz, { contribution_months: { raw: '60' }, separation_reason: { pick: 'dismissed' } });
  assertResultShows(gz, await ref.estimate(gz.instance._lastRequest), await questionsOf(gz));
  assert.ok(text(gz, '#amount').startsWith('每月 2,250.00 元'));
  assert.equal(text(gz, '#amount-total'), '合计 6 个月，共 13,500.00 元（1.35 万元）', '2250 × 6');
  assert.doesNotMatch(text(gz, '#amount'), /最长期限/);
  assert.equal(text(gz, '#extra-max_months'), '可领取期限（按本省规定）：6 个月');
  assert.deepEqual(ctx.forbiddenCalls, []);
});

test('失业保险金 where no local standard is held (兵团): said so, and the person\'s own figure is asked from the amount', async () => {
  const page = await open('unemployment_benefit', { region: '660000', date: '2025-07-01' });
  const questions = await questionsOf(page);
  await fill(page, { contribution_months: { raw: '60' }, separation_reason: { pick: 'contract_ended' } });
  let res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.amount_fen, null);
  assertResultShows(page, res, questions);
  assert.match(text(page, '#amount'), /金额由当地规定/);
  const label = questions.find((q) => q.fact === 'local_monthly_standard').label;
  assert.equal(text(page, '#amount-ask'), `回答「${label}」`);
  await fire(page, '#amount-ask', 'tap');
  assert.equal(page.data.mode, 'edit');
  assert.deepEqual(page.data.questions.map((q) => q.fact), ['local_monthly_standard']);
  await enter(page, 'local_monthly_standard', { raw: '1800元' });
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.instance._lastRequest.facts.local_monthly_standard, '1800');
  res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  assert.ok(text(page, '#amount').startsWith('每月 1,800.00 元'));
  assert.equal(text(page, '#amount-total'), '最长 18 个月，最多共 32,400.00 元（3.24 万元）', '1800 × 18');
  assert.match(text(page, '#amount'), /按您填写的当地月标准计算/);
  assert.equal(page.querySelector('#amount-ask'), undefined);
});
