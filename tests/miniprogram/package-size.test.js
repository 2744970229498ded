// The upload package, built offline with miniprogram-ci exactly as DevTools
// would before an upload (ES6 → ES5, minified): it stays under WeChat's 2 MB
// main-package limit, carries no eval/new Function even after babel, and the
// compiled code still answers byte for byte as the source package does: the
// module, the shared front-end layer, the DevTools guard and a journey page.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const pkg = require('./helpers/package.js');
const { createRealm, nodeLikeProcess } = require('./helpers/wechat.js');
const { forbiddenCode } = require('./helpers/lint.js');

const ROOT = pkg.ensurePackage();
const OUT = path.join(pkg.REPO_ROOT, 'build', 'miniprogram-pack');
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
const DEAD_PROXY = 'http://127.0.0.1:9';

let packed = null;

test.before(() => {
  const env = { ...process.env, HTTPS_PROXY: DEAD_PROXY, HTTP_PROXY: DEAD_PROXY, https_proxy: DEAD_PROXY, http_proxy: DEAD_PROXY, NO_PROXY: '', no_proxy: '' };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build', 'pack.js'), OUT], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `pack.js failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop();
  packed = JSON.parse(line);
});

test('the main package built by miniprogram-ci is under 2 MB', (t) => {
  let onDisk = 0;
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else onDisk += fs.statSync(p).size;
    }
  })(OUT);
  assert.equal(onDisk, packed.bytes);
  const br = fs.statSync(path.join(OUT, 'core', 'estimator.wasm.br')).size;
  const msg = `main package: ${packed.bytes} bytes (${(packed.bytes / 1024).toFixed(1)} KiB) in ${packed.files.length} files; ` +
    `core/estimator.wasm.br ${br} bytes; limit ${MAIN_PACKAGE_LIMIT} bytes`;
  t.diagnostic(msg);
  console.log(msg);
  if (packed.quality) t.diagnostic(`miniprogram-ci PACKAGE_SIZE_LIMIT: ${JSON.stringify(packed.quality)}`);
  assert.ok(packed.bytes < MAIN_PACKAGE_LIMIT, msg);
});

test('the upload package holds the pages and the module, and none of the build tooling', () => {
  const files = packed.files;
  for (const f of ['app.js', 'app.json', 'app.wxss', 'sitemap.json', 'core/engine.js', 'core/estimator.js', 'core/estimator-api.js',
    'core/estimator.wasm.br', 'shared/uie-front.js', 'shared/journey.js', 'utils/views.js']) {
    assert.ok(files.includes(f), `${f} is in the upload package`);
  }
  for (const page of JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')).pages) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) assert.ok(files.includes(page + ext), `${page}${ext} is in the upload package`);
  }
  assert.deepEqual(files.filter((f) => f.startsWith('build/') || f.endsWith('README.md') || f.includes('node_modules')), []);
  assert.ok(!files.some((f) => f.endsWith('.wasm')), 'only the compressed module is shipped');
});

test('the compiled package has no eval or new Function', () => {
  for (const f of packed.files) {
    if (!/\.(js|wxml|wxs)$/.test(f)) continue;
    const hits = forbiddenCode(fs.readFileSync(path.join(OUT, f), 'utf8'));
    assert.deepEqual(hits, [], `${f}: ${hits.join('; ')}`);
  }
});

test('the compiled (ES5, minified) package answers byte for byte as the source package', async () => {
  const cases = [...pkg.scenarioRequests(), ...pkg.exampleRequests()];
  cases.push({ name: 'not JSON', request: '{' });
  const src = await createRealm({ packageRoot: ROOT }).require('/core/engine.js').getEstimator();
  const realm = createRealm({ packageRoot: OUT });
  const out = await realm.require('/core/engine.js').getEstimator();
  assert.deepEqual(realm.wxwasm.calls, ['/core/estimator.wasm.br']);
  assert.equal(await out.catalogText(), await src.catalogText());
  for (const c of cases) {
    const text = typeof c.request === 'string' ? c.request : JSON.stringify(c.request);
    assert.equal(await out.estimateText(text), await src.estimateText(text), c.name);
    assert.equal(await out.questionsText(text), await src.questionsText(text), c.name);
  }
});

test('the compiled shared layer reads typing and draws results exactly as the source does', async () => {
  const probe = (F) => {
    const q = { fact: 'm', type: 'count', unit: '个月', max: 1200 };
    const money = { fact: 'p', type: 'money', unit: '元' };
    const levels = { fact: 'l', type: 'integer', options: [{ value: 5, label: '五级/初级工' }, { value: 4, label: '四级/中级工' }] };
    const list = { fact: 'prev', type: 'level_list' };
    return JSON.stringify([
      F.parseAnswer(q, '1年6个月'), F.parseAnswer(q, '一年半'), F.parseAnswer(money, '1.2万'), F.parseAnswer(money, '12,000元'),
      F.parseAnswer(money, 'abc'), F.parseAnswer(list, '四级、五级', { questions: [levels, list] }), F.parseAnswer(levels, '中级工'),
      F.moneyText(3407347, 'zh'), F.controlOf(list, [levels, list]), F.decodeShare(F.encodeShare({ region: '1', date: 'd', program: 'p', facts: { a: '中文😀' } })),
      F.resultView({ eligible: false, conditions: [{ id: 'm', passed: false, text: '「m」' }], whatif: [{ condition: 'm', fact: 'm', text: 'w' }] }, { questions: [q] }),
    ]);
  };
  const src = createRealm({ packageRoot: ROOT }).require('/shared/uie-front.js');
  const out = createRealm({ packageRoot: OUT }).require('/shared/uie-front.js');
  assert.notEqual(fs.readFileSync(path.join(OUT, 'shared', 'uie-front.js'), 'utf8'), fs.readFileSync(path.join(ROOT, 'shared', 'uie-front.js'), 'utf8'),
                  'the upload package holds the compiled (ES5, minified) file');
  assert.equal(probe(out), probe(src));
});

test('the compiled journey runs its transitions exactly as the source does', () => {
  const probe = (J) => {
    const qs = [{ fact: 'n', type: 'count', label: '上年末单位参保人数', unit: '人' }, { fact: 'm', type: 'month', label: '出生年月', required: false }];
    let s = Object.assign(J.start({ program: 'p', province: '140000', date: '2025-07-01' }), { screen: 'form' });
    s = J.received(J.setWhere(s, { province: '140000', city: '', date: '2025-07-01' }), { ok: true, questions: qs, policy: { id: 'x' } }, 'zh');
    const asked = J.requestOf(s);
    s = J.received(s, { ok: true, missing: ['n'], optional_missing: ['m'], conditions: [] }, 'zh');
    const bad = J.answerAll(J.draft(s, 'n', '八十几'), 'zh');
    const good = J.answerAll(J.draft(J.draft(s, 'n', '八十人'), 'm', '1966-08'), 'zh');
    const moved = J.setWhere(J.rescope(Object.assign({}, good.state, { screen: 'result' })), { province: '140000', city: '', date: '2026-03-01' });
    return JSON.stringify([asked, J.formFacts(s), bad.errors, good.state.facts, good.state.notes, moved.recheck,
      J.datedLabel(qs[0], '2026-03-01', 'zh'), J.edit(good.state, 'n').screen, J.requestOf(good.state)]);
  };
  const src = createRealm({ packageRoot: ROOT }).require('/shared/journey.js');
  const out = createRealm({ packageRoot: OUT }).require('/shared/journey.js');
  assert.notEqual(fs.readFileSync(path.join(OUT, 'shared', 'journey.js'), 'utf8'), fs.readFileSync(path.join(ROOT, 'shared', 'journey.js'), 'utf8'),
                  'the upload package holds the compiled (ES5, minified) file');
  const expected = probe(src);
  assert.match(expected, /上年末（2025年末）/);
  assert.equal(probe(out), expected);
});

test('the compiled glue keeps the DevTools guard: a Node-like process is never looked at', async () => {
  const fake = nodeLikeProcess();
  const realm = createRealm({ packageRoot: OUT, process: fake.process });
  const est = await realm.require('/core/engine.js').getEstimator();
  assert.equal(JSON.parse(await est.catalogText()).programs.length > 0, true);
  assert.deepEqual(fake.reads, []);
});

test('the compiled journey page works: the engine\'s offer when no policy is in force, forgiving typing, the result', async () => {
  // Loaded only now: the DOM and the global WXWebAssembly, rooted at the upload package.
  const { setup, loadPage, fire, text, referenceEstimator } = require('./helpers/pages.js');
  const { enter, pickDate, whereOf } = require('./helpers/journey.js');
  const ctx = setup(OUT);
  try {
    const ref = await referenceEstimator(ROOT);
    const page = loadPage(OUT, 'estimate', 'official');
    await page.instance.onLoad({ program: 'stabilization_refund' });
    await pickDate(page, '2026-12-02');
    const q = await ref.questions(whereOf(page));
    assert.equal(q.in_force, false);
    assert.ok(text(page, '#no-policy').includes(q.policy.doc_no));
    await fire(page, '#use-latest', 'tap');
    const typed = { unit_type: { pick: 'enterprise' }, insured_headcount: { raw: '八十人' }, layoffs: { raw: '4' },
                    contribution_months: { raw: '2年' }, contributions_paid: { raw: '5.678912万' } };
    for (const x of page.data.questions) await enter(page, x.fact, typed[x.fact]);
    await fire(page, '#compute', 'tap');
    assert.deepEqual(page.instance._lastRequest.facts,
                     { unit_type: 'enterprise', insured_headcount: 80, layoffs: 4, contribution_months: 24, contributions_paid: '56789.12' });
    const res = await ref.estimate(page.instance._lastRequest);
    assert.equal(page.data.mode, 'result');
    for (const c of res.conditions) assert.ok(text(page, '#conditions').includes(c.text));
    assert.ok(ctx.env.calls.every((c) => c === '/core/estimator.wasm.br'));
  } finally {
    ctx.env.uninstall();
  }
});
