// The shared layer's screening columns (web/shared/uie-screen.js): the
// template's columns from the engine's questions, spreadsheet values as text,
// screening rows as table rows, and the summary — with the engine's own CSV
// grammar (csvRows / csvText: the page has no other) and its table words.
// Where it matters, against the engine itself (the wasm module).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadEstimator } from '../../wasm/js/node.mjs';

const F = createRequire(import.meta.url)('../../web/shared/uie-screen.js');
const repo = fileURLToPath(new URL('../../', import.meta.url));
const SCOPE = { region: '140000', date: '2024-07-15', program: 'stabilization_refund' };
let est;
let questions;

before(async () => {
  est = await loadEstimator();
  questions = (await est.questions({ ...SCOPE, facts: {} })).questions;
});

test('the template names every fact as label (id), and the engine reads those headers back as the facts', async () => {
  const cols = F.screeningColumns(questions, 'zh');
  assert.deepEqual(cols.map((c) => c.fact), questions.map((q) => q.fact));
  const unitType = cols.find((c) => c.fact === 'unit_type');
  assert.equal(unitType.header, '单位类型 (unit_type)');
  assert.equal(unitType.required, true);
  assert.match(unitType.allowed, /^企业、社会团体、基金会/);
  assert.match(cols.find((c) => c.fact === 'seriously_dishonest').allowed, /是 \/ 否/);
  assert.match(cols.find((c) => c.fact === 'contributions_paid').allowed, /两位小数/);
  const t = F.templateRows(questions, 'zh');
  assert.equal(t.rows[0][0], '单位名称');
  assert.equal(t.rows[0].at(-1), '备注');
  assert.equal(t.notes.length, cols.length + 4);
  const read = await est.csvColumns(t.rows[0], { program: SCOPE.program });
  assert.deepEqual(read.columns.filter((c) => c.role === 'fact').map((c) => c.fact), cols.map((c) => c.fact));
  assert.deepEqual(read.columns.filter((c) => c.role === 'passthrough').map((c) => c.header), ['单位名称', '统一社会信用代码', '备注']);
  // The example row is a valid unit.
  const line = JSON.parse(await est.screenCsv(await est.csvText(t.rows), SCOPE));
  assert.notEqual(line.ok, false, JSON.stringify(line));
  const en = F.screeningColumns(questions, 'en').find((c) => c.fact === 'unit_type');
  assert.equal(en.header, 'Kind of insured unit (unit_type)');
});

test('the engine writes and reads CSV as estimate --csv does: formulas neutralised, quotes, line breaks', async () => {
  const cells = ['=1+1', '+86', '-3', '@x', '\tx', 'a,b', 'say "x"', '正常', '', 'two\nlines'];
  const header = cells.map((_, i) => `c${i}`);
  const input = await est.csvText([header.concat('unit_type'), cells.concat('enterprise')]);
  const estimate = join(repo, 'build', 'native', 'estimate');
  if (!existsSync(estimate)) throw new Error(`${estimate} is missing: build the native preset`);
  const out = execFileSync(estimate, ['--csv', '--region', '140000', '--date', '2024-07-15', '--program', 'stabilization_refund'], { input }).toString();
  const table = await est.csvRows(out);
  // The table neutralises what the template's writer neutralised: the same cells back, each with its '.
  const written = (await est.csvRows(input))[1];
  assert.deepEqual(table[1].slice(0, cells.length), written.slice(0, cells.length));
  assert.deepEqual(written.slice(0, 5), ["'=1+1", "'+86", "'-3", "'@x", "'\tx"]);
  assert.deepEqual(written.slice(5, cells.length), cells.slice(5));
  assert.deepEqual(await est.csvRows('a,"b\r\nc"\r\n\r\nd'), [['a', 'b\r\nc'], [''], ['d']]);
});

test('spreadsheet values become the text the engine reads', () => {
  assert.equal(F.cellText(24), '24');
  assert.equal(F.cellText(56789.12), '56789.12');
  assert.equal(F.cellText(0.1 + 0.2), '0.3');
  assert.equal(F.cellText(123456789012345), '123456789012345');
  assert.equal(F.cellText(true), '是');
  assert.equal(F.cellText(false), '否');
  assert.equal(F.cellText(new Date(Date.UTC(2024, 5, 1))), '2024-06-01');
  assert.equal(F.cellText(null), '');
  assert.equal(F.cellText('  企业 '), '  企业 ');
});

test('the mapping step: when it is needed, its choices, the header the engine then gets', async () => {
  const bad = await est.csvColumns('单位名称,已足额缴纳失业保险费月数,单位类型', { program: SCOPE.program });
  assert.equal(F.needsMapping(bad.columns), true);
  assert.equal(bad.columns[1].role, 'misspelt');
  assert.equal(bad.columns[1].fact, 'contribution_months', 'the best guess, which the mapping step preselects');
  const none = await est.csvColumns('名称,代码', { program: SCOPE.program });
  assert.equal(F.needsMapping(none.columns), true, 'no column names a fact');
  const good = await est.csvColumns('单位名称,unit_type', { program: SCOPE.program });
  assert.equal(F.needsMapping(good.columns), false);
  const choices = F.mappingChoices(questions, 'zh');
  assert.deepEqual(choices.slice(0, 5).map((c) => c.value), ['', 'region', 'date', 'program', 'policy']);
  assert.ok(choices.some((c) => c.value === 'contribution_months' && c.label === '已足额缴纳失业保险费的月数 (contribution_months)'));
  const mapped = F.mappedHeader(['单位名称', '已足额缴纳失业保险费月数', '单位类型'], { 1: 'contribution_months' });
  assert.deepEqual(mapped, ['单位名称', 'contribution_months', '单位类型']);
  const again = await est.csvColumns(mapped, { program: SCOPE.program });
  assert.equal(F.needsMapping(again.columns), false);
  assert.equal(F.errorColumn({ path: '/facts/unit_type' }, again.columns), 2);
  assert.equal(F.errorColumn({ path: '/region' }, again.columns), -1);
});

test('screening lines become rows, and the summary counts, totals and ranks the reasons', async () => {
  const csv = 'unit_type,contribution_months,insured_headcount,layoffs,contributions_paid\n' +
    'enterprise,24,80,4,56789.12\nenterprise,24,80,4,1000\nenterprise,6,80,4,1000\nenterprise,6,80,40,1000\nenterprise,24\nenterprise,x\n';
  const lines = (await est.screenCsv(csv, SCOPE)).trim().split('\n');
  const rows = lines.map(F.screenRow);
  assert.deepEqual(rows.map((r) => r.state), ['yes', 'yes', 'no', 'no', 'unknown', 'error']);
  assert.equal(rows[5].error.path, '/facts/contribution_months');
  const sum = rows.reduce(F.addToSummary, F.newSummary());
  const conditions = (await est.questions({ ...SCOPE, facts: {} })).conditions;
  const v = F.summaryView(sum, { lang: 'zh', conditions: conditions.filter((c) => c.id !== 'layoff_rate'), questions });
  assert.deepEqual([v.total, v.yes, v.no, v.unknown, v.error], [6, 2, 2, 1, 1]);
  assert.equal(sum.amountFen, rows[0].amountFen + rows[1].amountFen);
  assert.equal(v.amount.yuan, F.moneyText(sum.amountFen, 'zh').yuan);
  assert.deepEqual(v.reasons.map((b) => [b.id, b.count, b.share]), [['contribution_months', 2, 1], ['layoff_rate', 1, 0.5]]);
  assert.equal(v.reasons[0].label, '已足额缴纳失业保险费的月数', 'a condition on one fact is named by it');
  assert.equal(v.reasons[1].label, 'layoff_rate', 'a condition the questions do not name shows its id');
  assert.ok(v.missing.some((b) => b.id === 'insured_headcount' && b.label === '上年末单位参保人数' && b.count === 1));
  // The table's words come from the engine (rules/messages.json through the catalog).
  const catalog = await est.catalog();
  assert.deepEqual(['yes', 'no', 'unknown', 'error'].map((st) => F.stateText(st, 'zh', catalog)), ['是', '否', '待定', '出错']);
  assert.deepEqual(['yes', 'no', 'unknown', 'error'].map((st) => F.stateText(st, 'en', catalog)), ['yes', 'no', 'undecided', 'error']);
  const withReasons = F.screenRow((await est.screenCsv(csv, { ...SCOPE, output: 'reasons' })).split('\n')[2]);
  assert.deepEqual(withReasons.reasons, ['已足额缴纳失业保险费 6 个月，不满 12 个月']);
});

test('an eligible unit whose size is unknown counts as open, with the range of its two amounts', async () => {
  const csv = '单位名称,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n' +
    '甲,enterprise,,24,80,4,56789.12\n乙,enterprise,sme,24,80,4,56789.12\n';
  const rows = (await est.screenCsv(csv, { ...SCOPE, output: 'reasons' })).trim().split('\n').map(F.screenRow);
  assert.deepEqual(rows.map((r) => [r.row, r.kept, r.state]), [[2, ['甲'], 'yes'], [3, ['乙'], 'yes']]);
  assert.equal(rows[0].amountFen, null);
  assert.ok(rows[0].candidates.sme > rows[0].candidates.large);
  assert.equal(typeof rows[0].at, 'number');
  const sum = rows.reduce(F.addToSummary, F.newSummary());
  assert.equal(sum.amountFen, rows[1].amountFen, 'the decided amount only');
  assert.deepEqual([sum.open, sum.openLowFen, sum.openHighFen], [1, rows[0].candidates.large, rows[0].candidates.sme]);
  const v = F.summaryView(sum, { lang: 'zh' });
  assert.equal(v.open, 1);
  assert.equal(v.openHigh.yuan, F.moneyText(rows[0].candidates.sme, 'zh').yuan);
});
