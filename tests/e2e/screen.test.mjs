// The screening page (批量筛查) in Chromium, the whole journey on a generated
// file of 10 000 units with bad rows, blank rows and formula-like cells: as
// UTF-8 with a BOM, as GB18030 (Excel on a Chinese Windows) and as XLSX. Its
// counts and total equal `estimate --csv` on the same file; its CSV export is
// byte for byte the CLI's table; its XLSX export reads back to the same
// cells; formulas are neutralised; bad rows show row, column and message;
// the column mapping, cancel and an unreadable file; axe finds nothing; and
// nothing leaves 127.0.0.1 (lib/page.mjs watches every request).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import vm from 'node:vm';

import { estimator } from '../js/lib/env.mjs';
import { axeCheck, open, repo, shot, SITE, suite } from './lib/page.mjs';
import { gb18030, screenFile, xlsx } from './lib/screen-file.mjs';

const env = suite('screen');
// CSV is read by the engine's own grammar (the page has no other).
const est = await estimator();
const dir = mkdtempSync(join(tmpdir(), 'uie-screen-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ESTIMATE = join(repo, 'build', 'native', 'estimate');
const SCOPE = ['--region', '140000', '--date', '2024-07-15', '--program', 'stabilization_refund'];
const file = screenFile(10000);

function cli(input) {
  return execFileSync(ESTIMATE, ['--csv', ...SCOPE], { input, maxBuffer: 1 << 28 });
}

// A table of `estimate --csv` (or an export) → counts by 是否符合, the total of
// the eligible with an amount, and how many eligible have two candidate amounts.
async function tally(csvText) {
  const text = csvText.replace(/^\uFEFF/, '');
  const rows = await est.csvRows(text);
  const head = rows[0];
  const at = head.indexOf('是否符合 (eligible)');
  assert.ok(at > 0, 'the table has its 是否符合 column');
  assert.equal(head[at + 3], '可能金额 (candidates)');
  const t = { yes: 0, no: 0, unknown: 0, error: 0, amountFen: 0, open: 0, rows: rows.length - 1 };
  const STATE = { 是: 'yes', 否: 'no', 待定: 'unknown', 出错: 'error' };
  for (const r of rows.slice(1)) {
    const st = STATE[r[at]];
    assert.ok(st, `a row's 是否符合 is one of 是/否/待定/出错, not ${r[at]}`);
    t[st] += 1;
    if (st === 'yes' && r[at + 1]) t.amountFen += Number(r[at + 1]);
    if (st === 'yes' && !r[at + 1]) {
      assert.match(r[at + 3], /大型企业 [\d.]+ 元；中小微企业 [\d.]+ 元/, 'an eligible unit without an amount has both candidates');
      t.open += 1;
    }
  }
  return { ...t, rows, head };
}

const reference = await tally(cli(Buffer.from(file.csv, 'utf8')).toString('utf8'));

async function pageCounts(page) {
  const n = async (id) => Number((await page.locator(`#count-${id}`).textContent()).replace(/,/g, ''));
  const open = await page.locator('#open-amount').count()
    ? Number((await page.locator('#open-amount').textContent()).match(/另有 ([\d,]+) 户/)[1].replace(/,/g, '')) : 0;
  return { total: await n('total'), yes: await n('yes'), no: await n('no'), unknown: await n('unknown'), error: await n('error'),
           amountFen: Number(await page.locator('#total-amount').getAttribute('data-fen')), open };
}

async function screenOn(page, path) {
  const before = Number((await page.locator('#app').getAttribute('data-screened')) || 0);
  await page.setInputFiles('#file', path);
  await page.waitForFunction((n) => Number(document.querySelector('#app').dataset.screened || 0) > n, before, { timeout: 60000 });
}

async function openScreen(query = '?region=140000&date=2024-07-15') {
  const w = await open(env, `screen.html${query}`, { viewport: { width: 1280, height: 900 }, wait: null });
  await w.page.waitForSelector('#app[data-engine="ready"]');
  return w;
}

// The site's own XLSX reader, in Node: a workbook's first sheet as rows of text.
async function readXlsx(bytes) {
  const ctx = vm.createContext({ Promise, TextDecoder, Uint8Array, ArrayBuffer, Blob, File, console });
  ctx.globalThis = ctx;
  ctx.self = ctx;
  vm.runInContext(readFileSync(join(SITE, 'screen', 'vendor', 'xlsx-read.js'), 'utf8'), ctx);
  ctx.bytes = new Uint8Array(bytes);
  const sheets = await vm.runInContext('UieXlsxRead.readWorkbook(bytes.buffer)', ctx);
  const rows = JSON.parse(JSON.stringify(sheets[0].data)).map((r) => r.map((c) => (c === null ? '' : String(c))));
  rows.types = sheets[0].data.map((r) => r.map((c) => typeof c));
  return rows;
}

test('the reference: the CLI screens every unit of the file, bad rows included', () => {
  assert.equal(reference.rows.length - 1, file.units, 'one table row per unit (the blank rows answer nothing)');
  assert.ok(reference.error >= file.bad, 'the bad rows are errors');
  assert.ok(reference.yes > 100 && reference.no > 100 && reference.unknown > 10, JSON.stringify(reference));
  assert.ok(reference.open > 10, 'units whose size is not given are eligible with two candidate amounts');
});

test('a UTF-8 file with a BOM: counts and total as the CLI, export CSV byte for byte its table, XLSX export read back alike', async () => {
  const path = join(dir, 'units-bom.csv');
  writeFileSync(path, Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(file.csv, 'utf8')]));
  const { page, done } = await openScreen();
  await shot(env, page, '01-start');
  await screenOn(page, path);
  assert.match(await page.locator('#file-info').textContent(), /UTF-8 \(BOM\)，[\d.]+ [KM]B，\d+ 列，10,000 户/);
  const c = await pageCounts(page);
  assert.deepEqual(c, { total: file.units, yes: reference.yes, no: reference.no, unknown: reference.unknown, error: reference.error,
                        amountFen: reference.amountFen, open: reference.open });
  await shot(env, page, '02-summary');
  await axeCheck(page, 'screening page with its summary and table');

  const csvDownload = page.waitForEvent('download');
  await page.click('#export-csv');
  const exported = readFileSync(await (await csvDownload).path());
  assert.deepEqual([...exported.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'the export opens in Excel as UTF-8');
  const expected = cli(readFileSync(path));
  assert.equal(exported.toString('utf8'), expected.toString('utf8'), 'the export is the table of estimate --csv');
  assert.ok(exported.includes("\"'=1+1\""), 'a formula cell is neutralised');
  assert.ok(exported.includes("\"'+86 351\"") && exported.includes("\"'@备注\""));

  const xlsxDownload = page.waitForEvent('download');
  await page.click('#export-xlsx');
  const back = await readXlsx(readFileSync(await (await xlsxDownload).path()));
  assert.equal(back.length, reference.rows.length);
  const width = reference.head.length;
  // The same cells, but numbers are numbers (the amounts, and the facts' counts and money) and
  // text cells need no ' before = + - @ (a text cell never runs as a formula).
  const same = (x, y) => x === y || (x !== '' && Number(x) === Number(y.replace(/,/g, ''))) || (y.startsWith("'") && x === y.slice(1));
  back.forEach((r, i) => r.concat(Array(width).fill('')).slice(0, width).forEach((cell, k) => {
    assert.ok(same(cell, reference.rows[i][k]), `XLSX row ${i + 1} column ${k + 1}: ${cell} vs ${reference.rows[i][k]}`);
  }));
  assert.ok(back.some((r) => r.includes('=1+1')), 'a formula-like cell is plain text in the XLSX');
  const yuan = reference.head.indexOf('金额/元 (amount_yuan)');
  back.forEach((r, i) => {
    if (i > 0 && r[yuan]) assert.equal(back.types[i][yuan], 'number', `row ${i + 1}: the amount is a number, so SUM adds it`);
  });
  await done();
});

test('a GB18030 file, as Excel saves it in China: the same answers, bad rows with row, column and message', async () => {
  const path = join(dir, 'units-gb.csv');
  writeFileSync(path, gb18030(file.csv));
  const { page, done } = await openScreen();
  await screenOn(page, path);
  assert.match(await page.locator('#file-info').textContent(), /GB18030/);
  const c = await pageCounts(page);
  assert.equal(c.yes, reference.yes);
  assert.equal(c.no, reference.no);
  assert.equal(c.error, reference.error);
  assert.equal(c.amountFen, reference.amountFen);

  // The bad rows, filtered: each names its row, its column and what is wrong.
  await page.selectOption('#filter-state', 'error');
  await page.waitForFunction(() => document.querySelectorAll('#results tbody tr[data-state="error"]').length > 0 &&
    [...document.querySelectorAll('#results tbody tr')].every((tr) => tr.dataset.state === 'error'));
  const first = await page.locator('#results tbody tr').first().textContent();
  // In plain words: the column is named, the message carries no internal id.
  assert.match(first, /第 19 行「上年度裁员人数（新增领金人数） \(layoffs\)」列：“上年度裁员人数（新增领金人数）”[^（]*"若干"/, first);
  await shot(env, page, '03-bad-rows');

  // Sorting by amount, largest first: the amounts do not increase down the page.
  await page.selectOption('#filter-state', 'yes');
  await page.waitForFunction(() => [...document.querySelectorAll('#results tbody tr')].every((tr) => tr.dataset.state === 'yes'));
  await page.click('button[data-sort="amount"]');
  await page.click('button[data-sort="amount"]');
  await page.waitForSelector('th[aria-sort="descending"] button[data-sort="amount"]');
  const amounts = await page.$$eval('#results tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent.replace(/[^0-9.]/g, ''))));
  assert.ok(amounts.length === 50 && amounts.every((a, i) => i === 0 || a <= amounts[i - 1]), amounts.join(' '));
  await page.click('#next');
  await page.waitForFunction(() => /第 51–100 户/.test(document.querySelector('#page-info').textContent));

  // A row opens its full explained answer: the same view as the single estimate.
  await page.locator('#results tbody tr button').first().click();
  await page.waitForSelector('#answer[open] #answer-verdict');
  assert.match(await page.locator('#answer-verdict').textContent(), /符合条件/);
  assert.ok(await page.locator('#answer .all-conditions li.condition').count() >= 3);
  await shot(env, page, '04-answer', { fullPage: false });
  await axeCheck(page, 'a row\'s explained answer');
  await page.click('#close-answer');
  await done();
});

test('an XLSX workbook gives the same answers as the CLI on its CSV', async () => {
  const path = join(dir, 'units.xlsx');
  writeFileSync(path, await xlsx(SITE, file.rows));
  const { page, done } = await openScreen();
  await screenOn(page, path);
  assert.match(await page.locator('#file-info').textContent(), /XLSX，[\d.]+ [KM]B，\d+ 列，10,000 户/);
  const c = await pageCounts(page);
  assert.deepEqual(c, { total: file.units, yes: reference.yes, no: reference.no, unknown: reference.unknown, error: reference.error,
                        amountFen: reference.amountFen, open: reference.open });
  await done();
});

test('unknown headers get the mapping step; cancel stops a batch; an unreadable file says so', async () => {
  const { page, done } = await openScreen('?region=140000&date=2024-07-15&slice=4096');
  // A misspelt header: the engine would refuse it, so the page asks.
  const misspelt = ['单位名称', '单位类型', '已足额缴纳失业保险费月数', '上年末单位参保人数', '上年度裁员人数（新增领金人数）', '上年度实际缴纳的失业保险费'];
  const path = join(dir, 'misspelt.csv');
  writeFileSync(path, `${misspelt.join(',')}\n甲公司,企业,24,80,4,56789.12\n乙公司,企业,6,80,4,1000\n`);
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#mapping');
  assert.match(await page.locator('#mapping').textContent(), /contribution_months/);
  await shot(env, page, '05-mapping');
  await axeCheck(page, 'the mapping step');
  await page.selectOption('#map-2', 'contribution_months');
  await page.click('#apply-mapping');
  await page.waitForSelector('#summary');
  assert.equal(await page.locator('#count-yes').textContent(), '1');
  assert.equal(await page.locator('#count-no').textContent(), '1');

  // Cancel: 10 000 rows read 4 KB at a time, cancelled at once.
  const big = join(dir, 'cancel.csv');
  writeFileSync(big, file.csv);
  await page.setInputFiles('#file', big);
  await page.waitForSelector('#cancel');
  await page.click('#cancel');
  await page.waitForSelector('#file-error');
  assert.match(await page.locator('#file-error').textContent(), /已取消筛查（已筛查 [\d,]+ 户，结果没有保留）/);
  assert.equal(await page.locator('#summary').count(), 0);

  // Not a spreadsheet at all.
  const junk = join(dir, 'picture.xlsx');
  writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
  await page.setInputFiles('#file', junk);
  await page.waitForSelector('#file-error');
  assert.match(await page.locator('#file-error').textContent(), /不是 XLSX 格式/);
  await shot(env, page, '06-unreadable');
  await done();
});

test('the template downloads as CSV and XLSX with the fact names, an example row and the allowed values', async () => {
  const { page, done } = await openScreen();
  const csvDownload = page.waitForEvent('download');
  await page.click('#template-csv');
  const csv = readFileSync(await (await csvDownload).path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = await est.csvRows(csv);
  assert.equal(rows.length, 2);
  assert.ok(rows[0].includes('上年末单位参保人数 (insured_headcount)'), rows[0].join(','));
  assert.equal(rows[0][0], '单位名称');
  assert.equal(rows[0].at(-1), '备注');
  // The engine reads the template's own headers back as the facts, and screens its example row.
  const table = await tally(cli(Buffer.from(csv, 'utf8')).toString('utf8'));
  assert.equal(table.rows.length, 2, 'the example row is screened like any unit');
  assert.notEqual(table.rows[1][table.head.indexOf('是否符合 (eligible)')], '出错', 'the example row is valid');
  const xlsxDownload = page.waitForEvent('download');
  await page.click('#template-xlsx');
  const bytes = readFileSync(await (await xlsxDownload).path());
  const ctx = vm.createContext({ Promise, TextDecoder, Uint8Array, ArrayBuffer, Blob, File, console });
  ctx.globalThis = ctx;
  ctx.self = ctx;
  vm.runInContext(readFileSync(join(SITE, 'screen', 'vendor', 'xlsx-read.js'), 'utf8'), ctx);
  ctx.bytes = new Uint8Array(bytes);
  const sheets = JSON.parse(JSON.stringify(await vm.runInContext('UieXlsxRead.readWorkbook(bytes.buffer)', ctx)));
  assert.deepEqual(sheets.map((x) => x.sheet), ['单位', '填写说明']);
  assert.deepEqual(sheets[0].data[0], rows[0]);
  const notes = sheets[1].data.map((r) => r.join(' '));
  assert.ok(notes.some((n) => /单位类型 \(unit_type\).*企业、社会团体/.test(n)), notes.join('\n'));
  await done();
});

test('the home page links to the screening page', async () => {
  const { page, done } = await open(env, '', { wait: 'who' });
  assert.equal(await page.locator('#screen-link').getAttribute('href'), 'screen.html');
  await page.click('#screen-link');
  await page.waitForSelector('#app[data-engine="ready"]');
  assert.match(await page.title(), /批量筛查/);
  await done();
});
