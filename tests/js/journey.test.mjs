// The shared journey (web/shared/journey.js) on the real engine (the wasm
// build): what is asked next and in which order, answers and their errors,
// skips, an edit from the result, a change of date that re-asks what "上年"
// meant, no policy in force, the form of the mini-program; and that no
// transition changes the state it was given.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { estimator } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const J = require('../../web/shared/journey.js');

/** Deep-frozen, so a transition that changed its input would throw. */
function frozen(o) {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) frozen(v);
  }
  return o;
}

/** The host loop every front end runs, on a frozen state each step. */
async function settle(s) {
  const e = await estimator();
  let state = frozen(s);
  while (state.need) state = frozen(J.received(state, await e[state.need](J.requestOf(state)), 'zh'));
  return state;
}

/** Answers what is asked from `answers`, skipping the rest; returns the state and the facts asked. */
async function walk(s, answers) {
  const asked = [];
  let state = await settle(s);
  while (state.screen === 'question') {
    const fact = state.current;
    asked.push(fact);
    assert.ok(asked.filter((f) => f === fact).length < 3, `stuck on ${fact}`);
    state = await settle(fact in answers ? J.answer(state, fact, answers[fact], 'zh') : J.skip(state, fact));
    assert.equal(state.error, null, JSON.stringify(state.error));
  }
  return { state, asked };
}

const where = (program, province, date, city = '') => J.setWhere(J.start({ program }), { province, city, date });
const SME = { unit_type: '企业', size: '中小微企业', insured_headcount: '80', layoffs: '4', contribution_months: '2年',
              contributions_paid: '5.678912万' };

test('what decides the months is asked before the yes/no checks; the person\'s own standard last', async () => {
  const { state, asked } = await walk(where('unemployment_benefit', '000000', '2026-12-06'),
    { contribution_months: '2年', separation_reason: '其他情况', involuntary: '是' });
  assert.deepEqual(asked.slice(0, 3), ['contribution_months', 'separation_reason', 'involuntary'], 'missing first');
  assert.ok(asked.indexOf('birth_month') < asked.indexOf('reemployed'), asked.join());
  assert.ok(asked.indexOf('retirement_group') < asked.indexOf('emigrated'), asked.join());
  assert.equal(asked.at(-1), 'local_monthly_standard');
  assert.equal(state.screen, 'result');
  assert.equal(state.result.eligible, true);
  assert.equal(state.facts.contribution_months, 24, '2年 read as 24 months');
});

test('a wrong answer stays as typed with its message; an emptied required one is asked again; an emptied optional one is skipped', async () => {
  let s = await settle(where('stabilization_refund', '140000', '2024-07-15'));
  assert.equal(s.current, 'unit_type');
  s = await settle(J.answer(s, 'unit_type', '企业', 'zh'));
  assert.equal(s.current, 'insured_headcount');
  const wrong = J.answer(s, 'insured_headcount', '八十几', 'zh');
  assert.equal(wrong.need, null, 'nothing to ask the engine');
  assert.equal(wrong.error.fact, 'insured_headcount');
  assert.match(wrong.error.message, /整数/);
  assert.equal(wrong.drafts.insured_headcount, '八十几');
  const empty = J.answer(s, 'insured_headcount', '  ', 'zh');
  assert.equal(empty.error.message, '请先回答这一题。');
  const { state } = await walk(s, SME);
  assert.equal(state.screen, 'result');
  assert.equal(state.result.amount_fen, 3407347);
  const optional = J.answer(J.edit(state, 'seriously_dishonest'), 'seriously_dishonest', '', 'zh');
  assert.ok(optional.skipped.includes('seriously_dishonest'));
  assert.equal(optional.need, 'estimate');
});

test('an answer changed from the result goes straight back to it; what is optional then waits there', async () => {
  const { state } = await walk(where('stabilization_refund', '140000', '2024-07-15'), SME);
  let s = J.edit(state, 'layoffs');
  assert.equal(s.screen, 'question');
  assert.equal(s.editing, true);
  s = await settle(J.answer(s, 'layoffs', '30', 'zh'));
  assert.equal(s.screen, 'result');
  assert.equal(s.result.eligible, false);
  assert.equal(s.editing, false);
});

test('the date changed from the result: every answer kept, those about 上年 asked again for the new year', async () => {
  const { state } = await walk(where('stabilization_refund', '140000', '2024-07-15'), SME);
  const same = await settle(J.setWhere(J.rescope(state), { province: '140000', date: '2024-09-01' }));
  assert.equal(same.screen, 'result', 'the same year: straight back to the result');
  assert.deepEqual(same.facts, state.facts);

  let s = await settle(J.setWhere(J.rescope(state), { province: '140000', date: '2025-03-01' }));
  assert.equal(s.screen, 'question');
  assert.deepEqual([...s.recheck].sort(), ['contributions_paid', 'insured_headcount', 'layoffs'].sort(),
                   'the answers whose label says 上年');
  assert.equal(s.current, s.recheck[0]);
  assert.equal(J.isRequired(s, s.current), true, 'a re-asked answer cannot be skipped');
  assert.equal(s.drafts[s.current], state.drafts[s.current], 'it starts from the answer given for 2023, as typed');
  const asked = [];
  while (s.screen === 'question') {
    asked.push(s.current);
    s = await settle(J.answer(s, s.current, s.drafts[s.current], 'zh'));
  }
  assert.deepEqual(asked.sort(), ['contributions_paid', 'insured_headcount', 'layoffs'].sort());
  assert.equal(s.screen, 'result');
  assert.equal(s.date, '2025-03-01');
  assert.equal(s.result.policy.in_force, true);
});

test('labels that say 上年 name the year', () => {
  const q = { fact: 'insured_headcount', label: '上年末单位参保人数', label_en: 'Insured employees at the end of last year' };
  assert.equal(J.datedLabel(q, '2026-03-01', 'zh'), '上年末（2025年末）单位参保人数');
  assert.equal(J.datedLabel(q, '2026-03-01', 'en'), 'Insured employees at the end of last year (2025)');
  assert.equal(J.datedLabel({ label: '上年度实际缴纳的失业保险费' }, '2025-01-01', 'zh'), '上年度（2024年度）实际缴纳的失业保险费');
  assert.equal(J.datedLabel({ label: '上一份工作是怎么结束的' }, '2025-01-01', 'zh'), '上一份工作是怎么结束的');
  const [dated, other] = J.datedQuestions([q, { fact: 'x', label: '出生年月' }], '2025-06-30');
  assert.equal(dated.label, '上年末（2024年末）单位参保人数');
  assert.equal(q.label, '上年末单位参保人数', 'the engine\'s question is left as it was');
  assert.equal(other.label, '出生年月');
});

test('no policy in force: the latest is offered, and estimating under it asks its questions', async () => {
  let s = await settle(where('stabilization_refund', '140000', '2026-11-22'));
  assert.equal(s.screen, 'nopolicy');
  assert.equal(s.policyInfo.doc_no, '晋人社厅发〔2025〕13号');
  s = await settle(J.useLatest(s));
  assert.equal(s.screen, 'question');
  assert.equal(s.policy, s.policyInfo.id);
});

test('a region or date the engine refuses goes back to where, with the message', async () => {
  const s = await settle(where('stabilization_refund', '999999', '2024-07-15'));
  assert.equal(s.screen, 'where');
  assert.equal(s.error.where, 'where');
  assert.ok(s.error.message.length > 3);
  const none = J.setWhere(J.start({ program: 'skill_subsidy' }), { province: '', date: '2024-01-01' }, { needProvince: 'P' });
  assert.deepEqual(none.error, { where: 'where', message: 'P' });
  assert.equal(none.need, null);
});

test('the form (the mini-program): every draft read at once, an error per field, then the estimate', async () => {
  let s = await settle(J.setWhere(J.start({ program: 'skill_subsidy', form: true }), { province: '660000', date: '2024-04-20' }));
  assert.equal(s.screen, 'form', 'a form is never one question per screen');
  assert.ok(J.formFacts(s).includes('worker_status'), J.formFacts(s).join());
  s = J.draft(J.draft(s, 'insured_months', '一年半'), 'worker_status', 'employed');
  s = J.draft(s, 'level', '很高');
  const bad = J.answerAll(frozen(s), 'zh');
  assert.deepEqual(Object.keys(bad.errors), ['level']);
  assert.equal(bad.state.need, null);
  const good = J.answerAll(J.draft(s, 'level', '四级'), 'zh');
  assert.deepEqual(good.errors, {});
  assert.equal(good.state.facts.insured_months, 18);
  const after = await settle(good.state);
  assert.ok(after.result.missing.length > 0, 'the certificate is still to answer');
  assert.equal(after.screen, 'form', 'so the form stays, to answer it');
  const full = J.answerAll(J.draft(J.draft(after, 'certificate', 'skill_level'), 'previous_levels', []), 'zh');
  const done = await settle(full.state);
  assert.equal(done.result.missing.length, 0, JSON.stringify(done.result.missing));
  assert.equal(done.screen, 'result', 'everything answered and submitted: the result');
});

test('a share link opens on its result, with what is optional left to answer there', async () => {
  const shared = { region: '140000', date: '2024-07-15', program: 'stabilization_refund',
                   facts: { unit_type: 'enterprise', size: 'sme', insured_headcount: 80, layoffs: 4, contribution_months: 24,
                            contributions_paid: '56789.12' } };
  const s = await settle(J.fromShare(shared, { province: '140000', city: '' }, 'from a link'));
  assert.equal(s.screen, 'result');
  assert.equal(s.result.amount_fen, 3407347);
  assert.ok(s.skipped.length > 0, 'the optional questions are listed as not answered');
  assert.equal(s.notice, 'from a link');
});
