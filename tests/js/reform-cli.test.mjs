// estimate --reform, --summary-json (build/native/estimate): a bad reform
// stops the CLI (exit 2) with the pointer it names, in Chinese and English;
// the summary's two columns are the totals of the tables `estimate --csv`
// writes without and with the reform, counted here from those tables.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { HEADER, screenFile } from '../e2e/lib/screen-file.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'build', 'native', 'estimate');
if (!existsSync(cli)) throw new Error(`${cli} is missing: build it first with  cmake --build build/native`);
const scratch = mkdtempSync(join(tmpdir(), 'uie-reform-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const run = (args, input = '') => spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
const SHANXI_2025 = ['--region', '140000', '--date', '2025-08-01', '--program', 'stabilization_refund'];
const example = (name) => join(repo, 'rules', 'reforms', `${name}.json`);

function reformFile(name, doc) {
  const path = join(scratch, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}
const reform = (set, over = {}) => ({ kind: 'reform', format: 1, id: 'cli-test', title: '命令行测试', base: 'sx-2025-13',
  program: 'stabilization_refund', set, ...over });

test('a bad reform stops estimate (exit 2) with its pointer, in Chinese and English', () => {
  const BAD = [
    ['rate-over-100.json', reform({ refund_rate_sme: '100.5%' }), '/set/refund_rate_sme', '比例应写成百分数文字', 'A rate is written as a percentage', 'value'],
    ['unknown-param.json', reform({ refund_rate_smee: '40%' }), '/set/refund_rate_smee', '没有参数', 'has no parameter', 'unknown_param'],
    ['unknown-fact.json', reform({ refund_rate_sme: { value: '60%', when: [{ fact: 'related', equals: true, value: '90%' }] } }),
      '/set/refund_rate_sme/when/0/fact', '没有事实', 'has no fact', 'unknown_fact'],
    ['duplicate.json', '{"kind":"reform","format":1,"kind":"reform"}', '/kind', '出现了两次', 'appears twice', 'invalid_json'],
    // A NUL in a key: shown escaped, the line not cut at it.
    ['nul-key.json', reform({ 'a\u0000b': '1%' }), '/set/a\\u0000b', '没有参数 "a\\u0000b"', 'has no parameter "a\\u0000b"', 'unknown_param'],
  ];
  for (const [name, doc, pointer, zh, en, code] of BAD) {
    const file = reformFile(name, doc);
    for (const args of [['--reform', file], ['--csv', '--summary-json', ...SHANXI_2025, '--reform', file], ['--reform', file, '--lang', 'en']]) {
      const r = run(args, JSON.stringify({ region: '140000', program: 'stabilization_refund', facts: {} }));
      assert.equal(r.status, 2, `${name} ${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '', `${name}: nothing on stdout`);
      const line = r.stderr.split('\n').find((l) => l.includes(`${file} ${pointer}: `));
      assert.ok(line, `${name}: the pointer ${pointer} named on stderr: ${r.stderr}`);
      assert.ok(line.includes(zh), `${name}: Chinese (${zh}): ${line}`);
      assert.ok(line.includes(en), `${name}: English (${en}): ${line}`);
      assert.ok(line.endsWith(`[${code}]`), `${name}: [${code}]: ${line}`);
    }
  }
  const missing = run(['--reform', join(scratch, 'no-such-file.json')], '');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^estimate: .*no-such-file\.json/);
});

test('each example of rules/reforms/ is accepted, and its answers name it', () => {
  const request = JSON.stringify({ region: '140100', date: '2025-08-01', program: 'stabilization_refund',
    facts: { unit_type: 'enterprise', size: 'sme', related_enterprise: true, contribution_months: 24, insured_headcount: 100, layoffs: 1, contributions_paid: '10000' } });
  const amounts = {};
  for (const name of ['sx-2025-related-uplift', 'sx-2025-uplift-all', 'sx-2025-chongqing-rates']) {
    const r = run(['--reform', example(name), '--today', '2026-12-06'], request);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    const answer = JSON.parse(r.stdout);
    assert.equal(answer.policy.reform.id, name);
    assert.ok(answer.notes.some((n) => n.includes(`（${name}）的结果，不是现行政策的结果`)), `${name}: the note`);
    amounts[name] = answer.amount_fen;
  }
  const inForce = JSON.parse(run(['--today', '2026-12-06'], request).stdout);
  assert.equal(inForce.amount_fen, 600000, '晋人社厅发〔2025〕13号: SME 60% of 10000 元');
  assert.equal(inForce.policy.reform, undefined);
  assert.deepEqual(amounts, { 'sx-2025-related-uplift': 900000, 'sx-2025-uplift-all': 900000, 'sx-2025-chongqing-rates': 200000 });
});

// ---- --summary-json against the tables

/** RFC 4180 records of a CSV text. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** What `estimate --csv` wrote comes to: units, eligible, the sum of 金额/分 over 是 rows, open amounts. */
function tableTotals(table) {
  const [header, ...rows] = parseCsv(table);
  const col = (name) => { const i = header.findIndex((h) => h.startsWith(name)); assert.ok(i >= 0, `column ${name}`); return i; };
  const verdict = col('是否符合'), fen = col('金额/分'), candidates = col('可能金额');
  const t = { items: rows.length, yes: 0, amount_fen: 0, open: 0 };
  for (const r of rows) {
    if (r[verdict] !== '是') continue;
    t.yes++;
    if (r[fen] !== '') t.amount_fen += Number(r[fen]);
    else { assert.notEqual(r[candidates], '', 'an eligible unit without an amount has candidates'); t.open++; }
  }
  return t;
}
const pick = (tally) => ({ items: tally.items, yes: tally.yes, amount_fen: tally.amount_fen, open: tally.open });

// The generated office file, with a column marking 相关企业 on about a third of the units.
function officeFile() {
  const f = screenFile(2000);
  const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const rows = f.rows.map((r, i) => (r.every((c) => c === '') ? [...r, ''] : [...r, i % 3 === 0 ? '是' : '否']));
  return [[...HEADER, 'related_enterprise'], ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

test('--summary-json: base is the table in force, reform the table under the reform', () => {
  const csv = officeFile();
  const base = tableTotals(run(['--csv', ...SHANXI_2025], csv).stdout);
  assert.equal(base.items, 2000);
  assert.ok(base.yes > 100 && base.amount_fen > 0 && base.open > 0, JSON.stringify(base));
  for (const name of ['sx-2025-related-uplift', 'sx-2025-uplift-all', 'sx-2025-chongqing-rates']) {
    const table = run(['--csv', ...SHANXI_2025, '--reform', example(name)], csv);
    assert.equal(table.status, 0, table.stderr);
    const under = tableTotals(table.stdout);
    const s = run(['--csv', '--summary-json', ...SHANXI_2025, '--reform', example(name)], csv);
    assert.equal(s.status, 0, s.stderr);
    const summary = JSON.parse(s.stdout);
    assert.deepEqual(pick(summary.base), base, `${name}: base`);
    assert.deepEqual(pick(summary.reform), under, `${name}: reform`);
    assert.notEqual(under.amount_fen, base.amount_fen, `${name} changes the total`);
    assert.equal(summary.reform.by_size.large.amount_fen + summary.reform.by_size.sme.amount_fen + summary.reform.by_size.none.amount_fen,
      summary.reform.amount_fen, `${name}: the sizes add up`);
    assert.ok(summary.changes.changed > 0 && summary.changes.gained === 0 && summary.changes.lost === 0, `${name}: ${JSON.stringify(summary.changes)}`);
  }
  // Without --reform, the summary is the base column alone.
  const alone = JSON.parse(run(['--csv', '--summary-json', ...SHANXI_2025], csv).stdout);
  assert.deepEqual(pick(alone.base), base);
  assert.equal(alone.reform, undefined);
});
