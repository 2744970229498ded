// Hostile files on the screening page, in Chromium (issue 16): zip bombs, a
// value at XFD2000 and at XFD1048576, a 100 MB cell, deep XML, a truncated
// package, a file past the size limit, 8 million rows, and a CSV with a 100 MB
// line. Each is refused with the message the reader gives (the same text
// tests/js/xlsx-hostile.test.mjs checks in Node, with its memory), or read with
// the bad row as that row's error; the tab survives every one and screens a
// good file afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { readSheetRows } from '../../scripts/vendor/xlsx-read.mjs';
import { CASES, repeatPart, SHEET_HEAD, SHEET_TAIL, workbook } from '../hostile/spreadsheets/make.mjs';
import { open, shot, suite } from './lib/page.mjs';
import { screenFile } from './lib/screen-file.mjs';

const env = suite('screen-hostile');
const dir = mkdtempSync(join(tmpdir(), 'uie-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const byName = (name) => CASES.find((c) => c.name === name);
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>unit_type</t></is></c></row>';

// The files, and where the page must stop: at the file (its header cannot be
// read) or while screening (a limit met midway).
const FILES = [
  { name: 'bomb-declared-large', bytes: byName('bomb-declared-large').bytes, at: 'file' },
  { name: 'bomb-declared-small', bytes: byName('bomb-declared-small').bytes, at: 'file' },
  { name: 'cell-XFD2000', bytes: byName('cell-XFD2000').bytes, at: 'file' },
  { name: 'cell-XFD1048576', bytes: byName('cell-XFD1048576').bytes, at: 'file' },
  { name: 'cell-100MB', bytes: byName('cell-100MB').bytes, at: 'file' },
  { name: 'deep-sheet', bytes: byName('deep-sheet').bytes, at: 'file' },
  { name: 'truncated-half', bytes: byName('truncated-half').bytes, at: 'file' },
  // A header naming a fact, then 8 million rows: screened up to the row limit, then refused.
  { name: 'rows-8M-after-a-header', bytes: () => workbook({ sheet: repeatPart(SHEET_HEAD + HEADER, '<row><c><v>1</v></c></row>', 8000000, SHEET_TAIL) }),
    at: 'screen' },
];

async function expectedMessage(bytes) {
  try {
    await readSheetRows(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { onRows: () => true });
  } catch (e) {
    return e.message;
  }
  throw new Error('the reader read it');
}

async function openScreen() {
  const w = await open(env, 'screen.html?region=140000&date=2024-07-15', { viewport: { width: 1280, height: 900 }, wait: null });
  await w.page.waitForSelector('#app[data-engine="ready"]');
  return w;
}

test('hostile workbooks are refused with the reader\'s own message, and the tab goes on working', { timeout: 600000 }, async () => {
  const { page, done } = await openScreen();
  for (const f of FILES) {
    const bytes = f.bytes();
    const message = await expectedMessage(bytes);
    const path = join(dir, `${f.name}.xlsx`);
    writeFileSync(path, bytes);
    await page.setInputFiles('#file', path);
    const where = f.at === 'file' ? '#file-error' : '#screen-error';
    await page.waitForSelector(where, { timeout: 240000 });
    const shown = await page.locator(where).textContent();
    assert.ok(shown.includes(message), `${f.name}: the page says\n${shown}\nthe reader says\n${message}`);
    assert.equal(await page.locator('#summary').count(), 0, `${f.name}: no summary from a refused file`);
  }
  await shot(env, page, 'refused');
  // A file past the size limit is refused before it is read.
  const big = join(dir, 'too-large.xlsx');
  const bytes = new Uint8Array(65 * 1024 * 1024);
  bytes.set([0x50, 0x4B, 0x03, 0x04]);
  writeFileSync(big, bytes);
  await page.setInputFiles('#file', big);
  await page.waitForFunction(() => /超过 XLSX 的上限/.test(document.querySelector('#file-error')?.textContent || ''));
  // The tab is alive: a good file screens.
  const good = join(dir, 'good.csv');
  writeFileSync(good, screenFile(200).csv);
  await page.setInputFiles('#file', good);
  await page.waitForSelector('#summary', { timeout: 60000 });
  assert.equal(await page.locator('#count-total').textContent(), '200');
  await done();
});

test('a CSV with a 100 MB line: that row is its error, every other row is screened', { timeout: 300000 }, async () => {
  const file = screenFile(300);
  const lines = file.csv.split('\n');
  const at = 150;   // a data row in the middle
  const path = join(dir, 'long-line.csv');
  writeFileSync(path, Buffer.concat([Buffer.from(lines.slice(0, at).join('\n') + '\n'), Buffer.alloc(100 * 1024 * 1024, 'x'.charCodeAt(0)),
                                     Buffer.from('\n' + lines.slice(at).join('\n'))]));
  const { page, done } = await openScreen();
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#summary', { timeout: 240000 });
  assert.equal(Number((await page.locator('#count-total').textContent()).replace(/,/g, '')), file.units + 1, 'every unit and the long row');
  await page.selectOption('#filter-state', 'error');
  await page.waitForFunction(() => [...document.querySelectorAll('#results tbody tr')].every((tr) => tr.dataset.state === 'error'));
  const text = await page.locator('#results tbody').textContent();
  assert.match(text, new RegExp(`第 ${at + 1} 行超过 65536 字节的上限`), text.slice(0, 400));
  await done();
});
