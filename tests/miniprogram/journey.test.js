// The mini-program runs the shared journey (web/shared/journey.js, the one
// the web page runs): its state is the journey's, and what the journey says
// about dates shows here too. Labels that say 上年 name the year the date
// makes them; 出生年月 is a month picker; the extension to retirement not
// computed links the questions it needs; a verdict under a policy not in
// force on the date names that policy's year and is never green; a result
// of not eligible shows no entitlement figures; and from the result the
// date or the region changes with every answer kept, the answers whose
// label says 上年 asked again when the year moved.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');
const { F, J, enter, pickDate, pickProvince, whereOf, assertResultShows } = require('./helpers/journey.js');

const ctx = setup(ROOT);
let ref;
test.before(async () => { ref = await referenceEstimator(ROOT); });

async function open(program, where) {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program });
  await pickDate(page, where.date);
  await pickProvince(page, where.region);
  return page;
}

async function fill(page, typed) {
  for (const q of page.data.questions) if (typed[q.fact]) await enter(page, q.fact, typed[q.fact]);
  await fire(page, '#compute', 'tap');
}

const questionsOf = async (page) => (await ref.questions(whereOf(page))).questions;
const labelOf = (page, fact) => page.data.questions.find((q) => q.fact === fact).label;

const REFUND = {
  unit_type: { pick: 'enterprise' }, insured_headcount: { raw: '80' }, layoffs: { raw: '4' },
  contribution_months: { raw: '两年' }, contributions_paid: { raw: '56,789.12元' },
};
const REFUND_FACTS = { unit_type: 'enterprise', insured_headcount: 80, layoffs: 4, contribution_months: 24, contributions_paid: '56789.12' };
const LAST_YEAR = ['insured_headcount', 'layoffs', 'contributions_paid'];

test('the page\'s state is the shared journey\'s, and the package runs the shared file', () => {
  const page = loadPage(ROOT, 'estimate', 'official');
  const s = page.instance._s;
  assert.deepEqual(Object.keys(s).sort(), Object.keys(J.start({})).sort(), 'a journey state, nothing of the page\'s own');
  const views = require(path.join(ROOT, 'utils', 'views.js'));
  assert.equal(views.J, require(path.join(ROOT, 'shared', 'journey.js')));
});

test('labels that say 上年 name the year of the application date, in the form and in the answers', async () => {
  const page = await open('stabilization_refund', { region: '140000', date: '2024-07-15' });
  const questions = await questionsOf(page);
  for (const f of LAST_YEAR) {
    const q = questions.find((x) => x.fact === f);
    assert.match(q.label, /上年/, `${f} says 上年`);
    assert.equal(labelOf(page, f), J.datedLabel(q, '2024-07-15', 'zh'));
  }
  assert.equal(labelOf(page, 'insured_headcount'), '上年末（2023年末）单位参保人数');
  assert.equal(labelOf(page, 'unit_type'), questions.find((x) => x.fact === 'unit_type').label, 'other labels as they are');
  await fill(page, REFUND);
  assertResultShows(page, await ref.estimate(page.instance._lastRequest), questions);
  assert.match(text(page, '#answer-layoffs'), /^上年度（2023年度）裁员人数/);
});

test('出生年月 is a month picker; the extension to retirement not computed links the questions it needs', async () => {
  const page = await open('unemployment_benefit', { region: '140000', date: '2025-07-01' });
  const questions = await questionsOf(page);
  await fill(page, { contribution_months: { raw: '5年' }, separation_reason: { pick: 'dismissed' } });
  let res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  assert.equal(res.months_to_retirement, null);
  assert.match(text(page, '#extra-extension_months'), /未计算/);
  const label = (f) => questions.find((q) => q.fact === f).label;
  assert.equal(text(page, '#extra-ask-extension_months-birth_month'), `回答「${label('birth_month')}」`);
  assert.equal(text(page, '#extra-ask-extension_months-retirement_group'), `回答「${label('retirement_group')}」`);

  await fire(page, '#extra-ask-extension_months-birth_month', 'tap');
  assert.equal(page.data.mode, 'edit');
  const [q] = page.data.questions;
  assert.equal(q.fact, 'birth_month');
  assert.equal(q.control, 'month', 'a month picker, not a text input');
  assert.equal(q.value, '');
  assert.equal(page.querySelector('#in-birth_month').dom.tagName.toLowerCase().includes('picker'), true);
  await enter(page, 'birth_month', { raw: '1966-08' });
  assert.equal(page.data.questions[0].value, '1966-08');
  await fire(page, '#edit-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(page.instance._lastRequest.facts.birth_month, '1966-08', 'the picker\'s YYYY-MM is the fact');
  res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, questions);
  // The month given, the group not yet: only the group is still linked.
  assert.equal(page.querySelector('#extra-ask-extension_months-birth_month'), undefined);
  await fire(page, '#extra-ask-extension_months-retirement_group', 'tap');
  await enter(page, 'retirement_group', { pick: 'male' });
  await fire(page, '#edit-done', 'tap');
  res = await ref.estimate(page.instance._lastRequest);
  assert.equal(typeof res.months_to_retirement, 'number', 'now computed');
  assertResultShows(page, res, questions);
  assert.doesNotMatch(text(page, '#extra-extension_months'), /未计算/);
  assert.equal(page.querySelector('#extra-ask-extension_months-retirement_group'), undefined);
  assert.match(text(page, '#answer-birth_month'), /1966/);
});

test('not eligible: no amount and no entitlement figures, only the reasons', async () => {
  const page = await open('unemployment_benefit', { region: '140000', date: '2025-07-01' });
  await fill(page, { contribution_months: { raw: '6' }, separation_reason: { pick: 'dismissed' } });
  const res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.eligible, false);
  assert.ok(res.max_months !== undefined || res.total_months !== undefined, 'the engine still gives its figures');
  assertResultShows(page, res, await questionsOf(page));
  assert.equal(page.querySelector('#amount'), undefined);
  const keys = page.data.result.extra.map((x) => x.key);
  assert.deepEqual(keys.filter((k) => /months|total/.test(k)), [], 'nothing reads as granted');
  assert.ok(keys.includes('monthly_standard_fen'), 'the region\'s standard is the region\'s figure, not the person\'s: it stays');
});

test('a yes under the latest policy when none is in force names that policy\'s year and is amber, not green', async () => {
  const page = await open('stabilization_refund', { region: '140000', date: '2026-03-01' });
  assert.ok(page.data.noPolicy, 'no policy in force on 2026-03-01');
  await fire(page, '#use-latest', 'tap');
  await fill(page, REFUND);
  const res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.eligible, true);
  assert.equal(res.policy.in_force, false);
  assertResultShows(page, res, await questionsOf(page));
  const year = res.policy.valid_to.slice(0, 4);
  assert.equal(text(page, '#verdict'), `! 按${year}年政策：符合条件；本工具未收录2026年的文件`);
  assert.equal(page.data.result.state, 'other');
  assert.match(page.querySelector('#verdict').dom.className, /\bother\b/);
  assert.match(page.querySelector('#result').dom.className, /\bother\b/);
});

test('改日期或地区 from the result: every answer kept; answers whose label says 上年 asked again when the year moved', async () => {
  const page = await open('stabilization_refund', { region: '140000', date: '2024-07-15' });
  await fill(page, REFUND);
  assert.equal(page.data.mode, 'result');
  const first = page.instance._lastRequest;
  assert.deepEqual(first.facts, REFUND_FACTS);

  // 不改了: nothing sent, the result as it was.
  await fire(page, '#rescope', 'tap');
  assert.equal(page.data.mode, 'where');
  assert.ok(page.querySelector('#province') && page.querySelector('#date'), 'the region and date pickers');
  assert.equal(page.querySelector('#compute'), undefined);
  assert.equal(page.querySelector('#result'), undefined);
  await pickDate(page, '2025-07-01');
  await pickProvince(page, '000000');
  assert.equal(page.instance._lastRequest, first, 'nothing is sent before 确定');
  await fire(page, '#rescope-cancel', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(page.data.date, '2024-07-15');
  assert.equal(page.instance._s.province, '140000');
  assert.equal(page.data.provinceIndex, page.instance._pickers.provinces.indexOf('140000'));
  assert.equal(page.instance._lastRequest, first);

  // Another date in the same year: straight to the result, the same answers.
  await fire(page, '#rescope', 'tap');
  await pickDate(page, '2024-09-02');
  await fire(page, '#rescope-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.deepEqual(page.instance._lastRequest, { ...first, date: '2024-09-02' });
  assertResultShows(page, await ref.estimate(page.instance._lastRequest), await questionsOf(page));

  // Another year: the 上年 answers come back on the form, marked, under the new year's labels.
  await fire(page, '#rescope', 'tap');
  await pickDate(page, '2025-07-01');
  await fire(page, '#rescope-done', 'tap');
  assert.equal(page.data.mode, 'form');
  assert.deepEqual([...page.instance._s.recheck].sort(), [...LAST_YEAR].sort());
  const questions = await questionsOf(page);
  for (const f of LAST_YEAR) {
    assert.ok(page.querySelector(`#recheck-${f}`), `${f} is marked to confirm`);
    assert.equal(labelOf(page, f), J.datedLabel(questions.find((q) => q.fact === f), '2025-07-01', 'zh'));
  }
  assert.equal(labelOf(page, 'insured_headcount'), '上年末（2024年末）单位参保人数');
  assert.equal(page.querySelector('#recheck-unit_type'), undefined, 'an answer that does not move with the year is not');
  assert.equal(page.data.questions.find((q) => q.fact === 'insured_headcount').value, '80', 'what was given for the other year, to confirm or change');
  assert.match(text(page, '#ask-hint'), /确认/);
  // Confirm two, change one: the result for the new date.
  await enter(page, 'layoffs', { raw: '3' });
  await fire(page, '#compute', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.deepEqual(page.instance._s.recheck, []);
  assert.deepEqual(page.instance._lastRequest, { ...first, date: '2025-07-01', facts: { ...REFUND_FACTS, layoffs: 3 } });
  assertResultShows(page, await ref.estimate(page.instance._lastRequest), questions);

  // Another region: the answers kept, the engine's policy for it.
  await fire(page, '#rescope', 'tap');
  await pickProvince(page, '000000');
  await fire(page, '#rescope-done', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(page.instance._lastRequest.region, '000000');
  assert.deepEqual(page.instance._lastRequest.facts, { ...REFUND_FACTS, layoffs: 3 });
  assertResultShows(page, await ref.estimate(page.instance._lastRequest), await questionsOf(page));
  assert.deepEqual(ctx.forbiddenCalls, []);
});

test('改日期或地区 to a date with no policy in force: the offer, then the result with the answers kept', async () => {
  const page = await open('stabilization_refund', { region: '140000', date: '2025-07-01' });
  await fill(page, REFUND);
  assert.equal(page.data.mode, 'result');
  await fire(page, '#rescope', 'tap');
  await pickDate(page, '2026-03-01');
  await fire(page, '#rescope-done', 'tap');
  assert.equal(page.data.mode, 'form');
  assert.ok(text(page, '#no-policy').includes('没有正在执行'));
  await fire(page, '#use-latest', 'tap');
  // The year moved: the 上年 answers are confirmed on the form first.
  assert.equal(page.data.mode, 'form');
  for (const f of LAST_YEAR) assert.ok(page.querySelector(`#recheck-${f}`), f);
  await fire(page, '#compute', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.deepEqual(page.instance._lastRequest.facts, REFUND_FACTS);
  assert.equal(page.instance._lastRequest.date, '2026-03-01');
  const res = await ref.estimate(page.instance._lastRequest);
  assertResultShows(page, res, await questionsOf(page));
  assert.equal(page.data.result.state, 'other');
  assert.equal(F.resultView(res, { lang: 'zh', date: '2026-03-01' }).verdict.state, 'other');
});

test('an edit the engine refuses stays open with its message; 不改了 brings back the result as it was', async () => {
  const page = await open('stabilization_refund', { region: '140000', date: '2024-07-15' });
  await fill(page, REFUND);
  const before = page.instance._lastRequest;
  const card = text(page, '#result');
  await fire(page, '#edit-layoffs', 'tap');
  await enter(page, 'layoffs', { raw: '81' });
  await fire(page, '#edit-done', 'tap');
  const refused = await ref.estimate(page.instance._lastRequest);
  assert.equal(refused.ok, false, 'more layoffs than insured people: the engine refuses');
  const shown = F.responseError(refused.error, await questionsOf(page), 'zh');
  assert.equal(shown.fact, 'layoffs');
  assert.equal(page.data.mode, 'edit', 'the question stays open');
  assert.equal(text(page, '#err-layoffs'), shown.message.replace(/\s+/g, ' '));
  await fire(page, '#edit-cancel', 'tap');
  assert.equal(page.data.mode, 'result');
  assert.equal(text(page, '#result'), card, 'the result as it was');
  assert.match(text(page, '#answer-layoffs'), /4 人/);
  await fire(page, '#rescope', 'tap');
  await fire(page, '#rescope-done', 'tap');
  assert.deepEqual(page.instance._lastRequest, before, 'the answers it was computed with');
});
