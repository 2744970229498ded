// The pages, driven through each journey with miniprogram-simulate: what the
// page sends is the request the test expects from the typing, and what it
// shows is what the engine answers for that request (computed here by a
// separate instance of the same module). Nothing is hard-coded from the
// rules: regions without a policy in force are found by asking the engine.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');

const ctx = setup(ROOT);
let ref;
test.before(async () => { ref = await referenceEstimator(ROOT); });

// What a person types for each question (raw, as typed), and the fact value
// the contract expects from it. Typing uses a thousands comma and a
// full-width digit on purpose: the page must normalise as the web page does.
const TYPED = {
  unit_type: { raw: 'enterprise', fact: 'enterprise' },
  insured_headcount: { raw: '80', fact: 80 },
  layoffs: { raw: '4', fact: 4 },
  contribution_months: { raw: '３0', fact: 30 },
  contributions_paid: { raw: '56,789.12', fact: '56789.12' },
  worker_status: { raw: 'employed', fact: 'employed' },
  insured_months: { raw: '36', fact: 36 },
  certificate: { raw: 'skill_level', fact: 'skill_level' },
  level: { raw: '4', fact: 4 },
  involuntary: { raw: 'true', fact: true },
  size: { raw: 'sme', fact: 'sme' },
  avg_insured_headcount: { raw: '70', fact: 70 },
  claims_this_year: { raw: '1', fact: 1 },
  previous_levels_same_occupation: { raw: ['5'], fact: [5] },
  training_subsidy_received: { raw: false, fact: false },
  reemployed: { raw: false, fact: false },
  benefit_months_used: { raw: '2', fact: 2 },
};

const JOURNEYS = [
  { program: 'stabilization_refund', wrong: { fact: 'layoffs', raw: '81', also: { insured_headcount: '80' } } },
  { program: 'skill_subsidy', wrong: { fact: 'insured_months', raw: '两年' } },
  { program: 'unemployment_benefit', wrong: { fact: 'contribution_months', raw: '2.5' } },
];

function groupYuan(amountYuan) {
  const [int, dec] = amountYuan.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** Answers one shown question with the TYPED raw value, through its native control. */
async function answer(page, fact, raw) {
  const q = page.data.questions.find((x) => x.fact === fact);
  assert.ok(q, `question ${fact} is on the page`);
  const sel = `#in-${fact}`;
  if (q.control === 'radio' || q.control === 'yesno' || q.control === 'date') return fire(page, sel, 'change', { value: raw });
  if (q.control === 'switch') return fire(page, sel, 'change', { value: raw === true || raw === 'true' });
  if (q.control === 'checkbox') return fire(page, sel, 'change', { value: raw });
  return fire(page, sel, 'input', { value: raw, cursor: String(raw).length });
}

/** A region where the engine has no policy in force today for the program, or null. */
async function regionWithoutPolicy(program, date) {
  const catalog = await ref.catalog();
  for (const r of catalog.regions) {
    const res = await ref.estimate({ region: r.code, date, program, facts: {} });
    if (!res.ok && res.error.code === 'no_policy_in_force' && res.error.latest) return r;
  }
  return null;
}

async function regionWithPolicy(program, date) {
  const catalog = await ref.catalog();
  for (const r of catalog.regions) {
    const res = await ref.estimate({ region: r.code, date, program, facts: {} });
    if (res.ok) return r;
  }
  return null;
}

async function pickRegion(page, code) {
  const catalog = await ref.catalog();
  const region = catalog.regions.find((r) => r.code === code);
  const idx = page.data.regionLabels.indexOf(region.name);
  assert.ok(idx >= 0, `${region.name} is in the region picker`);
  await fire(page, '#region', 'change', { value: idx });
}

function assertResultShows(page, res) {
  const card = text(page, '#result');
  assert.ok(card, 'the result card is shown');
  if (res.eligible === true && res.amount_fen !== null) {
    assert.ok(text(page, '#amount').includes(groupYuan(res.amount_yuan)), `amount ${res.amount_yuan} shown as ${text(page, '#amount')}`);
  }
  if (res.candidates) {
    for (const fen of Object.values(res.candidates)) {
      const y = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      assert.ok(card.includes(groupYuan(y)), `candidate amount ${y} shown`);
    }
  }
  assert.ok(res.conditions.length > 0, 'the engine evaluated conditions');
  for (const c of res.conditions) {
    assert.ok(card.includes(c.text.replace(/\s+/g, ' ')), `condition shown: ${c.text}`);
    assert.ok(card.includes(c.cite.doc_no), `citation shown: ${c.cite.doc_no}`);
    if (c.cite.quote) assert.ok(card.includes(c.cite.quote.replace(/\s+/g, ' ')), `quote shown: ${c.cite.quote}`);
  }
  for (const w of res.whatif || []) assert.ok(card.includes(w.text.replace(/\s+/g, ' ')), `what-if shown: ${w.text}`);
  for (const n of res.notes || []) assert.ok(card.includes(n.replace(/\s+/g, ' ')), `note shown: ${n}`);
  assert.ok(card.includes(res.policy.doc_no), 'the policy is named');
  assert.match(card, /以当地经办机构核定为准/);
  // j-component does not render aria-* into its DOM; the binding itself
  // (aria-label="{{result.aria}}") is checked in package-lint.test.js.
  const aria = page.data.result.aria;
  assert.ok(aria.includes(page.data.result.status), `the result card's aria-label says the outcome (${aria})`);
  if (res.eligible === true && res.amount_fen !== null) assert.ok(aria.includes(groupYuan(res.amount_yuan)), 'and the amount');
}

for (const compiler of ['official', 'simulate']) {
  test(`home page (${compiler} compiler): three journeys, share without figures, the phone-only line`, async () => {
    const page = loadPage(ROOT, 'index', compiler);
    await page.instance.onLoad({});
    await page.instance.whenIdle();
    assert.equal(page.data.loadError, '');
    const before = ctx.navigations.length;
    for (const j of JOURNEYS) {
      await fire(page, `#journey-${j.program}`, 'tap');
    }
    assert.deepEqual(ctx.navigations.slice(before), JOURNEYS.map((j) => `/pages/estimate/estimate?program=${j.program}`));
    assert.match(text(page), /计算在您的手机上完成，填写的内容不会上传/);
    assert.deepEqual(page.instance.onShareAppMessage(), { title: '失业保险待遇 · 手机上自助测算', path: '/pages/index/index' });
  });
}

for (const compiler of ['official', 'simulate']) {
  for (const j of JOURNEYS) {
    test(`${j.program} (${compiler} compiler): region, questions from missing, a wrong input, the result card, optional facts`, async (t) => {
      const page = loadPage(ROOT, 'estimate', compiler);
      await page.instance.onLoad({ program: j.program });
      assert.equal(page.data.loadError, '');
      assert.equal(page.data.loading, false);
      const date = page.data.today;
      assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
      const catalog = await ref.catalog();
      assert.equal(page.data.programTitle, catalog.programs.find((p) => p.id === j.program).title);
      assert.match(text(page), /计算在您的手机上完成，填写的内容不会上传/);

      // Region: one without a policy in force, if there is one (the common
      // case for the expired seed policies), then estimate under the latest.
      let policy = null;
      const none = await regionWithoutPolicy(j.program, date);
      const region = none || await regionWithPolicy(j.program, date);
      assert.ok(region, 'some region has a policy for this program');
      await pickRegion(page, region.code);
      if (none) {
        const expected = await ref.estimate({ region: region.code, date, program: j.program, facts: {} });
        const notice = text(page, '#no-policy');
        assert.ok(notice.includes('没有正在执行'), `the no-policy notice is shown: ${notice}`);
        assert.ok(notice.includes(expected.error.latest.doc_no), 'it names the latest policy');
        if (expected.error.latest.valid_from) assert.ok(notice.includes(expected.error.latest.valid_from), 'with its dates');
        assert.equal(page.data.questions.length, 0, 'no questions before the person accepts the latest policy');
        assert.equal(page.querySelector('#compute'), undefined);
        await fire(page, '#use-latest', 'tap');
        policy = expected.error.latest.id;
        assert.equal(page.data.noPolicy, null);
      } else {
        t.diagnostic(`no region without a policy in force for ${j.program} on ${date}`);
      }

      // The questions shown are the engine's `missing` for the empty request.
      const base = { region: region.code, date, program: j.program, facts: {} };
      if (policy) base.policy = policy;
      const first = await ref.estimate(base);
      assert.equal(first.ok, true);
      assert.deepEqual(page.data.questions.map((q) => q.fact), first.missing);
      assert.ok(first.missing.length > 0);

      // Tapping 计算 with nothing answered marks every missing question.
      await fire(page, '#compute', 'tap');
      for (const f of first.missing) assert.ok(text(page, `#err-${f}`).includes('请回答'), `${f} is marked unanswered`);
      assert.equal(page.data.result, null);

      // A wrong input: the engine's message appears next to the question it names.
      for (const [f, raw] of Object.entries(j.wrong.also || {})) await answer(page, f, raw);
      await answer(page, j.wrong.fact, j.wrong.raw);
      for (const f of first.missing) {
        if (f === j.wrong.fact || (j.wrong.also && f in j.wrong.also)) continue;
        await answer(page, f, TYPED[f].raw);
      }
      await fire(page, '#compute', 'tap');
      const wrongFacts = {};
      for (const f of first.missing) wrongFacts[f] = TYPED[f].fact;
      const wrongReq = { ...base, facts: wrongFacts };
      const badRaw = j.wrong.raw;
      wrongReq.facts[j.wrong.fact] = /^\d+(\.\d+)?$/.test(badRaw) ? Number(badRaw) : badRaw;
      for (const [f, raw] of Object.entries(j.wrong.also || {})) wrongReq.facts[f] = Number(raw);
      assert.deepEqual(page.instance._lastRequest, wrongReq, 'the page sent what was typed');
      const bad = await ref.estimate(wrongReq);
      assert.equal(bad.ok, false, 'the engine rejects the wrong input');
      const badFact = bad.error.path.replace(/^\/facts\//, '');
      assert.ok(bad.error.path.startsWith('/facts/'), `the error names a fact (${bad.error.path})`);
      const errText = text(page, `#err-${badFact}`);
      assert.equal(errText, bad.error.message.replace(/\s+/g, ' '), 'the engine\'s message is shown at that question');
      const shownQ = page.data.questions.find((q) => q.fact === badFact);
      assert.equal(shownQ.error, bad.error.message, 'the error\'s aria-label carries the message (aria-label="{{q.label}}：{{q.error}}")');
      assert.equal(page.data.result, null, 'no result while an answer is wrong');

      // Correct it: the message goes as soon as the person types, and 计算 gives the result.
      await answer(page, j.wrong.fact, TYPED[j.wrong.fact].raw);
      assert.equal(page.querySelector(`#err-${badFact}`), undefined, 'the message is cleared on input');
      await fire(page, '#compute', 'tap');
      const goodReq = { ...base, facts: {} };
      for (const f of first.missing) goodReq.facts[f] = TYPED[f].fact;
      assert.deepEqual(page.instance._lastRequest, goodReq);
      const good = await ref.estimate(goodReq);
      assert.equal(good.ok, true);
      assert.deepEqual(good.missing, [], 'the journey asked every required fact');
      assertResultShows(page, good);

      // Then the engine's optional_missing are offered (not required).
      const offered = page.data.questions.filter((q) => !q.required).map((q) => q.fact);
      assert.deepEqual(offered, good.optional_missing, 'optional questions are the engine\'s optional_missing');
      if (good.optional_missing.length) {
        assert.match(text(page, '#extras-title'), /可以不填/);
        const chosen = good.optional_missing.filter((x) => TYPED[x]);
        assert.ok(chosen.length > 0, `some optional fact of ${good.optional_missing.join(', ')} has a typed answer here`);
        for (const f of chosen) await answer(page, f, TYPED[f].raw);
        assert.equal(text(page, '#compute'), '重新计算');
        await fire(page, '#compute', 'tap');
        const moreFacts = { ...goodReq.facts };
        for (const f of chosen) moreFacts[f] = TYPED[f].fact;
        const moreReq = { ...goodReq, facts: moreFacts };
        assert.deepEqual(page.instance._lastRequest, moreReq);
        assertResultShows(page, await ref.estimate(moreReq));
      }

      // Sharing gives the page, never the figures.
      const share = page.instance.onShareAppMessage();
      assert.equal(share.path, `/pages/estimate/estimate?program=${j.program}`);
      for (const v of Object.values(goodReq.facts)) {
        if (typeof v === 'number' || typeof v === 'string') assert.ok(!share.title.includes(String(v)) || String(v).length < 2, 'no figure in the share title');
      }
      assert.deepEqual(ctx.forbiddenCalls, [], 'no network, storage or clipboard call');
    });
  }
}

test('the policy-year picker evaluates under the chosen policy', async () => {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'stabilization_refund' });
  const date = page.data.today;
  // A region whose picker lists at least one specific policy.
  const catalog = await ref.catalog();
  let found = false;
  for (const r of catalog.regions) {
    await pickRegion(page, r.code);
    if (page.data.policyLabels.length < 2) continue;
    found = true;
    await fire(page, '#policy', 'change', { value: 1 });
    const id = page.instance._policy;
    assert.ok(id, 'a policy id is chosen');
    assert.equal(page.data.noPolicy, null, 'an explicitly chosen policy is evaluated, in force or not');
    const res = await ref.estimate({ region: r.code, date, program: 'stabilization_refund', policy: id, facts: {} });
    assert.equal(res.ok, true);
    assert.equal(res.policy.id, id);
    assert.deepEqual(page.data.questions.map((q) => q.fact), res.missing);
    assert.ok(page.data.policyLabels[1].includes(res.policy.doc_no), 'the picker names the document');
    break;
  }
  assert.ok(found, 'some region lists a policy for 稳岗返还');
});

test('a region given in the page link (a service hall\'s QR code) is preselected', async () => {
  const catalog = await ref.catalog();
  const region = catalog.regions.find((r) => r.code !== '000000');
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'unemployment_benefit', region: region.code });
  assert.equal(page.data.regionLabels[page.data.regionIndex], region.name);
});

test('not eligible: the failed condition, its citation and the engine\'s what-if hint are shown', async () => {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'stabilization_refund' });
  const date = page.data.today;
  const region = await regionWithoutPolicy('stabilization_refund', date) || await regionWithPolicy('stabilization_refund', date);
  await pickRegion(page, region.code);
  if (page.querySelector('#use-latest')) await fire(page, '#use-latest', 'tap');
  // Many layoffs for the head count: the layoff-rate condition fails.
  const typed = { unit_type: 'enterprise', insured_headcount: '80', layoffs: '30', contribution_months: '24', contributions_paid: '56789.12' };
  for (const q of page.data.questions) await answer(page, q.fact, typed[q.fact]);
  await fire(page, '#compute', 'tap');
  const res = await ref.estimate(page.instance._lastRequest);
  assert.deepEqual(page.instance._lastRequest.facts, { unit_type: 'enterprise', insured_headcount: 80, layoffs: 30, contribution_months: 24, contributions_paid: '56789.12' });
  assert.equal(res.ok, true);
  assert.equal(res.eligible, false);
  assert.ok(res.whatif.length > 0, 'the engine gives a what-if hint');
  assertResultShows(page, res);
  assert.match(text(page, '#result'), /暂不符合/);
  assert.equal(page.querySelector('#amount'), undefined, 'no amount when not eligible');
  const failed = page.data.result.conditions.filter((c) => c.state === 'fail');
  assert.deepEqual(failed.map((c) => c.id), res.conditions.filter((c) => c.passed === false).map((c) => c.id));
  assert.ok(failed.every((c) => c.aria.startsWith('不符合')), 'each failed condition is labelled as such');
  assert.deepEqual(page.data.questions.filter((q) => !q.required), [], 'nothing optional is offered when nothing can change the answer');
});

test('a trapped instance is replaced behind the page: the page keeps working, and the failed call says to try again', async () => {
  // The page's engine module is the one Node's require cache holds for this path.
  const engine = require(require('node:path').join(ROOT, 'core', 'engine.js'));
  const est = await engine.getEstimator();
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'skill_subsidy' });
  const restartsBefore = est.restarts;
  const callsBefore = ctx.env.calls.length;
  await assert.rejects(est._selfTestFault(2), (e) => e.code === 'engine_failure');
  assert.equal(est.restarts, restartsBefore + 1);
  assert.equal(engine.messageOf({ code: 'engine_failure' }), '计算出错，已自动重新启动计算模块，请再点一次“计算”。');
  // The page's next engine call (here: the region picker) runs on the fresh
  // instance, loaded again from the package path.
  await fire(page, '#region', 'change', { value: page.data.regionIndex });
  assert.equal(page.data.formError, '');
  assert.ok(page.data.questions.length > 0 || page.data.noPolicy, 'the page answered');
  assert.deepEqual(ctx.env.calls.slice(callsBefore), ['/core/estimator.wasm.br']);
  assert.equal(await getEstimatorSame(engine, est), true, 'the same estimator object, with a new instance inside');
});

async function getEstimatorSame(engine, est) {
  return (await engine.getEstimator()) === est;
}
