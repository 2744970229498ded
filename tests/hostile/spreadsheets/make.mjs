// The hostile-spreadsheet corpus (issue 16): XLSX packages built to blow up a
// reader (zip bombs, a value at XFD1048576, millions of rows, huge strings,
// deep nesting) or to be no readable workbook at all (truncated, not a ZIP,
// parts missing, bad XML), each with what scripts/vendor/xlsx-read.mjs must
// answer: refused with its limit, refused as unreadable, or read.
//
//   import { CASES } from './make.mjs'        tests/js/xlsx-hostile.test.mjs
//   node tests/hostile/spreadsheets/make.mjs [OUT_DIR]
//       writes every case as OUT_DIR/NAME.xlsx (default build/hostile-spreadsheets/,
//       which git ignores) and OUT_DIR/cases.json: [{ name, what, limits, expect }],
//       for the page's tests to drop into the screening page.
//
// Nothing here is kept in git but this script: the largest packages inflate
// to a gigabyte. They are built without ever holding that gigabyte: a part
// that repeats a piece of text is written as a hand-made deflate stream (one
// copy of the piece, then back-references to it, 13 bits per 258 bytes), so
// the largest package is a few megabytes and takes milliseconds to make.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;
const utf8 = (s) => Buffer.from(s, 'utf8');

// ---- deflate, by hand (RFC 1951) ----

/** Bits, least significant first, as deflate packs them. */
class BitWriter {
  constructor() {
    this.buf = new Uint8Array(1 << 16);
    this.length = 0;
    this.acc = 0;
    this.count = 0;
  }

  byte(b) {
    if (this.length === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = b;
  }

  bits(value, n) {
    this.acc |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.byte(this.acc & 255);
      this.acc >>>= 8;
      this.count -= 8;
    }
  }

  /** A Huffman code: written from its most significant bit. */
  code(c, n) {
    let r = 0;
    for (let i = 0; i < n; i++) r = (r << 1) | ((c >> i) & 1);
    this.bits(r, n);
  }

  align() {
    if (this.count > 0) this.bits(0, 8 - this.count);
  }

  done() {
    this.align();
    return this.buf.slice(0, this.length);
  }
}

/** Stored blocks (at most 65 535 bytes each) holding data as it is. */
function storedBlocks(w, data, final) {
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const piece = data.subarray(at, at + 65535);
    const last = at + 65535 >= data.length;
    w.bits(final && last ? 1 : 0, 1);
    w.bits(0, 2);
    w.align();
    w.byte(piece.length & 255); w.byte(piece.length >> 8);
    w.byte(~piece.length & 255); w.byte((~piece.length >> 8) & 255);
    for (const b of piece) w.byte(b);
    if (data.length === 0) break;
  }
}

// The fixed Huffman code's lengths and distances (RFC 1951 3.2.5).
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function literal(w, b) {
  if (b < 144) w.code(0x30 + b, 8);
  else w.code(0x190 + b - 144, 9);
}

// A match's bits, worked out once per length and distance: a gigabyte is four million matches.
const MATCHES = new Map();

function match(w, length, distance) {
  const key = length * 65536 + distance;
  let bits = MATCHES.get(key);
  if (!bits) {
    const probe = new BitWriter();
    encodeMatch(probe, length, distance);
    bits = { bytes: probe.buf.slice(0, probe.length), acc: probe.acc, count: probe.count };
    MATCHES.set(key, bits);
  }
  for (const b of bits.bytes) w.bits(b, 8);
  if (bits.count) w.bits(bits.acc, bits.count);
}

function encodeMatch(w, length, distance) {
  let i = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[i] > length) i--;
  const symbol = 257 + i;
  if (symbol < 280) w.code(symbol - 256, 7);
  else w.code(0xC0 + symbol - 280, 8);
  if (LENGTH_EXTRA[i]) w.bits(length - LENGTH_BASE[i], LENGTH_EXTRA[i]);
  let j = DIST_BASE.length - 1;
  while (DIST_BASE[j] > distance) j--;
  w.code(j, 5);
  if (DIST_EXTRA[j]) w.bits(distance - DIST_BASE[j], DIST_EXTRA[j]);
}

/**
 * A part whose text is head, then unit `times` over, then tail, as a raw
 * deflate stream: head and tail stored, the unit once in literals and the
 * rest as back-references to it. { data, size (inflated), crc (0: left out,
 * no reader here checks it, and it would cost a pass over the gigabyte) }.
 */
export function repeatPart(head, unit, times, tail) {
  const h = utf8(head), u = utf8(unit), t = utf8(tail);
  if (u.length > 32768) throw new Error('repeatPart: a unit longer than deflate\'s window');
  const w = new BitWriter();
  storedBlocks(w, h, false);
  if (times > 0) {
    w.bits(0, 1);
    w.bits(1, 2);   // a block in the fixed Huffman code
    for (const b of u) literal(w, b);
    let left = (times - 1) * u.length;
    let at = u.length;   // bytes of the repetition written, for the unit's phase
    while (left >= 3) {
      const length = Math.min(258, left);
      if (left - length > 0 && left - length < 3) {   // never leave 1 or 2 bytes, which no match can take
        match(w, length - 3, u.length);
        left -= length - 3;
        at += length - 3;
        continue;
      }
      match(w, length, u.length);
      left -= length;
      at += length;
    }
    for (; left > 0; left--, at++) literal(w, u[at % u.length]);
    w.code(0, 7);   // end of block
  }
  storedBlocks(w, t, true);
  return { data: w.done(), size: h.length + u.length * times + t.length, crc: 0 };
}

/** A part of ordinary text, deflated. */
export function textPart(text) {
  const bytes = utf8(text);
  return { data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

// ---- the ZIP ----

/**
 * A ZIP of parts { name: part } (part: { data, size, crc } deflated, or with
 * method 0 stored). overrides[name] may set what the directory says of a
 * part: size (the declared inflated size), method, flags, offset.
 */
export function zipParts(parts, overrides = {}) {
  const pieces = [];
  const central = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const o = overrides[name] || {};
    const n = utf8(name);
    const method = o.method !== undefined ? o.method : part.method !== undefined ? part.method : 8;
    const declared = o.size !== undefined ? o.size : part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(o.flags || 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);   // 1980-01-01
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(n.length, 26);
    pieces.push(local, n, part.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(o.flags || 0, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(part.crc >>> 0, 16);
    c.writeUInt32LE(part.data.length, 20);
    c.writeUInt32LE(declared, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(o.offset !== undefined ? o.offset : offset, 42);
    central.push(c, n);
    offset += 30 + n.length + part.data.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const count = Object.keys(parts).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xFFFF), 8);
  end.writeUInt16LE(Math.min(count, 0xFFFF), 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...pieces, ...central, end]));
}

// ---- workbooks ----

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';

/** The XML a worksheet part starts and ends with, around its rows. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
export const SST_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS}>`;

/**
 * A workbook of one sheet: sheet (the worksheet part: a part, or the rows'
 * XML as text), sharedStrings (a part or the <si> elements' text), workbook
 * (the workbook part's text, to replace it), more parts, and directory
 * overrides (zipParts).
 */
export function workbook({ sheet, sharedStrings, workbook: book, parts = {}, overrides } = {}) {
  const all = {
    '[Content_Types].xml': textPart('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': textPart(`<Relationships ${RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': book && typeof book === 'object' ? book
      : textPart(book || `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': textPart(`<Relationships ${RELS}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') + '</Relationships>'),
    ...parts,
  };
  if (sheet !== null) all['xl/worksheets/sheet1.xml'] = typeof sheet === 'object' ? sheet : textPart(SHEET_HEAD + (sheet || '') + SHEET_TAIL);
  if (sharedStrings !== undefined) {
    all['xl/sharedStrings.xml'] = typeof sharedStrings === 'object' ? sharedStrings : textPart(`${SST_HEAD}${sharedStrings}</sst>`);
  }
  return zipParts(all, overrides);
}

/** A small good workbook: a header and two rows, shared and inline strings, numbers, a boolean. */
export function goodWorkbook() {
  return workbook({
    sharedStrings: '<si><t>单位名称</t></si><si><t>人数</t></si><si><t>某某有限公司</t></si>',
    sheet: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>乙单位</t></is></c><c r="B3"><v>7</v></c><c r="C3" t="b"><v>1</v></c></row>',
  });
}

const limit = (name) => ({ code: 'xlsx_limit', limit: name });
const UNREADABLE = { code: 'xlsx_unreadable' };
const GIB = 1024 * MB;

/**
 * The corpus: { name, what, limits (overrides; the defaults otherwise),
 * expect: { code, limit } for a refusal, or { rows, columns } for a file that
 * is read, slow (a second or more to read), bytes() }. Most run at the
 * default limits; a few use small ones where the point is that the limit is
 * counted, not how large the default is.
 */
export const CASES = [
  {
    name: 'bomb-declared-large',
    what: 'a sheet of 1 GiB of blanks (6.5 MB packed), its size declared honestly: refused on the declared size, nothing inflated',
    expect: limit('entryBytes'),
    bytes: () => workbook({ sheet: repeatPart(SHEET_HEAD, ' ', GIB, SHEET_TAIL) }),
  },
  {
    name: 'bomb-declared-small',
    slow: true,
    what: 'the same 1 GiB sheet declaring 1 KB: refused once the bytes really inflated pass the limit',
    expect: limit('entryBytes'),
    bytes: () => workbook({ sheet: repeatPart(SHEET_HEAD, ' ', GIB, SHEET_TAIL), overrides: { 'xl/worksheets/sheet1.xml': { size: 1024 } } }),
  },
  {
    name: 'bomb-total',
    what: 'shared strings and sheet each under the per-part limit, together over the total, their sizes declared small',
    limits: { entryBytes: 8 * MB, totalBytes: 12 * MB },
    expect: limit('totalBytes'),
    bytes: () => workbook({
      sharedStrings: repeatPart(SST_HEAD, ' ', 7 * MB, '</sst>'),
      sheet: repeatPart(SHEET_HEAD, ' ', 7 * MB, SHEET_TAIL),
      overrides: { 'xl/sharedStrings.xml': { size: 100 }, 'xl/worksheets/sheet1.xml': { size: 100 } },
    }),
  },
  {
    name: 'file-too-large',
    what: '65 MB of bytes: refused on its size before anything is read',
    expect: limit('fileBytes'),
    bytes: () => new Uint8Array(65 * MB),
  },
  {
    name: 'cell-XFD2000',
    what: 'one value at XFD2000 (440 MB in Node before the limits)',
    expect: limit('columns'),
    bytes: () => workbook({ sheet: '<row r="2000"><c r="XFD2000"><v>1</v></c></row>' }),
  },
  {
    name: 'cell-XFD1048576',
    what: 'one value at XFD1048576, the last cell Excel has (crashed a Chromium tab at 3.5 GB)',
    expect: limit('rows'),
    bytes: () => workbook({ sheet: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }),
  },
  {
    name: 'empty-cells-far-out',
    what: 'formatting with no value at XFD1 and an empty row 1 048 576, as Excel writes formatted blank cells: read, they cost nothing',
    expect: { rows: 1, columns: 1 },
    bytes: () => workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row><row r="1048576" ht="20" customHeight="1"/>' }),
  },
  {
    name: 'rows-1M',
    slow: true,
    what: 'a million one-cell rows without r= (the row limit exactly): read in batches, memory bounded',
    expect: { rows: 1000000, columns: 1 },
    bytes: () => workbook({ sheet: repeatPart(SHEET_HEAD, '<row><c><v>1</v></c></row>', 1000000, SHEET_TAIL) }),
  },
  {
    name: 'rows-8M',
    slow: true,
    what: '8 million one-cell rows (1.9 GB and 10 s in Node before the limits): refused at row 1 000 001',
    expect: limit('rows'),
    bytes: () => workbook({ sheet: repeatPart(SHEET_HEAD, '<row><c><v>1</v></c></row>', 8000000, SHEET_TAIL) }),
  },
  {
    name: 'rows-gap',
    what: 'row 1 and row 1 000 000 with nothing between: read, the 999 998 rows between delivered empty in batches',
    expect: { rows: 1000000, columns: 1 },
    bytes: () => workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="A1000000"><v>2</v></c></row>' }),
  },
  {
    name: 'shared-strings-declared',
    what: 'a shared-string table declaring 100 million entries: refused before it is read',
    expect: limit('sharedStrings'),
    bytes: () => workbook({ sharedStrings: textPart(`<sst ${NS} count="100000000" uniqueCount="100000000"><si><t>a</t></si></sst>`), sheet: '' }),
  },
  {
    name: 'shared-strings-counted',
    what: '100 001 shared strings, declaring none, against a limit of 100 000: refused as they are counted',
    limits: { sharedStrings: 100000 },
    expect: limit('sharedStrings'),
    bytes: () => workbook({ sharedStrings: repeatPart(SST_HEAD, '<si><t>a</t></si>', 100001, '</sst>'), sheet: '' }),
  },
  {
    name: 'shared-string-long',
    what: 'one shared string of 40 000 characters, past Excel\'s 32 767',
    expect: limit('cellChars'),
    bytes: () => workbook({ sharedStrings: `<si><t>${'长'.repeat(40000)}</t></si>`, sheet: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }),
  },
  {
    name: 'shared-string-100MB',
    what: 'one shared string of 100 MB: refused once the text read of it passes cellChars, never held whole',
    expect: limit('cellChars'),
    bytes: () => workbook({ sharedStrings: repeatPart(`${SST_HEAD}<si><t>`, 'x', 100 * MB, '</t></si></sst>'), sheet: '' }),
  },
  {
    name: 'shared-chars',
    what: '300 shared strings of 30 000 characters against a total of 8 M characters',
    limits: { sharedChars: 8 * MB },
    expect: limit('sharedChars'),
    bytes: () => workbook({ sharedStrings: repeatPart(SST_HEAD, `<si><t>${'y'.repeat(30000)}</t></si>`, 300, '</sst>'), sheet: '' }),
  },
  {
    name: 'cell-long',
    what: 'an inline string of 40 000 characters in A1',
    expect: limit('cellChars'),
    bytes: () => workbook({ sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(40000)}</t></is></c></row>` }),
  },
  {
    name: 'cell-100MB',
    what: 'an inline string of 100 MB in A1: refused once the unfinished cell passes elementChars',
    expect: limit('elementChars'),
    bytes: () => workbook({ sheet: repeatPart(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'x', 100 * MB, `</t></is></c></row>${SHEET_TAIL}`) }),
  },
  {
    name: 'deep-cell',
    what: 'an inline string nested 100 000 runs deep',
    expect: limit('depth'),
    bytes: () => workbook({ sheet: `<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(100000)}<t>x</t>${'</r>'.repeat(100000)}</is></c></row>` }),
  },
  {
    name: 'deep-sheet',
    what: 'a worksheet nesting a million elements around its data',
    expect: limit('depth'),
    bytes: () => workbook({ sheet: repeatPart(`<worksheet ${NS}>`, '<x>', 1000000, `<sheetData/>${'</x>'.repeat(10)}</worksheet>`) }),
  },
  {
    name: 'deep-workbook',
    what: 'a workbook part nesting 100 000 elements',
    expect: limit('depth'),
    bytes: () => workbook({ workbook: `<workbook ${NS}>${'<x>'.repeat(100000)}</workbook>`, sheet: '' }),
  },
  {
    name: 'truncated-half',
    what: 'a good workbook cut in half (its directory gone)',
    expect: UNREADABLE,
    bytes: () => { const b = goodWorkbook(); return b.slice(0, b.length >> 1); },
  },
  {
    name: 'truncated-last-byte',
    what: 'a good workbook without its last byte',
    expect: UNREADABLE,
    bytes: () => { const b = goodWorkbook(); return b.slice(0, b.length - 1); },
  },
  {
    name: 'truncated-sheet-stream',
    what: 'a sheet whose deflate stream stops halfway, the directory saying so',
    expect: UNREADABLE,
    bytes: () => {
      const whole = textPart(SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2000) + SHEET_TAIL);
      return workbook({ sheet: { ...whole, data: whole.data.slice(0, whole.data.length >> 1) } });
    },
  },
  {
    name: 'not-zip-csv',
    what: 'a CSV file named .xlsx',
    expect: UNREADABLE,
    bytes: () => new Uint8Array(utf8('单位名称,人数\n甲,3\n')),
  },
  {
    name: 'not-zip-xls',
    what: 'an old .xls (an OLE compound file), as a password-protected XLSX also is',
    expect: UNREADABLE,
    bytes: () => { const b = new Uint8Array(4096); b.set([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]); return b; },
  },
  {
    name: 'not-zip-empty',
    what: 'an empty file',
    expect: UNREADABLE,
    bytes: () => new Uint8Array(0),
  },
  {
    name: 'no-workbook',
    what: 'a ZIP without xl/workbook.xml (a Word document)',
    expect: UNREADABLE,
    bytes: () => zipParts({ 'word/document.xml': textPart('<w:document/>') }),
  },
  {
    name: 'no-sheet-part',
    what: 'a workbook whose sheet part is missing',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: null }),
  },
  {
    name: 'bad-xml-unfinished',
    what: 'a sheet whose XML stops inside a cell',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: textPart(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v>`) }),
  },
  {
    name: 'bad-xml-attribute',
    what: 'a cell reference without quotes',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: '<row r="1"><c r=A1><v>1</v></c></row>' }),
  },
  {
    name: 'encrypted-part',
    what: 'a part flagged as encrypted (ZIP encryption)',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c></row>', overrides: { 'xl/worksheets/sheet1.xml': { flags: 1 } } }),
  },
  {
    name: 'unknown-method',
    what: 'a part compressed with bzip2 (method 12)',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c></row>', overrides: { 'xl/worksheets/sheet1.xml': { method: 12 } } }),
  },
  {
    name: 'offset-past-end',
    what: 'a directory placing the sheet past the end of the file',
    expect: UNREADABLE,
    bytes: () => workbook({ sheet: '<row r="1"><c r="A1"><v>1</v></c></row>', overrides: { 'xl/worksheets/sheet1.xml': { offset: 0x7FFFFFF0 } } }),
  },
  {
    name: 'many-parts',
    what: '60 000 empty parts before the workbook\'s: read, the directory walked, not held',
    expect: { rows: 1, columns: 1 },
    bytes: () => {
      const empty = { data: new Uint8Array(0), size: 0, crc: 0, method: 0 };
      const parts = {};
      for (let i = 0; i < 60000; i++) parts[`junk/${i}.xml`] = empty;
      return workbook({ parts, sheet: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    },
  },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] || fileURLToPath(new URL('../../../build/hostile-spreadsheets/', import.meta.url));
  mkdirSync(out, { recursive: true });
  for (const c of CASES) writeFileSync(join(out, `${c.name}.xlsx`), c.bytes());
  writeFileSync(join(out, 'cases.json'), JSON.stringify(CASES.map(({ name, what, limits, expect }) => ({ name, what, limits: limits || {}, expect })), null, 2) + '\n');
  console.log(`${CASES.length} hostile workbooks in ${out}`);
}
