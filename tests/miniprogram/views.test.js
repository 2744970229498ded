// The mini-program's WeChat glue (utils/views.js) on the shared front-end
// layer: the package carries web/shared/uie-front.js unchanged, loads it in
// the logic layer, and turns its views into WXML data and native control
// values into entries, on the engine's real questions and answers.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const pkg = require('./helpers/package.js');
const { createRealm } = require('./helpers/wechat.js');

const ROOT = pkg.ensurePackage();
const views = require(path.join(ROOT, 'utils', 'views.js'));
const F = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'uie-front.js'));
const J = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'journey.js'));

let est;
test.before(async () => { est = await createRealm({ packageRoot: ROOT }).require('/core/engine.js').getEstimator(); });

const parse = (text) => JSON.parse(JSON.stringify(text));   // objects of this realm
async function questions(request) {
  const q = parse(await est.questions({ ...request, facts: {} }));
  assert.equal(q.ok, true);
  return q.questions;
}

const SHANXI = { region: '140000', date: '2024-07-15' };

test('the package carries the shared layer and the journey unchanged, and the logic layer loads them through the glue', () => {
  for (const f of ['uie-front.js', 'journey.js']) {
    const copy = fs.readFileSync(path.join(ROOT, 'shared', f));
    assert.ok(copy.equals(fs.readFileSync(path.join(pkg.REPO_ROOT, 'web', 'shared', f))), `byte for byte web/shared/${f}`);
  }
  assert.deepEqual(pkg.builder.staleFiles(), [], 'build.js --check: current');
  const realm = createRealm({ packageRoot: ROOT });
  const v = realm.require('/utils/views.js');
  assert.equal(v.F, realm.require('/shared/uie-front.js'), 'views.js uses the package\'s copy');
  assert.equal(v.J, realm.require('/shared/journey.js'), 'and the package\'s journey');
  assert.equal(v.J.datedLabel({ label: '上年末单位参保人数' }, '2026-03-01', 'zh'), '上年末（2025年末）单位参保人数');
  const q = { fact: 'm', type: 'count', unit: '个月', max: 1200 };
  assert.equal(realm.run('JSON.stringify')(v.parse(q, [q], '1年6个月')), JSON.stringify({ ok: true, value: 18, note: '1年6个月 = 18 个月' }));
});

test('each engine question gets the native control of its shared-layer kind', async () => {
  for (const program of ['stabilization_refund', 'skill_subsidy', 'unemployment_benefit']) {
    const qs = await questions({ ...SHANXI, program });
    for (const q of qs) {
      const c = F.controlOf(q, qs);
      const v = views.questionView(q, qs, {});
      assert.equal(v.kind, c.kind, q.fact);
      const native = { radio: 'radio', yesno: 'radio', checkbox: 'checkbox', date: 'date', month: 'month' }[c.kind] || 'input';
      assert.equal(v.control, native, `${q.fact}: ${c.kind} → ${native}`);
      if (native === 'input') assert.equal(v.inputType, c.keyboard === 'numeric' ? 'number' : 'text', `${q.fact}: keyboard ${c.keyboard}`);
      assert.deepEqual(v.options.map((o) => o.label), c.options.map((o) => F.optionLabel(o, 'zh')));
      assert.equal(v.required, q.required !== false);
      assert.equal(v.label, q.label, 'without a date, the label as it is');
      assert.equal(views.questionView(q, qs, { date: SHANXI.date }).label, J.datedLabel(q, SHANXI.date, 'zh'), `${q.fact}: dated`);
      if (q.cite) assert.ok(v.cite.startsWith(q.cite.doc_no), `${q.fact} cites its document`);
    }
  }
  const qs = await questions({ ...SHANXI, program: 'stabilization_refund' });
  const money = views.questionView(qs.find((q) => q.fact === 'contributions_paid'), qs, {});
  assert.equal(money.inputType, 'text', '万 and 元 can be typed');
  const skill = await questions({ ...SHANXI, program: 'skill_subsidy' });
  const previous = views.questionView(skill.find((q) => q.fact === 'previous_levels_same_occupation'), skill, { draft: [4] });
  assert.equal(previous.control, 'checkbox');
  assert.deepEqual(previous.options.filter((o) => o.checked).map((o) => o.label), ['四级/中级工']);
});

test('native event values become entries: an index for a radio, indexes for check boxes, text for inputs', async () => {
  const skill = await questions({ ...SHANXI, program: 'skill_subsidy' });
  const level = skill.find((q) => q.fact === 'level');
  const previous = skill.find((q) => q.fact === 'previous_levels_same_occupation');
  const months = skill.find((q) => q.fact === 'insured_months');
  assert.equal(views.entered(level, skill, '1'), level.options[1].value);
  assert.equal(views.entered(level, skill, '99'), undefined);
  assert.deepEqual(views.entered(previous, skill, ['3', '0']), [5, 2], 'in the options\' order');
  assert.deepEqual(views.entered(previous, skill, []), []);
  assert.equal(views.entered(months, skill, '3年'), '3年');
  const shanxi = await questions({ ...SHANXI, program: 'stabilization_refund' });
  const yes = shanxi.find((q) => q.type === 'bool');
  assert.equal(views.entered(yes, shanxi, '0'), true);
  assert.equal(views.entered(yes, shanxi, '1'), false);
  // And each entry reads as the shared layer reads it.
  assert.deepEqual(views.parse(previous, skill, [5, 2]), { ok: true, value: [5, 2], note: null });
  assert.equal(views.parse(months, skill, '3年').value, 36);
});

test('the result card: the shared layer\'s verdict, reasons with their links, answers and the open questions', async () => {
  const qs = await questions({ ...SHANXI, program: 'stabilization_refund' });
  const facts = { unit_type: 'enterprise', insured_headcount: 80, layoffs: 30, contribution_months: 24, contributions_paid: '56789.12' };
  const res = parse(await est.estimate({ ...SHANXI, program: 'stabilization_refund', facts }));
  const card = views.resultCard(res, { questions: qs, facts, open: res.optional_missing, where: '山西省 · 2024-07-15', date: SHANXI.date });
  const v = F.resultView(res, { questions: qs, lang: 'zh', date: SHANXI.date });
  assert.equal(card.verdict, v.verdict.text);
  assert.deepEqual(card.reasons.map((r) => r.id), v.reasons.map((r) => r.id));
  const layoffs = qs.find((q) => q.fact === 'layoffs');
  const dated = J.datedLabel(layoffs, SHANXI.date, 'zh');   // "上年度（2023年度）裁员人数…": the year named
  assert.deepEqual(card.reasons[0].whatifs, v.reasons[0].whatifs.map((w) => ({ text: w.text, link: { fact: 'layoffs', text: `修改「${dated}」` } })));
  assert.deepEqual(card.answers.map((a) => a.fact), Object.keys(facts));
  // Labels that say 上年 name the year of the date; the others as they are.
  assert.deepEqual(card.answers.map((a) => a.label), Object.keys(facts).map((f) => J.datedLabel(qs.find((q) => q.fact === f), SHANXI.date, 'zh')));
  assert.ok(card.answers.some((a) => a.label === '上年末（2023年末）单位参保人数'));
  assert.equal(card.amount, null);
  assert.ok(card.conditions.every((c) => c.cite.length > 0), 'every condition cites its document');
  assert.equal(card.policy, `${v.policy.docNo}《${v.policy.title}》（${v.policy.validity}）`);

  // "?" reasons wait on the questions still to answer: each is linked once, not under every reason.
  const skill = await questions({ ...SHANXI, program: 'skill_subsidy' });
  const part = parse(await est.estimate({ ...SHANXI, program: 'skill_subsidy', facts: { worker_status: 'employed', insured_months: 36, certificate: 'skill_level' } }));
  const partCard = views.resultCard(part, { questions: skill, facts: {} });
  const unknown = partCard.reasons.filter((r) => r.state === 'unknown');
  assert.ok(unknown.length > 1, 'several reasons wait on the level');
  for (const r of unknown) assert.deepEqual(r.links, [], r.id);
  assert.deepEqual(partCard.asks, [{ fact: 'level', text: '回答「证书等级」' }]);
});

test('the no-policy notice and the region pickers', async () => {
  const catalog = parse(await est.catalog());
  const q = parse(await est.questions({ region: '000000', date: '2026-12-02', program: 'stabilization_refund', facts: {} }));
  const offer = F.policyState(q, null, 'zh').offer;
  const n = views.noPolicyView(offer, '2026-12-02', '全国（仅国家规定）', '失业保险稳岗返还');
  assert.equal(n.id, q.policy.id);
  assert.equal(n.latest, `最近的一份是：${q.policy.doc_no}《${q.policy.title}》，执行期 ${q.policy.valid_from} 至 ${q.policy.valid_to}。`);
  const p = views.regionPickers(catalog, '370000', '371500');
  assert.equal(p.data.provinceLabels[p.data.provinceIndex], '山东省');
  assert.equal(p.data.cityLabels[p.data.cityIndex], '聊城市');
  assert.equal(p.cities[p.data.cityIndex], '371500');
  assert.equal(p.data.cityNote, '未列出的城市请选全省。');
  assert.deepEqual(views.regionPickers(catalog, '110000', '').data.cityLabels, []);
});
