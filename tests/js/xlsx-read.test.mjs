// The screening page's XLSX reader (scripts/vendor/xlsx-read.mjs, bundled
// into the site as screen/vendor/xlsx-read.js): for workbooks written by
// write-excel-file and for hand-made packages as Excel, WPS, LibreOffice and
// the OpenXML SDK write them, it must give what read-excel-file (the reader it
// replaces, kept as a devDependency for this comparison) gives, and where
// that one refuses or misreads a plain file, what the file says.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { strToU8, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';

import { arrayBuffer, loadBundle, padded, plain, source, streamedRows } from '../hostile/spreadsheets/readers.mjs';

const readers = { source, bundle: loadBundle() };

const plainBook = (sheets) => Array.from(sheets, (s) => ({ sheet: s.sheet, data: plain(s.data) }));

/**
 * Both readers on the same bytes: ours (source and bundle) must equal
 * read-excel-file, every sheet; the first sheet streamed by readSheetRows
 * (in batches of 2 rows, so every file here spans several) too, once padded.
 */
async function sameAsReadExcelFile(bytes) {
  const expected = plainBook(await readXlsxFile(arrayBuffer(bytes)));
  for (const [name, reader] of Object.entries(readers)) {
    assert.deepEqual(plainBook(await reader.readWorkbook(arrayBuffer(bytes))), expected, `${name}: readWorkbook`);
    assert.deepEqual(plain(await reader.readSheet(bytes)), expected[0].data, `${name}: readSheet (the first sheet)`);
    assert.deepEqual(padded((await streamedRows(reader, bytes, { batchRows: 2 })).rows), expected[0].data, `${name}: readSheetRows`);
  }
  return expected;
}

async function ours(bytes, sheet) {
  const out = [];
  for (const reader of Object.values(readers)) out.push(plain(await reader.readSheet(bytes, sheet)));
  assert.deepEqual(out[1], out[0], 'the bundle reads as the source');
  return out[0];
}

// ---- hand-made packages ----

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * A package: sheets [{ name, xml (the <sheetData> and what surrounds it inside <worksheet>) }],
 * sharedStrings (the <si> elements), styles (styles.xml's inside), workbookPr, and extra parts.
 */
function book({ sheets, sharedStrings, styles, workbookPr = '', targets, extra = {} }) {
  const files = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}>${workbookPr}<sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join('') + '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((s, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="${(targets && targets[i]) || `worksheets/sheet${i + 1}.xml`}"/>`).join('') +
      (sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (styles !== undefined ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '') + '</Relationships>',
    ...extra,
  };
  sheets.forEach((s, i) => {
    const target = (targets && targets[i]) || `worksheets/sheet${i + 1}.xml`;
    files[target.startsWith('/') ? target.slice(1) : `xl/${target}`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${s.xml}</worksheet>`;
  });
  if (sharedStrings !== undefined) {
    files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS}>${sharedStrings}</sst>`;
  }
  if (styles !== undefined) files['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ${NS}>${styles}</styleSheet>`;
  const u8 = {};
  for (const [k, v] of Object.entries(files)) u8[k] = strToU8(v);
  return zipSync(u8);
}

// Styles as Excel writes them: 0 general, 1 built-in date (14), 2 a custom date
// (164), 3 a custom percentage (165, no date), 4 a time (21), 5 a Chinese date
// (31), 6 a style with no numFmtId of its own whose cellStyleXfs base is a date.
const STYLES = '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="0.00%"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/></font></fonts>' +
  '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/></cellStyleXfs>' +
  '<cellXfs count="7"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="21" fontId="0" xfId="0"/><xf numFmtId="31" fontId="0" xfId="0"/><xf fontId="0" xfId="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';

const SHARED = [
  '<si><t>单位名称</t></si>',
  '<si><t xml:space="preserve">  前后有空格  </t></si>',
  '<si><r><t>富</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">文本 </t></r><r><t>三段</t></r></si>',
  '<si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;</t></si>',
  '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>',
  '<si><t>line_x000D_break _x005F_x0041_</t></si>',
  '<si><t></t></si>',
  '<si><t>   </t></si>',
].join('');

test('write-excel-file workbooks: strings, numbers, booleans, dates, gaps, several sheets, as read-excel-file reads them', async () => {
  const S = (value) => ({ value, type: String });
  const N = (value, format) => ({ value, type: Number, ...(format ? { format } : {}) });
  const D = (y, m, d, format) => ({ value: new Date(Date.UTC(y, m - 1, d)), type: Date, format });
  const sheet1 = [
    [S('单位名称'), S('人数'), S('金额'), S('日期'), S('是否'), null, S('备注')],
    [S('  某某有限公司, 分公司 '), N(12), N(56789.12, '#,##0.00'), D(2024, 7, 15, 'yyyy-mm-dd'), { value: true, type: Boolean }, null, S('=1+1')],
    [S('A & B <c> "d" \'e\''), N(-3.5), N(0.125, '0.00%'), D(2000, 2, 29, 'yyyy"年"m"月"d"日"'), { value: false, type: Boolean }, null, S('')],
    [null, null, null, null, null, null, null],
    [S('𠀋 astral'), N(1e21), N(123456789012345680000), D(1970, 1, 1, 'd/m/yy'), null, null, S('@备注')],
    [null, null, null, null, null, null, null],
  ];
  const sheet2 = [[S('填写说明')], [S('第二张表 & 名')]];
  const blob = await writeXlsxFile([{ data: sheet1, sheet: '单位 & 名单' }, { data: sheet2, sheet: '填写说明' }]).toBlob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const rows = await sameAsReadExcelFile(bytes);
  // What the file says, so the comparison above cannot pass on two readers wrong alike.
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].sheet, '单位 & 名单');
  const data = rows[0].data;
  assert.equal(data.length, 5, 'the empty last row is left out, the empty middle one kept');
  assert.deepEqual(data[1], ['某某有限公司, 分公司', 12, 56789.12, { date: '2024-07-15T00:00:00.000Z' }, true, null, '=1+1']);
  assert.deepEqual(data[2], ['A & B <c> "d" \'e\'', -3.5, 0.125, { date: '2000-02-29T00:00:00.000Z' }, false, null, null]);
  assert.deepEqual(data[3], [null, null, null, null, null, null, null]);
  assert.deepEqual(data[4], ['𠀋 astral', 1e21, 123456789012345680000, { date: '1970-01-01T00:00:00.000Z' }, null, null, '@备注']);
});

test('a sheet as Excel saves it: shared strings with rich text, phonetic runs, xml:space, entities and _xHHHH_; skipped cells and rows; no <dimension>', async () => {
  const bytes = book({
    sharedStrings: SHARED,
    styles: STYLES,
    sheets: [{
      name: 'Sheet1',
      xml: '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>' +
        '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" s="1"/></row>' +
        '<row r="3"><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c></row>' +
        '<row r="5"><c r="A5" t="s"><v>4</v></c><c r="B5" t="s"><v>5</v></c><c r="C5" t="s"><v>6</v></c><c r="D5" t="s"><v>7</v></c></row>' +
        '<row r="6" customHeight="1" ht="20"/>' +
        '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    }],
  });
  const data = (await sameAsReadExcelFile(bytes))[0].data;
  assert.deepEqual(data, [
    [null, null, null],
    ['单位名称', null, '前后有空格'],
    [null, '富文本 三段', 'A & B <c> "d" \'e\' 中文'],
    [null, null, null],
    ['山田', 'line\rbreak _x0041_', null],
  ], 'an empty cell (D2, a style only) widens nothing');
});

test('cell types: inline strings (plain and rich), formula results (t="str"), booleans, errors (read as empty), numbers and dates by style', async () => {
  const bytes = book({
    sharedStrings: SHARED,
    styles: STYLES,
    sheets: [{
      name: '数据',
      xml: '<dimension ref="A1:H3"/><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>内联 &amp; 字符串</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>内联</t></r></is></c>' +
        '<c r="C1" t="str"><f>CONCATENATE("a","b")</f><v>ab</v></c><c r="D1" t="str"><f>A9</f><v></v></c><c r="E1" t="str"><f>A9&amp;""</f></c>' +
        '<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>45488</v></c><c r="B2" s="2"><v>45488.75</v></c><c r="C2" s="3"><v>0.125</v></c><c r="D2" s="4"><v>0.5</v></c>' +
        '<c r="E2" s="5"><v>1</v></c><c r="F2" s="6"><v>60</v></c><c r="G2" s="0"><v>45488</v></c><c r="H2"><v>-1.5E-3</v></c></row>' +
        '<row r="3"><c r="A3" t="n"><v>007</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="inlineStr"><is><t>  </t></is></c>' +
        '<c r="D3" t="inlineStr"><is><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></is></c></row>' +
        '</sheetData>',
    }],
  });
  const data = (await sameAsReadExcelFile(bytes))[0].data;
  assert.deepEqual(data[0], ['内联 & 字符串', '富内联', 'ab', null, null, true, false, null]);
  assert.deepEqual(data[1], [{ date: '2024-07-15T00:00:00.000Z' }, { date: '2024-07-15T18:00:00.000Z' }, 0.125,
    { date: '1899-12-30T12:00:00.000Z' }, { date: '1899-12-31T00:00:00.000Z' }, { date: '1900-02-28T00:00:00.000Z' }, 45488, -0.0015]);
  assert.deepEqual(data[2], [7, null, null, '山田', null, null, null, null]);
});

test('the 1904 date system (Excel for Mac), a first sheet that is not sheet1.xml, an absolute target', async () => {
  const bytes = book({
    styles: STYLES,
    workbookPr: '<workbookPr date1904="1" defaultThemeVersion="124226"/>',
    targets: ['/xl/worksheets/sheet9.xml', 'worksheets/sheet1.xml'],
    sheets: [
      { name: '第一张', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43660</v></c></row></sheetData>' },
      { name: 'second', xml: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' },
    ],
  });
  const sheets = await sameAsReadExcelFile(bytes);
  assert.deepEqual(sheets.map((s) => s.sheet), ['第一张', 'second']);
  assert.deepEqual(sheets[0].data, [[{ date: '1904-01-01T00:00:00.000Z' }, { date: '2023-07-15T00:00:00.000Z' }]]);
  assert.deepEqual(await ours(bytes, 'second'), [[2]]);
  assert.deepEqual(await ours(bytes, 2), [[2]]);
});

test('as LibreOffice saves it: row and cell attributes it writes, its date format codes, an empty sheet after', async () => {
  const bytes = book({
    sharedStrings: '<si><t xml:space="preserve">名称</t></si><si><t xml:space="preserve">某单位</t></si>',
    styles: '<numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="YYYY\\-MM\\-DD"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="164" xfId="0"/><xf numFmtId="165" xfId="0" applyNumberFormat="true"/></cellXfs>',
    sheets: [
      {
        name: 'Sheet1',
        xml: '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:C2"/>' +
          '<cols><col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="1025" min="1" style="0" width="11.52"/></cols><sheetData>' +
          '<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">' +
          '<c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="n"><v>1.5</v></c><c r="C1" s="1" t="n"><v>45488</v></c></row>' +
          '<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">' +
          '<c r="A2" s="0" t="s"><v>1</v></c><c r="B2" s="0" t="b"><v>1</v></c><c r="C2" s="0" t="str"><f aca="false">A2</f><v>某单位</v></c></row>' +
          '</sheetData><printOptions headings="false" gridLines="false"/>',
      },
      { name: 'Sheet2', xml: '<sheetData/>' },
    ],
  });
  const sheets = await sameAsReadExcelFile(bytes);
  assert.deepEqual(sheets[0].data, [['名称', 1.5, { date: '2024-07-15T00:00:00.000Z' }], ['某单位', true, '某单位']]);
  assert.deepEqual(sheets[1].data, []);
});

test('as WPS and the OpenXML SDK save it: a namespace prefix on every element, pretty-printed XML, rows without r=', async () => {
  const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  // Every part with the x: prefix throughout (as the OpenXML SDK writes it), no _rels/.rels, whitespace between elements.
  const files = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'xl/workbook.xml': strToU8(`<x:workbook ${X} xmlns:r="${REL}"><x:sheets><x:sheet name="WPS表格" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/sheet.xml"/>` +
      `<Relationship Id="R2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<x:sst ${X}>\n  <x:si>\n    <x:t>甲</x:t>\n  </x:si>\n  <x:si>\n    <x:r>\n      <x:t>乙</x:t>\n    </x:r>\n    <x:r>\n      <x:t>丙</x:t>\n    </x:r>\n  </x:si>\n</x:sst>`),
    'xl/worksheets/sheet.xml': strToU8(`<?xml version="1.0" encoding="utf-8"?>\n<x:worksheet ${X}>\n  <x:sheetData>\n` +
      '    <x:row r="1">\n      <x:c r="A1" t="s">\n        <x:v>0</x:v>\n      </x:c>\n      <x:c r="B1" t="s"><x:v>1</x:v></x:c>\n    </x:row>\n' +
      '    <x:row>\n      <x:c r="A2"><x:v>3</x:v></x:c>\n      <x:c r="C2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c>\n    </x:row>\n' +
      '  </x:sheetData>\n</x:worksheet>\n'),
  };
  const prefixed = zipSync(files);
  const sheets = await sameAsReadExcelFile(prefixed);
  assert.deepEqual(sheets[0].data, [['甲', '乙丙', null], [3, null, '内联']]);
});

test('where read-excel-file refuses or misreads a plain file, ours reads what it says', async () => {
  // Cells without r= (some streaming writers): the next column, the row's own number.
  const noRefs = book({
    sharedStrings: SHARED,
    sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c t="s"><v>0</v></c><c><v>2</v></c></row><row><c t="b"><v>1</v></c></row></sheetData>' }],
  });
  await assert.rejects(readXlsxFile(arrayBuffer(noRefs)), 'read-excel-file cannot read a cell without r=');
  assert.deepEqual(await ours(noRefs), [['单位名称', 2], [true, null]]);
  // CDATA and comments in the XML, a numeric reference beyond U+FFFF, a style index styles.xml lacks.
  const odd = book({
    sharedStrings: '<si><t><![CDATA[a <b> & c]]></t></si><si><!-- note --><t>x&#x20000;y</t></si>',
    sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><!-- c --><v>1</v></c><c r="C1" s="7"><v>5</v></c></row></sheetData>' }],
  });
  assert.deepEqual(await ours(odd), [['a <b> & c', 'x\u{20000}y', 5]]);
});

test('a broken or foreign file is refused with a clear message, never a wrong reading', async () => {
  // Every refusal is an XlsxUnreadableError (code xlsx_unreadable), in Chinese and English alike.
  const reasons = async (bytes) => {
    const out = [];
    for (const reader of Object.values(readers)) {
      try {
        await reader.readSheet(bytes);
        out.push('read');
      } catch (e) {
        assert.equal(e.code, 'xlsx_unreadable', e.message);
        assert.match(e.messageEn, /^This XLSX file cannot be read: .+\. Open it in Excel/);
        out.push(e.message);
      }
    }
    return out;
  };
  const [notZip] = await reasons(strToU8('单位名称,人数\n甲,3\n'));
  assert.match(notZip, /ZIP 压缩包已损坏或不完整/);
  const [noBook] = await reasons(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
  assert.match(noBook, /没有工作簿/);
  const badIndex = book({ sharedStrings: '<si><t>a</t></si>', sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>' }] });
  const [badIndexReason] = await reasons(badIndex);
  assert.match(badIndexReason, /单元格 A1：共享字符串 3 不存在/);
  const outOfOrder = book({ sheets: [{ name: 'S', xml: '<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' }] });
  const [orderReason] = await reasons(outOfOrder);
  assert.match(orderReason, /不按顺序/);
  const truncated = book({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }] }).subarray(0, 200);
  const [truncatedReason] = await reasons(truncated);
  assert.notEqual(truncatedReason, 'read');
  const all = await reasons(badIndex);
  assert.equal(all[0], all[1], 'the bundle refuses as the source');
});

test('a large sheet as the screening page gets it: 3 000 units, the same rows as read-excel-file', async () => {
  const { screenFile, HEADER } = await import('../e2e/lib/screen-file.mjs');
  const f = screenFile(3000);
  const cells = [HEADER, ...f.rows].map((r, i) => r.map((c) => {
    const n = c.replace(/,/g, '');
    return i > 0 && /^[0-9]+(\.[0-9]+)?$/.test(n) ? { value: Number(n), type: Number } : { value: c, type: String };
  }));
  const bytes = new Uint8Array(await (await writeXlsxFile(cells).toBlob()).arrayBuffer());
  const data = (await sameAsReadExcelFile(bytes))[0].data;
  assert.equal(data.length, 3000 + f.blank + 1);
  assert.deepEqual(data[0], HEADER);
});

test('keep: a second reading of the same buffer reuses the shared strings, and reads the same rows', async () => {
  const bytes = new Uint8Array(await (await writeXlsxFile([
    [{ value: '单位名称', type: String }, { value: '人数', type: String }],
    [{ value: '甲', type: String }, { value: 12, type: Number }],
    [{ value: '乙', type: String }, { value: 3, type: Number }],
  ]).toBlob()).arrayBuffer());
  for (const [name, reader] of Object.entries(readers)) {
    const buffer = arrayBuffer(bytes);
    const keep = {};
    const header = [];
    await reader.readSheetRows(buffer, { keep, onRows: (rows) => { header.push(rows[0]); return false; } });
    assert.equal(keep.reads, 1, `${name}: read once`);
    const all = [];
    await reader.readSheetRows(buffer, { keep, onRows: (rows) => { all.push(...rows); } });
    assert.equal(keep.reads, 1, `${name}: not read again`);
    assert.deepEqual(plain(all), [['单位名称', '人数'], ['甲', 12], ['乙', 3]], name);
    assert.deepEqual(plain(header), [['单位名称', '人数']], name);
    // Another buffer, or other limits: read anew.
    await reader.readSheetRows(arrayBuffer(bytes), { keep, onRows: () => false });
    assert.equal(keep.reads, 2, `${name}: another buffer`);
    await reader.readSheetRows(keep.source, { keep, limits: { rows: 10 }, onRows: () => false });
    assert.equal(keep.reads, 3, `${name}: other limits`);
  }
});
