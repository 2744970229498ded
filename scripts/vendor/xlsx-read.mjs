// The screening page's XLSX reader: a workbook's sheets as rows of cell values,
// the values read-excel-file gives (string, number, boolean, Date, null), at
// about a tenth of a microsecond a cell instead of its ten. fflate unzips only
// the parts needed (synchronously: we run in the screening Worker); each part
// is then read by one linear scan over its text (indexOf and character codes,
// no DOM, no regular expression per cell).
//
// Bundled with fflate into screen/vendor/xlsx-read.js (global UieXlsxRead) by
// scripts/bundle-vendor.mjs; tests/js/xlsx-read.test.mjs holds it to
// read-excel-file's answers.
//
// Where read-excel-file 9.3 gives a value we give the same one: strings
// trimmed, an empty string as null; error cells (t="e", #DIV/0! …) as null;
// a formula without a cached result as null; numbers in date formats (built-in
// ids 14–22, 27–36, 45–47, 50–58, 71–81, or a custom format of date tokens) as
// the Date at that UTC instant; rows cut after the last non-empty row and all
// as wide as the widest. Where it refuses a file that has a plain reading we
// read it: cells or rows without an r= reference (the next column, the next
// row), a style index missing from styles.xml (a number), CDATA text, numeric
// references beyond U+FFFF (read-excel-file's decoder cuts them), date1904="true".
import { unzipSync } from 'fflate';

// ---- the XML scanner ----

const LT = 60, GT = 62, SLASH = 47, QUOTE = 34, APOS = 39, COLON = 58, BANG = 33, QUESTION = 63;

function isNameEnd(c) {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === SLASH || c === GT;
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its references (&amp; &#20013; &#x4E2D;) replaced by the characters they stand for. */
export function decodeXml(s) {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let at = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', at)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    const ref = s.slice(amp + 1, semi);
    let ch;
    if (ref.charCodeAt(0) === 35) {   // #
      const code = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code >= 0 && code <= 0x10FFFF && /^#(x[0-9a-f]+|[0-9]+)$/i.test(ref)) ch = String.fromCodePoint(code);
    } else if (Object.prototype.hasOwnProperty.call(NAMED, ref)) {
      ch = NAMED[ref];
    }
    if (ch === undefined) {   // not a reference we know: kept as written
      out += s.slice(at, semi + 1);
    } else {
      out += s.slice(at, amp) + ch;
    }
    at = semi + 1;
  }
  return out + s.slice(at);
}

/** SpreadsheetML's own escapes for characters XML 1.0 cannot hold: _x000D_ → "\r" (_x005F_ escapes a literal "_"). */
export function unescapeXlsx(s) {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Walks the elements of an XML text in document order, calling
 *   open(name, attributes, selfClosing)  name without its namespace prefix;
 *                                       attributes() parses them on demand
 *   close(name)
 *   text(from, to)                     the text between two tags is xml.slice(from, to), undecoded
 *                                      (a visitor slices only the text it wants)
 * Comments, processing instructions and the doctype are skipped; a CDATA
 * section is given to cdata(raw) as it is written.
 */
function walk(xml, from, visit) {
  const n = xml.length;
  let i = from;
  let tagFrom = 0, tagTo = 0;
  const attributes = () => parseAttributes(xml, tagFrom, tagTo);
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i && visit.text) visit.text(i, lt);
    const c = xml.charCodeAt(lt + 1);
    if (c === BANG) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new Error('XML: <![CDATA[ without its end');
        if (visit.cdata) visit.cdata(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new Error('XML: <!-- without its end');
        i = end + 3;
      } else {
        const end = xml.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (c === QUESTION) {
      const end = xml.indexOf('?>', lt);
      i = end < 0 ? n : end + 2;
      continue;
    }
    const closing = c === SLASH;
    let p = closing ? lt + 2 : lt + 1;
    let local = p;
    while (p < n) {
      const d = xml.charCodeAt(p);
      if (isNameEnd(d)) break;
      if (d === COLON) local = p + 1;
      p++;
    }
    const name = xml.slice(local, p);
    // The tag's end: the first ">" outside a quoted attribute value.
    let q = p;
    while (q < n) {
      const d = xml.charCodeAt(q);
      if (d === GT) break;
      if (d === QUOTE || d === APOS) {
        const close = xml.indexOf(d === QUOTE ? '"' : "'", q + 1);
        if (close < 0) { q = n; break; }
        q = close;
      }
      q++;
    }
    if (q >= n) throw new Error(`XML: <${name} without its end`);
    if (closing) {
      if (visit.close) visit.close(name);
    } else {
      const selfClosing = xml.charCodeAt(q - 1) === SLASH;
      tagFrom = p;
      tagTo = selfClosing ? q - 1 : q;
      if (visit.open) visit.open(name, attributes, selfClosing);
      if (selfClosing && visit.close) visit.close(name);
    }
    i = q + 1;
  }
}

/** The attributes between from and to, by name without namespace prefix (xmlns declarations left out), values decoded. */
function parseAttributes(xml, from, to) {
  const out = {};
  let i = from;
  while (i < to) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    let k = i;
    while (k < eq && xml.charCodeAt(k) <= 32) k++;
    let ke = eq;
    while (ke > k && xml.charCodeAt(ke - 1) <= 32) ke--;
    let v = eq + 1;
    while (v < to && xml.charCodeAt(v) <= 32) v++;
    const quote = xml[v];
    const end = xml.indexOf(quote, v + 1);
    if ((quote !== '"' && quote !== "'") || end < 0 || end > to) break;
    const full = xml.slice(k, ke);
    if (!(full === 'xmlns' || full.startsWith('xmlns:'))) {
      const colon = full.lastIndexOf(':');
      out[colon >= 0 ? full.slice(colon + 1) : full] = decodeXml(xml.slice(v + 1, end));
    }
    i = end + 1;
  }
  return out;
}

// ---- the package: which part is which ----

function text(bytes) {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The entries of the ZIP the names of which want() accepts, as text. */
function entries(zip, want) {
  let files;
  try {
    files = unzipSync(zip, { filter: (f) => want(f.name) });
  } catch (e) {
    throw new Error(`ZIP 压缩包已损坏或不完整：${e && e.message ? e.message : e}`);
  }
  const out = {};
  for (const name of Object.keys(files)) out[name] = text(files[name]);
  return out;
}

/** A relationship's target as a path in the package, from the part at base (xl/workbook.xml → xl/). */
function resolvePath(base, target) {
  const parts = (target.charAt(0) === '/' ? target.slice(1) : base.slice(0, base.lastIndexOf('/') + 1) + target).split('/');
  const out = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsPath(part) {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A .rels part as [{ id, kind, path }]; kind is the last word of the relationship type (worksheet, styles …). */
function readRels(xml, base) {
  const out = [];
  walk(xml, 0, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const a = attributes();
      if (!a.Target || a.TargetMode === 'External') return;
      const type = a.Type || '';
      out.push({ id: a.Id, kind: type.slice(type.lastIndexOf('/') + 1), path: resolvePath(base, a.Target) });
    },
  });
  return out;
}

/** The workbook: where it is, its sheets in order ({ name, path }), its shared strings' and styles' paths, its epoch. */
function readPackage(zip) {
  const first = entries(zip, (n) => n === '_rels/.rels' || n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
  let book = 'xl/workbook.xml';
  if (first['_rels/.rels']) {
    const office = readRels(first['_rels/.rels'], '').find((r) => r.kind === 'officeDocument');
    if (office) book = office.path;
  }
  const parts = book === 'xl/workbook.xml' ? first : entries(zip, (n) => n === book || n === relsPath(book));
  if (parts[book] === undefined) throw new Error('文件里没有工作簿（xl/workbook.xml），不是 Excel 的 XLSX 文件');
  const rels = parts[relsPath(book)] !== undefined ? readRels(parts[relsPath(book)], book) : [];
  const byId = {};
  for (const r of rels) byId[r.id] = r;
  const sheets = [];
  let epoch1904 = null;
  walk(parts[book], 0, {
    open(name, attributes) {
      if (name === 'workbookPr' && epoch1904 === null) {
        const d = attributes().date1904;
        epoch1904 = d === '1' || d === 'true';
      } else if (name === 'sheet') {
        const a = attributes();
        if (!a.name) return;
        const rel = byId[a.id];
        // A sheet with no part of its own (a chart sheet, a missing relationship) reads as empty.
        sheets.push({ name: unescapeXlsx(a.name), path: rel && rel.kind === 'worksheet' ? rel.path : null });
      }
    },
  });
  const find = (kind, fallback) => (rels.find((r) => r.kind === kind) || { path: fallback }).path;
  return { sheets, epoch1904: !!epoch1904, sharedStrings: find('sharedStrings', 'xl/sharedStrings.xml'), styles: find('styles', 'xl/styles.xml') };
}

// ---- shared strings ----

/**
 * sharedStrings.xml as a list: each <si> its text (<t>, or its rich-text runs'
 * <r><t> joined), phonetic runs (<rPh>) left out.
 */
function readSharedStrings(xml) {
  const out = [];
  let inSi = false, inT = false, inR = false, inRPh = false;
  let s = '';
  walk(xml, 0, {
    open(name, _, selfClosing) {
      if (name === 'si') { inSi = true; s = ''; }
      else if (!inSi || selfClosing) return;
      else if (name === 't') { inT = true; if (!inR && !inRPh) s = ''; }   // a plain <t> is the whole text; runs add up
      else if (name === 'r') inR = true;
      else if (name === 'rPh') inRPh = true;
    },
    close(name) {
      if (name === 'si') { out.push(unescapeXlsx(s)); inSi = false; }
      else if (name === 't') inT = false;
      else if (name === 'r') inR = false;
      else if (name === 'rPh') inRPh = false;
    },
    text(from, to) {
      if (inSi && inT && !inRPh) s += decodeXml(xml.slice(from, to));
    },
    cdata(raw) {
      if (inSi && inT && !inRPh) s += raw;
    },
  });
  return out;
}

// ---- styles: which cell styles show a number as a date ----

// Built-in number formats that show a date or a time (ECMA-376 18.8.30 and the
// East Asian and Thai locales' ids, as read-excel-file lists them).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
  50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);
const DATE_TOKENS = new Set(['s', 'ss', 'm', 'mm', 'h', 'hh', 'am', 'pm', 'a', 'p', 'd', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa',
  'mmm', 'mmmm', 'mmmmm', 'y', 'yy', 'yyyy', 'e', 'ee', 'eeee']);

/**
 * Whether a custom number format shows a date: once quoted text, escaped
 * characters, [colour]/[$-locale]/[condition] prefixes and fractional seconds
 * are set aside, every word left in one of its sections is a date or time
 * token (yyyy, m, d, h, ss, am/pm …) and nothing of a number format (0 # ? %).
 */
export function isDateFormat(code) {
  const sections = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ').split(';');
  return sections.some((section) => {
    const words = section.replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .split(/[^a-z0#?%]+/).filter(Boolean);
    return words.length > 0 && words.every((w) => DATE_TOKENS.has(w));
  });
}

/**
 * styles.xml as a list over cellXfs: true where the style shows a number as a
 * date. A cell style's number format is its own numFmtId, or else that of the
 * cellStyleXfs entry its xfId names (only a built-in format counts there:
 * read-excel-file reads it so).
 */
function readDateStyles(xml) {
  const codes = {};
  const base = [];
  const cell = [];
  let section = '';
  walk(xml, 0, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const a = attributes();
        const id = Number(a.numFmtId);
        codes[id] = id >= 100 ? a.formatCode : undefined;
      } else if (name === 'cellStyleXfs' || name === 'cellXfs') {
        section = name;
      } else if (name === 'xf' && section) {
        const a = attributes();
        const own = a.numFmtId ? { id: Number(a.numFmtId), code: section === 'cellXfs' ? codes[Number(a.numFmtId)] : undefined } : null;
        if (section === 'cellStyleXfs') base.push(own);
        else cell.push(own || (Number(a.xfId) ? base[Number(a.xfId)] || null : null));
      }
    },
    close(name) {
      if (name === section) section = '';
    },
  });
  const memo = {};
  return cell.map((f) => {
    if (!f) return false;
    if (DATE_FORMAT_IDS.has(f.id)) return true;
    if (!f.code) return false;
    if (!(f.id in memo)) memo[f.id] = isDateFormat(f.code);
    return memo[f.id];
  });
}

// ---- the sheet ----

const DAY_MS = 86400000;
const UNIX_EPOCH_SERIAL = 25569;      // 1970-01-01 as an Excel serial (1900 system, its phantom 29 February counted)
const EPOCH_1904_SHIFT = 1462;        // days from the 1904 system's day 0 to the 1900 system's

function excelDate(serial, epoch1904) {
  return new Date(Math.floor(((epoch1904 ? serial + EPOCH_1904_SHIFT : serial) - UNIX_EPOCH_SERIAL) * DAY_MS));
}

function cellError(ref, what) {
  return new Error(`单元格 ${ref}：${what}`);
}

/** "AB12" → ADDRESS.row 12, ADDRESS.col 28 (both from 1); false when it is no cell reference. */
const ADDRESS = { row: 0, col: 0 };

function cellAddress(ref) {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  ADDRESS.row = row;
  ADDRESS.col = col;
  return col > 0 && i > digits && row > 0;
}

/** A cell's value from its type, style, <v> text and inline string, as read-excel-file gives it. */
function cellValue(ref, t, s, v, inline, book) {
  let str;
  switch (t || 'n') {
    case 'str': if (!v) return null; str = unescapeXlsx(v); break;
    case 'inlineStr': if (inline === undefined) return null; str = unescapeXlsx(inline); break;
    case 's': {
      if (!v) return null;
      const shared = book.strings[Number(v)];   // trimmed once for all its cells (null when blank)
      if (shared === undefined) throw cellError(ref, `共享字符串 ${v} 不存在`);
      return shared;
    }
    case 'b':
      if (!v) return null;
      if (v === '1') return true;
      if (v === '0') return false;
      throw cellError(ref, `逻辑值 ${v} 不是 0 或 1`);
    case 'e': return null;   // #DIV/0!, #N/A …: a formula that failed, read as an empty cell
    case 'd': {
      if (!v) return null;
      const d = new Date(v);
      if (isNaN(d.getTime())) throw cellError(ref, `日期 ${v} 无法识别`);
      return d;
    }
    case 'n': {
      if (!v) return null;
      const x = Number(v);
      if (isNaN(x)) throw cellError(ref, `数值 ${v} 无法识别`);
      return s && book.dateStyles[Number(s)] ? excelDate(x, book.epoch1904) : x;
    }
    default: throw cellError(ref, `单元格类型 t="${t}" 无法识别`);
  }
  str = str.trim();
  return str === '' ? null : str;
}

/** Where the tag whose name ends at p ends: its ">" (the first outside a quoted attribute value). */
function tagEnd(xml, p) {
  const n = xml.length;
  for (let q = p; q < n; q++) {
    const d = xml.charCodeAt(q);
    if (d === GT) return q;
    if (d === QUOTE || d === APOS) {
      q = xml.indexOf(d === QUOTE ? '"' : "'", q + 1);
      if (q < 0) break;
    }
  }
  throw new Error('XML：标签没有结束');
}

/** Where a name starting at p ends. */
function nameEnd(xml, p) {
  const n = xml.length;
  while (p < n && !isNameEnd(xml.charCodeAt(p))) p++;
  return p;
}

/** Whether the name between from and to is local (after any prefix "x:"). */
function isName(xml, from, to, local) {
  const start = to - local.length;
  return start >= from && xml.startsWith(local, start) && (start === from || xml.charCodeAt(start - 1) === COLON);
}

// A cell's attributes, read into one object reused for every cell (a million cells, no garbage).
const CELL = { r: '', t: '', s: '' };

/** Reads the attributes of the tag whose name ends at i into CELL (r, t, s); returns where the tag ends (its ">"). */
function cellAttributes(xml, i) {
  CELL.r = CELL.t = CELL.s = '';
  for (;;) {
    let c = xml.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c === GT || (c === SLASH && xml.charCodeAt(i + 1) === GT)) return c === GT ? i : i + 1;
    const k = i;
    while (c > 32 && c !== 61) c = xml.charCodeAt(++i);   // the name, up to "="
    const ke = i;
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c !== 61) throw new Error('XML：单元格的属性写法有误');
    c = xml.charCodeAt(++i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c !== QUOTE && c !== APOS) throw new Error('XML：单元格的属性写法有误');
    const end = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
    if (end < 0) throw new Error('XML：单元格的属性没有结束');
    // One-letter names (r, t, s), with or without a prefix.
    if (ke - k === 1 || xml.charCodeAt(ke - 2) === COLON) {
      const a = xml.charCodeAt(ke - 1);
      if (a === 114) CELL.r = decodeXml(xml.slice(i + 1, end));
      else if (a === 116) CELL.t = decodeXml(xml.slice(i + 1, end));
      else if (a === 115) CELL.s = decodeXml(xml.slice(i + 1, end));
    }
    i = end + 1;
  }
}

/**
 * The text of the <v> child between from and to (a cell's content): undefined
 * without one, '' for <v/>; null when a comment or CDATA is in the way (the
 * walker reads that cell).
 */
function valueIn(xml, from, to) {
  let lt = xml.indexOf('<', from);
  while (lt >= 0 && lt < to) {
    if (xml.charCodeAt(lt + 1) === BANG) return null;
    const p = nameEnd(xml, lt + 1);
    const gt = tagEnd(xml, p);
    if (xml.charCodeAt(lt + 1) !== SLASH && isName(xml, lt + 1, p, 'v')) {
      if (xml.charCodeAt(gt - 1) === SLASH) return '';
      const end = xml.indexOf('<', gt + 1);
      if (end >= 0 && xml.charCodeAt(end + 1) === BANG) return null;
      return decodeXml(xml.slice(gt + 1, end < 0 ? to : end));
    }
    lt = xml.indexOf('<', gt + 1);
  }
  return undefined;
}

/** A cell's <v> and inline string (<is>: <t>, or rich-text runs <r><t>, phonetic runs left out), read the long way. */
function cellContent(xml) {
  let v, inline, inV = false, inIs = false, inT = false, inR = false, inRPh = false;
  walk(xml, 0, {
    open(name, _, selfClosing) {
      if (name === 'v') { v = ''; inV = !selfClosing; }
      else if (name === 'is') { inline = ''; inIs = !selfClosing; }
      else if (selfClosing) return;
      else if (name === 't') { inT = true; if (inIs && !inR && !inRPh) inline = ''; }   // a plain <t> is the whole text; runs add up
      else if (name === 'r') inR = true;
      else if (name === 'rPh') inRPh = true;
    },
    close(name) {
      if (name === 'v') inV = false;
      else if (name === 'is') inIs = false;
      else if (name === 't') inT = false;
      else if (name === 'r') inR = false;
      else if (name === 'rPh') inRPh = false;
    },
    text(from, to) {
      if (inV) v += decodeXml(xml.slice(from, to));
      else if (inIs && inT && !inRPh) inline += decodeXml(xml.slice(from, to));
    },
    cdata(raw) {
      if (inV) v += raw;
      else if (inIs && inT && !inRPh) inline += raw;
    },
  });
  return { v, inline };
}

/**
 * A worksheet's rows: each an array of cell values, null where a cell is
 * empty; rows after the last non-empty one left out, every row as wide as the
 * widest non-empty column. Rows and cells must come in order (as the format
 * says): a row or cell out of place is an error, not a guess.
 *
 * One pass over the text of <sheetData>: a plain cell (<c r= t= s=><f>…</f><v>…</v></c>)
 * is read with indexOf; a cell with an inline string, CDATA or a comment by the walker.
 */
function readSheetXml(xml, book) {
  const rows = [];
  let width = 0, height = 0;
  let row = null, rowNumber = 0;
  let lastRow = 0, lastCol = 0;   // the last cell's place, for order and for cells without r=
  const n = xml.length;

  function endRow() {
    const at = rowNumber || rows.length + 1;
    if (at <= rows.length) throw new Error(`第 ${at} 行的位置不按顺序`);
    while (rows.length < at - 1) rows.push([]);
    rows.push(row);
    if (row.length > 0) height = at;
    if (lastRow < at) { lastRow = at; lastCol = 0; }
    row = null;
    rowNumber = 0;
  }

  let i = 0;
  let inData = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QUESTION) {
      const end = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = c1 === SLASH;
    const from = closing ? lt + 2 : lt + 1;
    const p = nameEnd(xml, from);
    if (!inData || closing || !isName(xml, from, p, 'c')) {
      const gt = tagEnd(xml, p);
      const selfClosing = !closing && xml.charCodeAt(gt - 1) === SLASH;
      i = gt + 1;
      if (!inData) {
        if (!closing && isName(xml, from, p, 'sheetData')) {
          if (selfClosing) break;
          inData = true;
        }
      } else if (closing) {
        if (isName(xml, from, p, 'row')) {
          if (row) endRow();
        } else if (isName(xml, from, p, 'sheetData')) {
          break;
        }
      } else if (isName(xml, from, p, 'row')) {
        const a = parseAttributes(xml, p, selfClosing ? gt - 1 : gt);
        rowNumber = a.r ? Number(a.r) : 0;
        if (a.r && !(Number.isInteger(rowNumber) && rowNumber > 0)) throw new Error(`行号 r="${a.r}" 无法识别`);
        row = [];
        if (selfClosing) endRow();
      }
      continue;
    }

    // A cell.
    const gt = cellAttributes(xml, p);
    const ref = CELL.r, t = CELL.t, s = CELL.s;
    let v, inline;
    i = gt + 1;
    if (xml.charCodeAt(gt - 1) !== SLASH) {
      const end = p - from === 1 && xml.startsWith('<v>', gt + 1) ? xml.indexOf('<', gt + 4) : -1;
      if (end > 0 && xml.startsWith('</v></c>', end)) {
        // The usual cell, <c …><v>text</v></c>: read in place.
        v = decodeXml(xml.slice(gt + 4, end));
        i = end + 8;
      } else {
        const close = p - from === 1 ? '</c>' : `</${xml.slice(from, p)}>`;
        const stop = xml.indexOf(close, gt + 1);
        if (stop < 0) throw new Error(`单元格 ${ref} 没有结束`);
        v = t === 'inlineStr' ? null : valueIn(xml, gt + 1, stop);
        if (v === null) ({ v, inline } = cellContent(xml.slice(gt + 1, stop)));
        i = stop + close.length;
      }
    }
    if (row === null) throw new Error('单元格不在任何行里');
    let r0, c0;
    if (ref) {
      if (!cellAddress(ref)) throw new Error(`单元格地址 r="${ref}" 无法识别`);
      r0 = ADDRESS.row;
      c0 = ADDRESS.col;
    } else {
      r0 = rowNumber || rows.length + 1;
      c0 = lastRow === r0 ? lastCol + 1 : 1;
    }
    if (r0 < lastRow || (r0 === lastRow && c0 <= lastCol)) throw new Error(`单元格 ${ref || `R${r0}C${c0}`} 的位置不按顺序`);
    lastRow = r0;
    lastCol = c0;
    if (!rowNumber) rowNumber = r0;
    const value = cellValue(ref || `R${r0}C${c0}`, t, s, v, inline, book);
    if (value !== null) {
      while (row.length < c0 - 1) row.push(null);
      row.push(value);
      if (c0 > width) width = c0;
    }
  }
  rows.length = height;
  for (const r of rows) while (r.length < width) r.push(null);
  return rows;
}

// ---- reading a workbook ----

function bytesOf(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer || (input && input.constructor && input.constructor.name === 'ArrayBuffer')) return new Uint8Array(input);
  if (input && input.buffer && typeof input.byteLength === 'number') return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('readSheet: an ArrayBuffer or Uint8Array, please');
}

/** Sheets (by number from 1 or by name, or all when which is null) as [{ sheet: name, data: rows }]. */
function readSync(input, which) {
  const zip = bytesOf(input);
  const pkg = readPackage(zip);
  let chosen = pkg.sheets;
  if (which !== null) {
    const found = typeof which === 'string' ? pkg.sheets.find((x) => x.name === which) : pkg.sheets[which - 1];
    if (!found) throw new Error(`工作簿里没有工作表 ${which}（有：${pkg.sheets.map((x) => x.name).join('、') || '无'}）`);
    chosen = [found];
  }
  const paths = new Set(chosen.map((x) => x.path).filter(Boolean));
  const parts = entries(zip, (n) => paths.has(n) || n === pkg.sharedStrings || n === pkg.styles);
  const book = {
    strings: parts[pkg.sharedStrings] !== undefined ? readSharedStrings(parts[pkg.sharedStrings]).map((x) => x.trim() || null) : [],
    dateStyles: parts[pkg.styles] !== undefined ? readDateStyles(parts[pkg.styles]) : [],
    epoch1904: pkg.epoch1904,
  };
  return chosen.map((x) => {
    if (x.path && parts[x.path] === undefined) throw new Error(`工作表“${x.name}”的内容（${x.path}）不在文件里`);
    return { sheet: x.name, data: x.path ? readSheetXml(parts[x.path], book) : [] };
  });
}

function promised(run) {
  try {
    return Promise.resolve(run());
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Every sheet of the workbook, as read-excel-file's readXlsxFile: Promise of [{ sheet, data }]. */
export function readWorkbook(input) {
  return promised(() => readSync(input, null));
}

/** One sheet's rows (number from 1 or name; the first by default), as read-excel-file's readSheet. */
export function readSheet(input, sheet) {
  return promised(() => readSync(input, sheet === undefined ? 1 : sheet)[0].data);
}
