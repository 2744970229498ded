// The what-if panel's state (web/screen/reform-model.mjs), on the engine's
// real parameters: the reform it makes is the one the engine accepts and
// answers with; the uplift's two forms; a saved reform and a link's fragment
// read back to the same panel; a reform for another policy is refused; the
// field an engine issue points at.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as M from '../../web/screen/reform-model.mjs';
import { estimator } from './lib/env.mjs';

const est = await estimator();
const SCOPE = { region: '140100', date: '2025-08-01', program: 'stabilization_refund' };
const params = await est.parameters(SCOPE);
const UNIT = { ...SCOPE, facts: { unit_type: 'enterprise', size: 'sme', contribution_months: 24, insured_headcount: 100, layoffs: 1, contributions_paid: '10000' } };

async function amountUnder(reform, facts = {}) {
  const r = await est.reform(JSON.stringify(reform));
  try {
    const s = await est.openSession({ ...SCOPE, input: 'jsonl', output: 'none', reform: r });
    s.feed(`${JSON.stringify({ ...UNIT, facts: { ...UNIT.facts, ...facts } })}\n`);
    s.finish();
    const t = s.tally;
    s.close();
    return t.amount_fen;
  } finally {
    r.drop();
  }
}

test('a fresh panel holds every editable parameter at its value in force, and makes no reform', () => {
  const p = M.newPanel(params);
  assert.equal(p.base, 'sx-2025-13');
  assert.equal(p.values.refund_rate_sme, '60%');
  assert.equal(p.values.min_contribution_months, '12');
  assert.equal(M.reformOf(p), null);
  assert.ok(M.upliftApplies(p.params));
});

test('a typed rate (with or without %) makes the reform the engine answers with', async () => {
  let p = M.setValue(M.newPanel(params), 'refund_rate_sme', '40');
  const reform = M.reformOf(p);
  assert.deepEqual(reform.set, { refund_rate_sme: '40%' });
  assert.match(reform.id, /^[a-z0-9_-]{1,64}$/);
  assert.equal(await amountUnder(reform), 400000);
  p = M.setValue(p, 'refund_rate_sme', '60%');
  assert.equal(M.reformOf(p), null, 'typing the value in force again changes nothing');
});

test('the uplift for every enterprise, and for the units a column marks', async () => {
  const all = M.reformOf(M.setUplift(M.newPanel(params), 'all'));
  assert.deepEqual(all.set, { refund_rate_sme: '90%', refund_rate_large: '50%' });
  assert.equal(await amountUnder(all), 900000);
  const column = M.reformOf(M.setUplift(M.setValue(M.newPanel(params), 'refund_rate_sme', '50%'), 'column'));
  assert.deepEqual(column.set.refund_rate_sme, { value: '50%', when: [{ fact: 'related_enterprise', equals: true, value: '90%' }] });
  assert.equal(await amountUnder(column), 500000);
  assert.equal(await amountUnder(column, { related_enterprise: true }), 900000);
});

test('a saved reform and a link\'s fragment read back to the same panel', () => {
  const p = M.setTitle(M.setUplift(M.setValue(M.newPanel(params), 'min_contribution_months', '6'), 'column'), '六个月，相关企业提高');
  const reform = M.reformOf(p);
  const again = M.panelFrom(M.newPanel(params), JSON.parse(JSON.stringify(reform)));
  assert.deepEqual(M.reformOf(again), reform);
  const fragment = M.linkFragment(reform);
  assert.match(fragment, /^reform=[A-Za-z0-9_-]+$/);
  assert.deepEqual(M.fromFragment(`#${fragment}`), reform);
  assert.equal(M.fromFragment('#reform=!!!'), null);
  const everyUnit = M.panelFrom(M.newPanel(params), M.reformOf(M.setUplift(M.newPanel(params), 'all')));
  assert.equal(everyUnit.uplift, 'all');
  assert.equal(everyUnit.values.refund_rate_sme, '60%');
});

test('a reform for another policy, or no reform at all, is refused with why', () => {
  const other = M.panelFrom(M.newPanel(params), { kind: 'reform', base: 'sx-2024-28', program: 'stabilization_refund', set: {} });
  assert.match(other.issues[0].message, /sx-2024-28/);
  assert.match(M.panelFrom(M.newPanel(params), { kind: 'policy' }).issues[0].message, /不是测算方案/);
});

test('an engine issue points at its field', async () => {
  const p = M.setValue(M.newPanel(params), 'min_contribution_months', '-3');
  await assert.rejects(est.reform(JSON.stringify(M.reformOf(p))), (e) => {
    assert.equal(e.code, 'invalid_reform');
    assert.equal(M.issueField(e.issues[0].pointer), 'min_contribution_months');
    assert.match(e.issues[0].message_en, /whole number/);
    return true;
  });
  assert.equal(M.issueField('/set/a~1b/when/0'), 'a/b');
  assert.equal(M.issueField('/title'), '');
});

test('a policy with the uplift in force (the national rules from 2025-07-09): the panel starts from it and keeps it', async () => {
  const NATIONAL = { region: '110100', date: '2025-08-01', program: 'stabilization_refund' };
  const national = await est.parameters(NATIONAL);
  assert.equal(national.policy.id, 'cn-2025-18');
  const p = M.newPanel(national);
  assert.equal(p.upliftInForce, 'column');
  assert.equal(p.uplift, 'column');
  assert.equal(M.reformOf(p), null, 'the panel as it opens is the policy in force');
  // A lower SME rate keeps the raise for 相关企业.
  const lower = M.reformOf(M.setValue(p, 'refund_rate_sme', '40%'));
  assert.deepEqual(lower.set, { refund_rate_sme: { value: '40%', when: [{ fact: 'related_enterprise', equals: true, value: '90%' }] } });
  // 不提高: both rates lose the raise.
  const none = M.reformOf(M.setUplift(p, 'none'));
  assert.deepEqual(none.set, { refund_rate_sme: '60%', refund_rate_large: '30%' });
  assert.deepEqual(M.reformOf(M.panelFrom(M.newPanel(national), none)), none);
  assert.deepEqual(M.reformOf(M.panelFrom(M.newPanel(national), lower)), lower);
  // What the panel cannot draw is refused, not rewritten: another raised value, or one rate raised and the other not.
  const eighty = { ...lower, set: { refund_rate_sme: { value: '60%', when: [{ fact: 'related_enterprise', equals: true, value: '80%' }] } } };
  assert.match(M.panelFrom(M.newPanel(national), eighty).issues[0].message, /面板无法表示/);
  assert.match(M.panelFrom(M.newPanel(national), { ...none, set: { refund_rate_sme: '60%' } }).issues[0].message, /面板无法表示/);
  // The field shows the raised ceiling while the uplift applies to every enterprise.
  assert.equal(M.shownValue(M.setUplift(p, 'all'), p.params.find((x) => x.id === 'refund_rate_sme')), '90%');
});
