// Issue 16: hostile spreadsheets against the screening page's XLSX reader
// (scripts/vendor/xlsx-read.mjs). Each case of the corpus
// (tests/hostile/spreadsheets/make.mjs: zip bombs, a value at XFD1048576 or
// XFD2000, millions of rows, huge shared strings and cells, deep nesting,
// truncated and foreign files) is read in a process of its own
// (read-case.mjs), so its peak memory can be measured, and must be refused
// with its own limit or as unreadable, in Chinese and English, or read
// correctly; never a hang (each with a timeout), never an unbounded growth.
// Then the same cases through the bundle the Worker loads, and the API's
// contract: limits per call, batches, stopping, progress, wrong calls.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CASES, SHEET_HEAD, SHEET_TAIL, workbook } from '../hostile/spreadsheets/make.mjs';
import { loadBundle, source, streamedRows } from '../hostile/spreadsheets/readers.mjs';

const runner = fileURLToPath(new URL('../hostile/spreadsheets/read-case.mjs', import.meta.url));
const bundle = loadBundle();

// The most a reading may add to the process's peak resident memory. What the
// reader itself holds at a time is bounded by construction: one chunk of text
// (one 8 KB push of compressed input inflates to at most ~8.3 MB), fflate's
// window and output buffer (about twice that), the unfinished piece carried
// to the next chunk (limits.elementChars: 4 Mi characters, 8 MB in UTF-16)
// and its concatenation with the chunk, two batches of rows: some 60 MB. V8
// collects the chunks it has dropped only now and then, so the measured peaks
// run to ~110 MB (the bombs and the million rows; 0–60 MB for the rest). The
// bound leaves room for that and still fails for anything that grows with
// the file: before the limits these cases took 390 MB (XFD2000), 1.85 GB
// (8 million rows), 1 GB (the 1 GiB sheet), and XFD1048576 ran out of a 3 GB
// heap.
const PEAK_MB = 160;

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH = /^[\x20-\x7e]+$/;

/** One case read by the source in its own process: what read-case.mjs prints. */
function readCase(name) {
  const r = spawnSync(process.execPath, ['--expose-gc', runner, name], { encoding: 'utf8', timeout: 110_000 });
  assert.equal(r.signal, null, `${name}: killed (${r.signal}): a hang or a crash`);
  assert.equal(r.status, 0, `${name}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

for (const c of CASES) {
  test(`${c.name}: ${c.what}`, { timeout: 120_000 }, () => {
    const out = readCase(c.name);
    if (c.expect.code) {
      assert.equal(out.outcome, 'refused', `${c.name} must be refused, was read: ${JSON.stringify(out)}`);
      assert.equal(out.code, c.expect.code, out.message);
      assert.match(out.message, CHINESE);
      assert.match(out.messageEn, ENGLISH);
      if (c.expect.code === 'xlsx_limit') {
        assert.equal(out.error, 'XlsxLimitError');
        assert.equal(out.limit, c.expect.limit, out.message);
        // What to do, in both languages.
        assert.match(out.message, /请/);
        assert.match(out.messageEn, /(Split|Delete|Shorten|open it|save it)/);
      } else {
        assert.equal(out.error, 'XlsxUnreadableError');
        assert.match(out.message, /^无法读取这个 XLSX 文件：.+。请在 Excel 或 WPS 中打开它/);
      }
    } else {
      assert.equal(out.outcome, 'read', `${c.name} must be read: ${out.message}`);
      assert.equal(out.rows, c.expect.rows);
      assert.equal(out.columns, c.expect.columns);
    }
    assert.ok(out.peakMB < PEAK_MB, `${c.name}: the peak memory rose ${out.peakMB} MB while reading (bound ${PEAK_MB} MB)`);
  });
}

// The outcome of one reading, comparable across readers and realms.
async function outcome(reader, bytes, limits) {
  try {
    const r = await reader.readSheetRows(bytes, { limits, onRows() {} });
    return { rows: r.rows, columns: r.columns };
  } catch (e) {
    return { code: e.code, limit: e.limit, message: e.message, messageEn: e.messageEn };
  }
}

test('the bundle the Worker loads answers every quick case as the source does, message for message', async () => {
  for (const c of CASES.filter((x) => !x.slow)) {
    const bytes = c.bytes();
    assert.deepEqual(await outcome(bundle, bytes, c.limits), await outcome(source, bytes, c.limits), c.name);
  }
  assert.equal(Object.keys(bundle.DEFAULT_LIMITS).join(), Object.keys(source.DEFAULT_LIMITS).join());
});

test('a limit error says which limit, what was found, where, and what to do', async () => {
  const bytes = CASES.find((c) => c.name === 'cell-XFD2000').bytes();
  const e = await source.readSheetRows(bytes, { onRows() {} }).then(() => null, (x) => x);
  assert.ok(e instanceof source.XlsxLimitError);
  assert.deepEqual({ code: e.code, limit: e.limit, value: e.value, max: e.max, where: e.where },
    { code: 'xlsx_limit', limit: 'columns', value: 16384, max: source.DEFAULT_LIMITS.columns, where: 'XFD2000' });
  assert.match(e.message, /单元格 XFD2000 有内容，它在第 16,384 列，超过了这里能读取的 1,000 列/);
  assert.match(e.messageEn, /Cell XFD2000 has a value in column 16,384, past the 1,000 columns/);
  // readSheet and readWorkbook hold the same limits.
  await assert.rejects(source.readSheet(bytes), { code: 'xlsx_limit', limit: 'columns' });
  await assert.rejects(source.readWorkbook(bytes), { code: 'xlsx_limit', limit: 'columns' });
  const broken = await source.readSheetRows(bytes.subarray(0, 100), { onRows() {} }).then(() => null, (x) => x);
  assert.ok(broken instanceof source.XlsxUnreadableError);
  assert.equal(broken.code, 'xlsx_unreadable');
  assert.match(broken.detail, /ZIP 压缩包已损坏或不完整/);
  assert.match(broken.detailEn, /ZIP package is damaged or incomplete/);
});

test('limits are per call: the same file read under larger ones, refused under smaller ones', async () => {
  const bytes = CASES.find((c) => c.name === 'cell-XFD2000').bytes();
  const { rows, result } = await streamedRows(source, bytes, { limits: { columns: 16384 } });
  assert.deepEqual(result, { rows: 2000, columns: 16384, stopped: false });
  assert.ok(rows.slice(0, 1999).every((r) => r.length === 0), 'rows 1–1999 are delivered empty');
  assert.equal(rows[1999][16383], 1);
  await assert.rejects(source.readSheetRows(bytes, { limits: { columns: 16384, rows: 1999 }, onRows() {} }),
    { code: 'xlsx_limit', limit: 'rows', value: 2000, max: 1999 });
  await assert.rejects(source.readSheet(bytes, 1, { limits: { fileBytes: 100 } }), { code: 'xlsx_limit', limit: 'fileBytes' });
  const k3 = workbook({ sheet: '<row r="3"><c r="K3"><v>5</v></c></row>' });
  await assert.rejects(source.readSheet(k3, 1, { limits: { columns: 10 } }), { code: 'xlsx_limit', limit: 'columns', where: 'K3' });
  await assert.rejects(source.readWorkbook(k3, { limits: { rows: 2 } }), { code: 'xlsx_limit', limit: 'rows', value: 3 });
  assert.deepEqual(await source.readSheet(k3, 1, { limits: { columns: 11, rows: 3 } }), [[], [], [...Array(10).fill(null), 5]].map((r) => [...r, ...Array(11 - r.length).fill(null)]));
});

test('batches: numbered on, gaps as empty rows, no rows after the last value, each awaited before the next', async () => {
  const bytes = workbook({
    sharedStrings: '<si><t>甲</t></si>',
    sheet: '<row r="1"><c r="B1" t="s"><v>0</v></c></row><row r="4"><c r="A4"><v>4</v></c></row><row r="5"/>' +
      '<row r="6"><c r="C6" s="0"/></row><row r="7"><c r="A7" t="b"><v>1</v></c><c r="B7"/></row><row r="9"/>',
  });
  const seen = [];
  let busy = false;
  const result = await source.readSheetRows(bytes, {
    batchRows: 2,
    async onRows(batch, first) {
      assert.equal(busy, false, 'no batch while the last one is awaited');
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push([first, batch]);
      busy = false;
    },
  });
  assert.deepEqual(seen, [[1, [[null, '甲'], []]], [3, [[], [4]]], [5, [[], []]], [7, [[true]]]]);
  assert.deepEqual(result, { rows: 7, columns: 2, stopped: false });
});

test('onRows stops the reading by returning false, or by throwing; onProgress is heard through long stretches without rows', async () => {
  const rowsXml = '<row><c><v>1</v></c></row>';
  const bytes = workbook({ sheet: rowsXml.repeat(10000) });
  let calls = 0;
  const stopped = await source.readSheetRows(bytes, { batchRows: 100, onRows() { calls++; return calls < 3; } });
  assert.deepEqual([stopped, calls], [{ rows: 300, columns: 1, stopped: true }, 3]);
  const cancel = new Error('cancelled');
  await assert.rejects(source.readSheetRows(bytes, { onRows() { throw cancel; } }), (e) => e === cancel);
  await assert.rejects(source.readSheetRows(bytes, { async onRows() { throw cancel; } }), (e) => e === cancel);

  // 3 MB of empty rows stored uncompressed: no batch for all of it, progress every 256 KB of the part.
  const text = Buffer.from(SHEET_HEAD + '<row/>'.repeat(500000) + '<row><c><v>2</v></c></row>' + SHEET_TAIL);
  const stored = workbook({ sheet: { data: text, size: text.length, crc: 0, method: 0 } });
  const progress = [];
  const read = await source.readSheetRows(stored, { onRows() {}, onProgress(done, total) { progress.push([done, total]); } });
  assert.deepEqual(read, { rows: 500001, columns: 1, stopped: false });
  assert.ok(progress.length >= 2, `progress heard ${progress.length} times`);
  assert.ok(progress.every(([done, total], i) => total === text.length && done <= total && (i === 0 || done > progress[i - 1][0])));
  const early = await source.readSheetRows(stored, { onRows() { assert.fail('no rows before the stop'); }, onProgress: () => false });
  assert.deepEqual(early, { rows: 0, columns: 0, stopped: true });
});

test('a call written wrong is a TypeError, not a reading', async () => {
  const bytes = workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c></row>' });
  await assert.rejects(source.readSheetRows(bytes, {}), TypeError);
  await assert.rejects(source.readSheetRows(bytes, { onRows() {}, limits: { row: 5 } }), TypeError);
  await assert.rejects(source.readSheetRows(bytes, { onRows() {}, limits: { rows: 'many' } }), TypeError);
  await assert.rejects(source.readSheetRows('not bytes', { onRows() {} }), TypeError);
});

test('docs/limits.md lists every limit with its default', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/limits.md', import.meta.url)), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `(\w+)` \| ([\d,]+)[ |]/gm)].map((m) => [m[1], Number(m[2].replace(/,/g, ''))]));
  assert.deepEqual(Object.fromEntries(rows), { ...source.DEFAULT_LIMITS });
});
