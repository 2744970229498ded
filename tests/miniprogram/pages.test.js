// The pages, driven through each journey with miniprogram-simulate: what the
// page sends is the request the test expects from the typing (read by the
// shared front-end layer: 万, 年, numerals, units), and what it shows is what
// the engine answers for that request (computed here by a separate instance
// of the same module). Nothing is hard-coded from the rules: which policy
// applies, what is asked and what is wrong come from the engine.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');
const { F, TYPED, typedFact, enter, answer, whereOf, assertResultShows } = require('./helpers/journey.js');

const ctx = setup(ROOT);
let ref;
test.before(async () => { ref = await referenceEstimator(ROOT); });

// A wrong entry per journey: typing the shared layer refuses with an example
// (no engine call), or facts the engine refuses together.
const JOURNEYS = [
  { program: 'stabilization_refund', wrong: { fact: 'layoffs', raw: '81', also: { insured_headcount: { raw: '80' } } }, by: 'engine' },
  { program: 'skill_subsidy', wrong: { fact: 'insured_months', raw: '两年半多' }, by: 'typing' },
  { program: 'unemployment_benefit', wrong: { fact: 'contribution_months', raw: '2.5' }, by: 'typing' },
];

const NO_IDS = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

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
    test(`${j.program} (${compiler} compiler): the engine's policy, questions from missing, a wrong entry, the result, optional facts from the result`, async (t) => {
      const page = loadPage(ROOT, 'estimate', compiler);
      await page.instance.onLoad({ program: j.program });
      assert.equal(page.data.loadError, '');
      assert.equal(page.data.loading, false);
      assert.match(page.data.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(page.data.date, F.today(), 'the application date is today unless changed');
      const catalog = await ref.catalog();
      assert.equal(page.data.programTitle, catalog.programs.find((p) => p.id === j.program).title);
      assert.match(text(page), /计算在您的手机上完成，填写的内容不会上传/);

      // Which policy applies is the engine's answer; when none is in force
      // today, the page offers the one the engine names (and nothing else).
      const q0 = await ref.questions(whereOf(page));
      assert.equal(q0.ok, true);
      if (q0.in_force === false) {
        const notice = text(page, '#no-policy');
        assert.ok(notice.includes('没有正在执行'), `the no-policy notice is shown: ${notice}`);
        assert.ok(notice.includes(q0.policy.doc_no), 'it names the engine\'s latest policy');
        assert.ok(notice.includes(q0.policy.valid_from), 'with its dates');
        assert.equal(page.data.questions.length, 0, 'no questions before the person accepts it');
        assert.equal(page.querySelector('#compute'), undefined);
        await fire(page, '#use-latest', 'tap');
        assert.equal(page.data.noPolicy, null);
        assert.equal(page.instance._s.policy, q0.policy.id);
        assert.ok(page.data.policyLabels[page.data.policyIndex].startsWith(q0.policy.doc_no), 'the picker shows it');
      } else {
        t.diagnostic(`a policy is in force today for ${j.program} (${q0.policy.doc_no})`);
        assert.equal(page.querySelector('#no-policy'), undefined);
      }
      const base = whereOf(page);
      const questions = (await ref.questions(base)).questions;

      // The questions shown are the engine's `missing` for the empty request.
      const first = await ref.estimate(base);
      assert.equal(first.ok, true);
      assert.deepEqual(page.data.questions.map((q) => q.fact), first.missing);
      assert.ok(first.missing.length > 0);
      for (const q of page.data.questions) {
        assert.equal(q.kind, F.controlOf(questions.find((x) => x.fact === q.fact), questions).kind, `${q.fact}: the shared layer's control`);
      }

      // 计算 with nothing answered marks every missing question, and the first gets focus.
      await fire(page, '#compute', 'tap');
      for (const f of first.missing) assert.equal(text(page, `#err-${f}`), F.words('zh').errors.required, `${f} is marked unanswered`);
      assert.equal(page.data.questions[0].focus, true, 'the first unanswered question has focus');
      assert.equal(page.data.result, null);

      // A wrong entry: plain words, an example, no internal id, at its question.
      for (const [f, e] of Object.entries(j.wrong.also || {})) await enter(page, f, e);
      await enter(page, j.wrong.fact, { raw: j.wrong.raw });
      for (const f of first.missing) {
        if (f === j.wrong.fact || (j.wrong.also && f in j.wrong.also)) continue;
        await answer(page, f);
      }
      const sentBefore = page.instance._lastRequest;
      await fire(page, '#compute', 'tap');
      const q = questions.find((x) => x.fact === j.wrong.fact);
      let expected;
      if (j.by === 'typing') {
        expected = F.parseAnswer(q, j.wrong.raw, { lang: 'zh', questions });
        assert.equal(expected.ok, false);
        assert.match(expected.message, /例如/, 'the message gives an example');
        assert.equal(page.instance._lastRequest, sentBefore, 'nothing was sent for a wrong entry');
      } else {
        const facts = {};
        for (const f of first.missing) facts[f] = typedFact(f);
        facts[j.wrong.fact] = Number(j.wrong.raw);
        for (const [f, e] of Object.entries(j.wrong.also)) facts[f] = Number(e.raw);
        const wrongReq = { ...base, facts };
        assert.deepEqual(page.instance._lastRequest, wrongReq, 'the page sent what was typed');
        const bad = await ref.estimate(wrongReq);
        assert.equal(bad.ok, false, 'the engine rejects the answers together');
        expected = F.responseError(bad.error, questions, 'zh');
        assert.equal(expected.where, 'fact');
        assert.equal(expected.fact, j.wrong.fact);
      }
      assert.equal(text(page, `#err-${j.wrong.fact}`), expected.message.replace(/\s+/g, ' '));
      assert.doesNotMatch(expected.message, NO_IDS, 'no internal ids in the message');
      assert.equal(page.data.questions.find((x) => x.fact === j.wrong.fact).focus, true, 'focus moves to the faulty field');
      assert.equal(page.data.mode, 'form');

      // Correct it: the message goes as soon as the person types, and 计算 gives the result.
      await answer(page, j.wrong.fact);
      assert.equal(page.querySelector(`#err-${j.wrong.fact}`), undefined, 'the message is cleared on input');
      for (const f of Object.keys(j.wrong.also || {})) await answer(page, f);
      await fire(page, '#compute', 'tap');
      const goodReq = { ...base, facts: {} };
      for (const f of first.missing) goodReq.facts[f] = typedFact(f);
      assert.deepEqual(page.instance._lastRequest, goodReq);
      const good = await ref.estimate(goodReq);
      assert.equal(good.ok, true);
      assert.deepEqual(good.missing, [], 'the journey asked every required fact');
      assertResultShows(page, good, questions);
      assert.deepEqual(page.data.questions, [], 'the form gives way to the result');

      // The engine's optional_missing are offered on the result, each to fill in from there.
      assert.deepEqual(page.data.result.open.map((r) => r.fact), good.optional_missing);
      if (good.optional_missing.length) {
        assert.ok(good.optional_missing.some((x) => TYPED[x]), `some optional fact of ${good.optional_missing.join(', ')} has an entry here`);
        const more = { ...goodReq.facts };
        // One at a time, from what the result offers now (an answer can change what else matters).
        for (let f; (f = page.data.result.open.map((r) => r.fact).find((x) => TYPED[x] && !(x in more)));) {
          await fire(page, `#edit-${f}`, 'tap');
          assert.equal(page.data.mode, 'edit');
          assert.deepEqual(page.data.questions.map((x) => x.fact), [f], 'only that question');
          await answer(page, f);
          await fire(page, '#edit-done', 'tap');
          more[f] = typedFact(f);
          assert.deepEqual(page.instance._lastRequest, { ...goodReq, facts: more });
          const res = await ref.estimate(page.instance._lastRequest);
          assert.deepEqual(res.missing, []);
          assert.equal(page.data.mode, 'result', 'straight back to the result');
          assertResultShows(page, res, questions);
          assert.ok(!page.data.result.open.some((r) => r.fact === f), `${f} is now among the answers`);
        }
        t.diagnostic(`optional answers given from the result: ${Object.keys(more).filter((x) => !(x in goodReq.facts)).join(', ')}`);
      }

      // Sharing gives the page, never the figures.
      const share = page.instance.onShareAppMessage();
      assert.equal(share.path, `/pages/estimate/estimate?program=${j.program}`);
      assert.doesNotMatch(share.title, /\d{2,}/, 'no figure in the share title');
      assert.deepEqual(ctx.forbiddenCalls, [], 'no network, storage or clipboard call');
    });
  }
}

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
  // The page's next engine call (here: the province picker) runs on the
  // fresh instance, loaded again from the package path.
  await fire(page, '#province', 'change', { value: page.data.provinceIndex });
  assert.equal(page.data.formError, '');
  assert.ok(page.data.questions.length > 0 || page.data.noPolicy, 'the page answered');
  assert.deepEqual(ctx.env.calls.slice(callsBefore), ['/core/estimator.wasm.br']);
  assert.equal(await engine.getEstimator(), est, 'the same estimator object, with a new instance inside');
});
