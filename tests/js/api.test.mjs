// The JS API over the wasm build (wasm/js/estimator-api.js): contract-shaped
// answers, structured errors for bad input, and recovery from a trapped
// instance without breaking the next call.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { createEstimator, EstimatorError } from '../../wasm/js/node.mjs';
import { contractExamples, estimator, requireBuild } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const { fromBytes, fromUrl } = require('../../wasm/js/estimator-api.js');

const CODES = ['invalid_json', 'invalid_request', 'unknown_region', 'unknown_program', 'unknown_fact',
               'invalid_fact', 'inconsistent_facts', 'no_policy_in_force', 'unknown_policy'];
const SHANXI = contractExamples()[0].request;   // 山西 2024 中小微企业: eligible, 34073.47 元

function files() {
  const dir = requireBuild();
  return { factory: require(join(dir, 'estimator.js')), bytes: readFileSync(join(dir, 'estimator.wasm')) };
}

test('answers a request as the contract says, as text and as an object', async () => {
  const e = await estimator();
  const text = await e.estimateText(SHANXI);
  const response = JSON.parse(text);
  assert.equal(response.ok, true);
  assert.equal(response.eligible, true);
  assert.equal(response.amount_fen, 3407347);
  assert.equal(response.amount_yuan, '34073.47');
  assert.ok(response.conditions.length > 0);
  for (const c of response.conditions) {
    assert.ok([true, false, null].includes(c.passed));
    assert.ok(c.text && c.cite && c.cite.doc_no && c.cite.quote, `condition ${c.id} has its text and citation`);
  }
  assert.deepEqual(await e.estimate(SHANXI), response);
  assert.equal(await e.estimateText(JSON.stringify(SHANXI)), text, 'JSON text in: the same answer');
  assert.equal(await e.estimateText(new TextEncoder().encode(JSON.stringify(SHANXI))), text, 'UTF-8 bytes in: the same answer');
});

test('a request without a date is evaluated on options.today', async () => {
  const e = await estimator();
  const { date, ...undated } = SHANXI;
  const onDay = await e.estimate(undated, { today: date });
  assert.equal(onDay.ok, true);
  assert.equal(onDay.amount_fen, 3407347);
  const later = await e.estimate(undated, { today: '2026-11-22' });
  assert.equal(later.ok, false);
  assert.equal(later.error.code, 'no_policy_in_force');
  assert.equal(later.error.latest.id, 'sx-2025-13');
});

test('bad input gets a structured error, and the same instance keeps serving', async () => {
  const e = await estimator();
  const before = e.restarts;
  const bad = [
    '', 'not json', '{', '[', 'null', '42', '{"region": "140000"',
    new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),          // invalid UTF-8
    '{"region":"\\ud800","program":"skill_subsidy"}',                    // lone surrogate
    '['.repeat(60000),                                                   // nested past the depth limit
    '['.repeat(100000),                                                  // over the size limit
    JSON.stringify({ ...SHANXI, facts: { ...SHANXI.facts, filler: 'x'.repeat(70000) } }),   // over the size limit
    { ...SHANXI, region: '14' },
    { ...SHANXI, region: '990000' },
    { ...SHANXI, program: 'lottery' },
    { ...SHANXI, date: '2024-02-30' },
    { ...SHANXI, facts: { ...SHANXI.facts, layoffs: -3 } },
    { ...SHANXI, facts: { ...SHANXI.facts, layofs: 3 } },
    { ...SHANXI, facts: { ...SHANXI.facts, layoffs: 81 } },
    { ...SHANXI, facts: { ...SHANXI.facts, contributions_paid: '1.234' } },
    { ...SHANXI, policy: 'no-such-policy' },
    { ...SHANXI, extra: true },
  ];
  for (const input of bad) {
    const r = await e.estimate(input);
    const label = typeof input === 'string' ? input.slice(0, 40) : JSON.stringify(input).slice(0, 80);
    assert.equal(r.ok, false, label);
    assert.ok(CODES.includes(r.error.code), `${label}: code ${r.error.code}`);
    assert.equal(typeof r.error.path, 'string', label);
    assert.ok(r.error.path === '' || r.error.path.startsWith('/'), `${label}: path ${r.error.path}`);
    assert.ok(r.error.message.length > 0, label);
  }
  const negative = await e.estimate({ ...SHANXI, facts: { ...SHANXI.facts, layoffs: -3 } });
  assert.deepEqual([negative.error.code, negative.error.path], ['invalid_fact', '/facts/layoffs']);
  const typo = await e.estimate({ ...SHANXI, facts: { ...SHANXI.facts, layofs: 3 } });
  assert.deepEqual([typo.error.code, typo.error.path], ['unknown_fact', '/facts/layofs']);
  assert.equal(e.restarts, before, 'no bad input trapped the instance');
  assert.equal((await e.estimate(SHANXI)).amount_fen, 3407347);
});

test('a trapped or aborted instance is replaced from the compiled module; the next call works', async () => {
  const { factory, bytes } = files();
  const loader = fromBytes(bytes);
  const modules = [];
  const restarts = [];
  const logged = [];
  const e = await createEstimator({
    factory,
    instantiate: (imports) => loader(imports).then((r) => { modules.push(r.module); return r; }),
    onRestart: (err) => restarts.push(err),
    log: (line) => logged.push(line),
  });
  const expected = await e.estimateText(SHANXI);
  for (const [kind, what] of [[1, /Aborted/], [2, /unreachable/]]) {
    await assert.rejects(e._selfTestFault(kind), (err) => {
      assert.ok(err instanceof EstimatorError);
      assert.equal(err.code, 'engine_failure');
      assert.ok(err.cause instanceof WebAssembly.RuntimeError, String(err.cause));
      assert.match(err.cause.message, what);
      return true;
    });
    assert.equal(await e.estimateText(SHANXI), expected, 'the next call answers as before');
  }
  assert.equal(e.restarts, 2);
  assert.equal(restarts.length, 2);
  assert.equal(modules.length, 3, 'one instance at start, one per fault');
  assert.ok(modules.every((m) => m === modules[0]), 'every instance comes from the same compiled module');
  assert.ok(logged.some((l) => /Aborted/.test(l)), 'the module output goes to options.log');
});

test('200 faults in a row, then it still answers', async () => {
  const { factory, bytes } = files();
  const e = await createEstimator({ factory, wasmBinary: bytes });
  for (let i = 0; i < 200; i++) {
    await assert.rejects(e._selfTestFault(1 + (i % 2)), { code: 'engine_failure' });
  }
  assert.equal(e.restarts, 200);
  assert.equal((await e.estimate(SHANXI)).amount_fen, 3407347);
});

test('a failed load rejects (never hangs), and a later start tries again', async () => {
  const { factory, bytes } = files();
  await assert.rejects(createEstimator({ factory, instantiate: () => Promise.reject(new Error('no such file')) }),
    (err) => err instanceof EstimatorError && err.code === 'load_failed' && /no such file/.test(err.message));
  await assert.rejects(createEstimator({ factory, wasmBinary: new Uint8Array([0, 1, 2, 3]) }), { code: 'load_failed' });

  let calls = 0;
  const fakeFetch = async () => {
    calls += 1;
    return calls === 1
      ? new Response('not found', { status: 404 })
      : new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } });
  };
  const loader = fromUrl('http://127.0.0.1/estimator.wasm', fakeFetch);
  await assert.rejects(createEstimator({ factory, instantiate: loader }), (err) => err.code === 'load_failed' && /404/.test(err.message));
  const e = await createEstimator({ factory, instantiate: loader });
  assert.equal((await e.estimate(SHANXI)).amount_fen, 3407347);
  assert.equal(calls, 2);
  assert.throws(() => createEstimator({ wasmBinary: bytes }), TypeError);
  assert.throws(() => createEstimator({ factory }), TypeError);
});

test('the catalog lists the programs with their audience and the regions, national first', async () => {
  const e = await estimator();
  const c = await e.catalog();
  const programs = Object.fromEntries(c.programs.map((p) => [p.id, p.audience]));
  assert.deepEqual(programs, {
    stabilization_refund: 'unit', skill_subsidy: 'worker', unemployment_benefit: 'unemployed',
    unemployment_subsidy: 'unemployed', migrant_worker_allowance: 'unemployed', contribution_rate: 'unit',
  });
  assert.equal(c.regions[0].code, '000000');
  const shanxi = c.regions.find((r) => r.code === '140000');
  assert.ok(shanxi.name && shanxi.children.some((x) => x.code === '140300'));
  assert.ok(c.regions.some((r) => r.code === '660000'), '兵团 is listed');
  assert.ok(c.policies.some((p) => p.id === 'sx-2024-28'));
  assert.equal(await e.catalogText(), await e.catalogText());
});

test('questions come from the rule packs: labels, types, options, citations', async () => {
  const e = await estimator();
  const q = await e.questions({ region: '140000', date: '2024-07-15', program: 'stabilization_refund' });
  assert.equal(q.ok, true);
  assert.equal(q.in_force, true);
  assert.equal(q.policy.id, 'sx-2024-28');
  const byFact = Object.fromEntries(q.questions.map((x) => [x.fact, x]));
  assert.equal(byFact.layoffs.type, 'count');
  assert.equal(byFact.layoffs.unit, '人');
  assert.equal(byFact.contributions_paid.type, 'money');
  assert.ok(byFact.unit_type.options.some((o) => o.value === 'enterprise' && o.label && o.label_en));
  assert.ok(q.questions.some((x) => x.cite && x.cite.doc_no && x.cite.quote), 'at least one question cites its clause');
  for (const x of q.questions) assert.ok(x.label && x.label_en, x.fact);

  // Every program: the facts the engine asks for are the facts it describes.
  for (const p of (await e.catalog()).programs) {
    const questions = await e.questions({ region: '000000', program: p.id });
    assert.equal(questions.ok, true, p.id);
    const described = new Set(questions.questions.map((x) => x.fact));
    const res = await e.estimate({ region: '000000', program: p.id, facts: {}, ...(questions.in_force ? {} : { policy: questions.policy.id }) });
    assert.equal(res.ok, true, `${p.id}: ${JSON.stringify(res.error)}`);
    for (const f of [...res.missing, ...(res.optional_missing || [])]) assert.ok(described.has(f), `${p.id}: ${f} is described`);
  }

  const none = await e.questions({ region: '140000', date: '2026-11-22', program: 'stabilization_refund' });
  assert.equal(none.ok, true);
  assert.equal(none.in_force, false, 'no policy in force: the latest one, flagged');
  assert.equal(none.policy.id, 'sx-2025-13');
});

// A batch fed in pieces (the screening page's Worker feeds a File's slices or
// a spreadsheet's rows): the same answers as the batch in one call.
const SESSION_CSV = '单位名称,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n' +
  '"甲, 公司",enterprise,sme,24,80,4,56789.12\n乙,enterprise,,24,80,4,56789.12\n丙,enterprise,sme,24,80,x,1\n';
const SHANXI_2024 = { region: '140000', date: '2024-07-15', program: 'stabilization_refund', today: '2026-11-22' };

test('a session fed in pieces, or as rows of cells, answers as the batch in one call; the table is teed', async () => {
  const e = await estimator();
  for (const output of ['lines', 'reasons', 'table', 'full']) {
    const whole = await e.screenCsv(SESSION_CSV, { ...SHANXI_2024, output });
    const s = await e.openSession({ ...SHANXI_2024, output });
    const bytes = new TextEncoder().encode(SESSION_CSV);
    let out = '';
    for (let i = 0; i < bytes.length; i += 7) out += s.feed(bytes.subarray(i, i + 7));   // pieces cut inside characters
    out += s.finish();
    assert.equal(out, whole, output);
    assert.equal(s.items, 3);
    s.close();
    assert.throws(() => s.feed('x'), (err) => err.code === 'session_closed');
  }
  const rows = [['单位名称', 'unit_type', 'size', 'contribution_months', 'insured_headcount', 'layoffs', 'contributions_paid'],
                ['甲, 公司', 'enterprise', 'sme', '24', '80', '4', '56789.12'], ['乙', 'enterprise', null, '24', '80', '4', '56789.12'],
                ['丙', 'enterprise', 'sme', '24', '80', 'x', '1']];
  const s = await e.openSession({ ...SHANXI_2024, output: 'reasons', table: true });
  const out = s.feedRows(rows.slice(0, 2)) + s.feedRows(rows.slice(2)) + s.finish();
  // The same rows; a CSV record also says where it starts in the text.
  const text = await e.screenCsv(SESSION_CSV, { ...SHANXI_2024, output: 'reasons' });
  assert.equal(out, text.replace(/,"at":\d+/g, ''));
  assert.equal(s.takeTable(), await e.screenCsv(SESSION_CSV, { ...SHANXI_2024, output: 'table' }));
  assert.equal(s.takeTable(), '', 'taken once');
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.row, l.kept[0]]), [[2, '甲, 公司'], [3, '乙'], [4, '丙']]);
  assert.deepEqual(Object.keys(lines[1].candidates), ['large', 'sme']);
  s.close();
  // The table as bytes (what the page keeps for its export): the same text in UTF-8, each piece a copy.
  const b = await e.openSession({ ...SHANXI_2024, output: 'reasons', table: true });
  b.feedRows(rows.slice(0, 2));
  const piece = b.takeTableBytes();
  assert.ok(piece instanceof Uint8Array);
  const firstText = new TextDecoder().decode(piece);
  b.feedRows(rows.slice(2));
  b.finish();
  const rest = b.takeTableBytes();
  assert.equal(new TextDecoder().decode(piece), firstText, 'a copy: later rows leave it as it was');
  assert.equal(firstText + new TextDecoder().decode(rest), await e.screenCsv(SESSION_CSV, { ...SHANXI_2024, output: 'table' }));
  assert.equal(b.takeTableBytes().length, 0, 'taken once');
  b.close();
  // A refused header stops the batch: the error, then nothing more.
  const bad = await e.openSession({ ...SHANXI_2024 });
  const first = bad.feed('unit_type,contribution_month\nenterprise,24\n');
  assert.equal(JSON.parse(first).error.code, 'invalid_request');
  assert.match(bad.error, /contribution_months/);
  assert.equal(bad.feed('enterprise,24\n'), '');
  bad.close();
});

test('a session whose instance trapped says so, and a new one works', async () => {
  const { factory, bytes } = files();
  const e = await createEstimator({ factory, wasmBinary: bytes });
  const s = await e.openSession({ ...SHANXI_2024 });
  await assert.rejects(e._selfTestFault(2), (err) => err.code === 'engine_failure');
  assert.throws(() => s.feed(SESSION_CSV), (err) => err.code === 'engine_failure');
  const again = await e.openSession({ ...SHANXI_2024 });
  assert.equal(again.feed(SESSION_CSV) + again.finish(), await e.screenCsv(SESSION_CSV, SHANXI_2024));
});
