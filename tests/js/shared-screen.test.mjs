// The shared layer's screening columns (web/shared/uie-screen.js): the
// template's columns from the engine's questions, CSV records and cells as
// the engine reads them, formula neutralising as estimate --csv writes it,
// spreadsheet values as text, screening lines as rows, and the summary.
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
  const read = await est.csvColumns(F.csvLine(t.rows[0], true), { program: SCOPE.program });
  assert.deepEqual(read.columns.filter((c) => c.role === 'fact').map((c) => c.fact), cols.map((c) => c.fact));
  assert.deepEqual(read.columns.filter((c) => c.role === 'passthrough').map((c) => c.header), ['单位名称', '统一社会信用代码', '备注']);
  // The example row is a valid unit.
  const line = JSON.parse(await est.screenCsv(t.rows.map((r) => F.csvLine(r, true)).join('\n'), SCOPE));
  assert.notEqual(line.ok, false, JSON.stringify(line));
  const en = F.screeningColumns(questions, 'en').find((c) => c.fact === 'unit_type');
  assert.equal(en.header, 'Kind of insured unit (unit_type)');
});

test('records split at line breaks outside quotes, cells as RFC 4180 reads them, blank records known', () => {
  const text = 'a,b\r\n"x, y","he said ""hi""",\n"two\nlines",z\n\n,,\n ," "\nlast';
  const { records, next } = F.splitRecords(text, 0);
  assert.deepEqual(records, ['a,b', '"x, y","he said ""hi""",', '"two\nlines",z', '', ',,', ' ," "', 'last']);
  assert.equal(next, text.length);
  assert.deepEqual(F.splitCells(records[1]), ['x, y', 'he said "hi"', '']);
  assert.deepEqual(F.splitCells(records[2]), ['two\nlines', 'z']);
  assert.deepEqual(records.map(F.isBlankRecord), [false, false, false, true, true, true, false]);
  assert.equal(F.isBlankRecord('""""'), false, 'a cell holding a quote is not empty');
  const part = F.splitRecords(text, 0, 2);
  assert.equal(part.records.length, 2);
  assert.deepEqual(F.splitRecords(text, part.next, 1).records, ['"two\nlines",z']);
  assert.deepEqual(F.splitRecords('"never closed\nstill,in\n', 0).records, ['"never closed\nstill,in\n'], 'an open quote takes the rest, as the engine does');
});

test('exported cells are neutralised and quoted exactly as estimate --csv writes them', () => {
  const cells = ['=1+1', '+86', '-3', '@x', '\tx', 'a,b', 'say "x"', '正常', '', 'two\nlines'];
  const header = cells.map((_, i) => `c${i}`).join(',');
  const input = `${header},unit_type\n${cells.map(F.csvRaw).join(',')},enterprise\n`;
  const estimate = join(repo, 'build', 'native', 'estimate');
  if (!existsSync(estimate)) throw new Error(`${estimate} is missing: build the native preset`);
  const out = execFileSync(estimate, ['--csv', '--region', '140000', '--date', '2024-07-15', '--program', 'stabilization_refund'], { input }).toString();
  const row = F.splitRecords(out, 0).records[1];
  assert.ok(row.startsWith(`${F.csvLine(cells)},`), `${row}\nvs\n${F.csvLine(cells)}`);
  assert.equal(F.csvCell('=SUM(A1)'), '"\'=SUM(A1)"');
  assert.equal(F.neutralise('-x'), "'-x");
  assert.equal(F.neutralise('x-'), 'x-');
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
  const none = await est.csvColumns('名称,代码', { program: SCOPE.program });
  assert.equal(F.needsMapping(none.columns), true, 'no column names a fact');
  const good = await est.csvColumns('单位名称,unit_type', { program: SCOPE.program });
  assert.equal(F.needsMapping(good.columns), false);
  const choices = F.mappingChoices(questions, 'zh');
  assert.deepEqual(choices.slice(0, 5).map((c) => c.value), ['', 'region', 'date', 'program', 'policy']);
  assert.ok(choices.some((c) => c.value === 'contribution_months' && c.label === '已足额缴纳失业保险费的月数 (contribution_months)'));
  const mapped = F.mappedHeader(['单位名称', '已足额缴纳失业保险费月数', '单位类型'], { 1: 'contribution_months' });
  assert.deepEqual(mapped, ['单位名称', 'contribution_months', '单位类型']);
  const again = await est.csvColumns(F.csvLine(mapped, true), { program: SCOPE.program });
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
  const v = F.summaryView(sum, { lang: 'zh', labels: { contribution_months: '缴费满 12 个月' }, questions });
  assert.deepEqual([v.total, v.yes, v.no, v.unknown, v.error], [6, 2, 2, 1, 1]);
  assert.equal(sum.amountFen, rows[0].amountFen + rows[1].amountFen);
  assert.equal(v.amount.yuan, F.moneyText(sum.amountFen, 'zh').yuan);
  assert.deepEqual(v.reasons.map((b) => [b.id, b.count, b.share]), [['contribution_months', 2, 1], ['layoff_rate', 1, 0.5]]);
  assert.equal(v.reasons[0].label, '缴费满 12 个月');
  assert.equal(v.reasons[1].label, 'layoff_rate', 'an unlabelled reason shows its id');
  assert.ok(v.missing.some((b) => b.id === 'insured_headcount' && b.label === '上年末单位参保人数' && b.count === 1));
  assert.deepEqual(['yes', 'no', 'unknown', 'error'].map((st) => F.stateText(st, 'zh')), ['是', '否', '待定', '出错']);
  const withReasons = F.screenRow((await est.screenCsv(csv, { ...SCOPE, output: 'reasons' })).split('\n')[2]);
  assert.deepEqual(withReasons.reasons, ['已足额缴纳失业保险费 6 个月，不满 12 个月']);
});
