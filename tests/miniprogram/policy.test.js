// Which policy applies is the engine's answer, never the page's: on a date
// with no policy in force the page offers the latest one the engine names
// (questions: in_force false and its policy; estimate: no_policy_in_force
// and error.latest), on a date with one in force it sends no policy at all.
// And the region pickers: prefecture codes from a QR code, the city list
// with "未列出的城市请选全省".
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');
const { F, answer, typedFact, pickDate, pickProvince, whereOf, assertResultShows } = require('./helpers/journey.js');

setup(ROOT);
let ref;
test.before(async () => { ref = await referenceEstimator(ROOT); });

// December 2026, as this was written: the 2025 documents (人社部发〔2025〕18号
// and the provinces' 2025 notices) expired on 2025-12-31 and no 2026 text
// is in the rules, so no policy is in force for these two programs.
const DEC_2026 = '2026-12-02';

async function openOn(program, date, query = {}) {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program, ...query });
  await pickDate(page, date);
  return page;
}

async function answerAll(page) {
  for (const q of page.data.questions) await answer(page, q.fact);
  await fire(page, '#compute', 'tap');
}

for (const program of ['stabilization_refund', 'skill_subsidy']) {
  for (const region of ['000000', '140000']) {
    test(`${program} in ${region} on ${DEC_2026}: no policy in force, the page offers the engine's latest (2025) and estimates under it`, async () => {
      const page = await openOn(program, DEC_2026);
      await pickProvince(page, region);
      const q = await ref.questions({ region, date: DEC_2026, program, facts: {} });
      const e = await ref.estimate({ region, date: DEC_2026, program, facts: {} });
      assert.equal(q.in_force, false, 'the engine says no policy is in force');
      assert.equal(e.error.code, 'no_policy_in_force');
      assert.equal(e.error.latest.id, q.policy.id, 'both answers name the same latest policy');
      assert.match(q.policy.valid_from, /^2025-/, 'the latest is a 2025 document');

      const notice = text(page, '#no-policy');
      assert.ok(notice.includes(`${DEC_2026}，${F.regionName(await ref.catalog(), region, 'zh')}没有正在执行的「${page.data.programTitle}」政策`), notice);
      assert.equal(text(page, '#latest'), `最近的一份是：${q.policy.doc_no}《${q.policy.title}》，执行期 ${q.policy.valid_from} 至 ${q.policy.valid_to}。`);
      assert.equal(page.data.noPolicy.id, q.policy.id);
      assert.equal(page.data.questions.length, 0);
      assert.equal(page.instance._s.policy, null, 'nothing chosen by the page');

      await fire(page, '#use-latest', 'tap');
      assert.equal(page.instance._s.policy, q.policy.id);
      assert.equal(page.data.noPolicy, null);
      const first = await ref.estimate({ ...whereOf(page) });
      assert.deepEqual(page.data.questions.map((x) => x.fact), first.missing);
      await answerAll(page);
      const facts = {};
      for (const f of first.missing) facts[f] = typedFact(f);
      assert.deepEqual(page.instance._lastRequest, { region, date: DEC_2026, program, policy: q.policy.id, facts });
      const res = await ref.estimate(page.instance._lastRequest);
      assertResultShows(page, res, q.questions);
      assert.equal(res.policy.in_force, false);
      assert.equal(text(page, '#not-in-force'), `这份政策已于 ${q.policy.valid_to} 到期，以下按它估算，仅供参考。`);
    });
  }
}

test('on a date with a policy in force the page sends no policy: the engine picks it, and the result names it', async () => {
  const date = '2024-07-15';
  const page = await openOn('stabilization_refund', date);
  await pickProvince(page, '140000');
  const q = await ref.questions({ region: '140000', date, program: 'stabilization_refund', facts: {} });
  assert.equal(q.in_force, true);
  assert.equal(page.querySelector('#no-policy'), undefined);
  assert.equal(page.data.policyIndex, 0, 'the picker stays on "the policy in force on the date"');
  await answerAll(page);
  assert.equal('policy' in page.instance._lastRequest, false, 'no policy in the request');
  const res = await ref.estimate(page.instance._lastRequest);
  assert.equal(res.policy.id, q.policy.id);
  assertResultShows(page, res, q.questions);
  assert.equal(page.querySelector('#not-in-force'), undefined);

  // 修改全部回答 → another date: the engine's choice changes with it.
  await fire(page, '#edit-all', 'tap');
  assert.equal(page.data.mode, 'form');
  await pickDate(page, DEC_2026);
  assert.ok(page.data.noPolicy, 'no policy in force on the new date');
});

test('unemployment_benefit has a policy in force in December 2026: no notice, the questions at once', async () => {
  const page = await openOn('unemployment_benefit', DEC_2026);
  const q = await ref.questions(whereOf(page));
  assert.equal(q.in_force, true);
  assert.equal(page.data.noPolicy, null);
  assert.deepEqual(page.data.questions.map((x) => x.fact), (await ref.estimate(whereOf(page))).missing);
});

test('the policy picker: a chosen policy is evaluated, in force or not; its labels are the shared layer\'s', async () => {
  const page = await openOn('stabilization_refund', DEC_2026);
  await pickProvince(page, '140000');
  const catalog = await ref.catalog();
  const choices = F.policyChoices(catalog, 'stabilization_refund', '140000', 'zh');
  assert.deepEqual(page.data.policyLabels, choices.map((c) => c.label));
  const older = choices.findIndex((c) => c.policy && /^2024-/.test(c.policy.from));
  assert.ok(older > 0, 'a 2024 policy is listed');
  await fire(page, '#policy', 'change', { value: older });
  assert.equal(page.instance._s.policy, choices[older].id);
  assert.equal(page.data.noPolicy, null, 'a chosen policy is evaluated as chosen');
  const res = await ref.estimate(whereOf(page));
  assert.equal(res.policy.id, choices[older].id);
  assert.deepEqual(page.data.questions.map((x) => x.fact), res.missing);
});

test('a region in the page link (a service hall\'s QR code): a prefecture with rules of its own, or any other city of a province', async () => {
  const catalog = await ref.catalog();
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'unemployment_benefit', region: '371500' });
  assert.equal(page.data.provinceLabels[page.data.provinceIndex], F.regionName(catalog, '370000', 'zh'));
  assert.equal(page.data.cityLabels[page.data.cityIndex], '聊城市');
  assert.equal(page.instance._lastRequest.region, '371500');
  assert.deepEqual(page.data.questions.map((x) => x.fact), (await ref.estimate(whereOf(page))).missing);

  const other = loadPage(ROOT, 'estimate', 'official');
  await other.instance.onLoad({ program: 'unemployment_benefit', region: '370100' });   // 济南: the province's rules
  assert.equal(other.data.provinceLabels[other.data.provinceIndex], F.regionName(catalog, '370000', 'zh'));
  assert.equal(other.data.cityIndex, 0);
  assert.equal(other.instance._lastRequest.region, '370000');
});

test('the city picker lists the cities with rules of their own after 全省, and says where every other city goes', async () => {
  const catalog = await ref.catalog();
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'stabilization_refund' });
  assert.deepEqual(page.data.cityLabels, [], 'no city picker for the national rules');
  await pickProvince(page, '140000');
  const { cities, note } = F.cityChoices(catalog, '140000', 'zh');
  assert.deepEqual(page.data.cityLabels, ['全省 / 不选城市', ...cities.map((c) => c.name)]);
  assert.equal(text(page, '#city-note'), note);
  assert.match(note, /未列出的城市请选全省/);
  await fire(page, '#city', 'change', { value: 1 });
  assert.equal(page.instance._region(), cities[0].code);
});
