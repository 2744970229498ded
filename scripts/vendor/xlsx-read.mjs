// The screening page's XLSX reader: a workbook's sheets as rows of cell values,
// the values read-excel-file gives (string, number, boolean, Date, null), at
// about a tenth of a microsecond a cell instead of its ten, in bounded memory
// whatever the file says.
//
// Each part is read where it lies in the ZIP (our own reading of the central
// directory, so nothing is inflated that is not needed) and inflated with
// fflate's streaming Inflate a few kilobytes of input at a time; its text is
// decoded and scanned chunk by chunk (indexOf and character codes, no DOM, no
// regular expression per cell), only the unfinished end of a chunk kept for
// the next. So a sheet is never held whole, neither as XML nor as rows: the
// rows go to the caller in batches (readSheetRows), and every size a file
// could blow up (bytes, rows, columns, strings, one cell, nesting) has a limit
// checked before the memory is spent (DEFAULT_LIMITS; docs/limits.md). A file
// past a limit is refused with an XlsxLimitError, a broken one with an
// XlsxUnreadableError, both in plain Chinese and English.
//
// Bundled with fflate into screen/vendor/xlsx-read.js (global UieXlsxRead) by
// scripts/bundle-vendor.mjs; tests/js/xlsx-read.test.mjs holds it to
// read-excel-file's answers, tests/js/xlsx-hostile.test.mjs and
// xlsx-random.test.mjs to its limits and errors.
//
// Where read-excel-file 9.3 gives a value we give the same one: strings
// trimmed, an empty string as null; error cells (t="e", #DIV/0! …) as null;
// a formula without a cached result as null; numbers in date formats (built-in
// ids 14–22, 27–36, 45–47, 50–58, 71–81, or a custom format of date tokens) as
// the Date at that UTC instant; rows cut after the last non-empty row (and, in
// readSheet and readWorkbook, all as wide as the widest). Where it refuses a
// file that has a plain reading we read it: cells or rows without an r=
// reference (the next column, the next row), a style index missing from
// styles.xml (a number), CDATA text, numeric references beyond U+FFFF
// (read-excel-file's decoder cuts them), date1904="true".
import { Inflate, strToU8 } from 'fflate';

// ---- limits and errors ----

const MB = 1024 * 1024;

/**
 * What a workbook may hold before it is refused; every one can be overridden
 * per call ({ limits: { rows: 100 } }). Why each default, and what the user is
 * told: docs/limits.md.
 */
export const DEFAULT_LIMITS = Object.freeze({
  fileBytes: 64 * MB,         // the XLSX file itself
  entryBytes: 512 * MB,       // one part of it, inflated (declared and counted)
  totalBytes: 768 * MB,       // all the parts read, inflated
  rows: 1000000,              // the number of the last row with a value
  columns: 1000,              // the column of the rightmost value (XFD is 16 384)
  sharedStrings: 3000000,     // entries in the shared-string table
  sharedChars: 64 * MB,       // characters in the shared-string table, all together
  cellChars: 32767,           // one cell's (or shared string's) text: Excel's own limit
  elementChars: 4 * MB,       // one unfinished piece of XML (a cell, a tag) held while reading
  depth: 64,                  // XML elements inside one another
});

const mb = (bytes) => {
  const x = bytes / MB;
  return x >= 10 ? String(Math.floor(x)) : String(Math.floor(x * 10) / 10);
};
const count = (n) => n.toLocaleString('en-US');

const SPLIT_ZH = '请把工作表拆成几个较小的文件分别筛查，或在 Excel 中另存为 CSV 后再试。';
const SPLIT_EN = 'Split the sheet into smaller files and screen them one by one, or save it as CSV in Excel and try again.';
const RESAVE_ZH = '这不是 Excel 或 WPS 保存的正常表格：请在 Excel 或 WPS 中打开它，另存为 .xlsx 或 CSV 后再试。';
const RESAVE_EN = 'This is not a sheet as Excel or WPS save it: open it in Excel or WPS, save it again as .xlsx or CSV and try again.';

// For each limit: [Chinese, English] for the value found, the maximum and where (a part or a cell), if known.
const LIMIT_MESSAGES = {
  fileBytes: (v, max) => [
    `文件有 ${mb(v)} MB，超过了这里能读取的 ${mb(max)} MB。${SPLIT_ZH}`,
    `The file is ${mb(v)} MB, more than the ${mb(max)} MB that can be read here. ${SPLIT_EN}`],
  entryBytes: (v, max, where) => [
    `文件的一部分（${where}）解压后超过 ${mb(max)} MB（至少 ${mb(v)} MB），超过了这里能读取的大小。${SPLIT_ZH}`,
    `Unpacked, a part of the file (${where}) is more than ${mb(max)} MB (at least ${mb(v)} MB), more than can be read here. ${SPLIT_EN}`],
  totalBytes: (v, max) => [
    `文件解压后合计超过 ${mb(max)} MB（至少 ${mb(v)} MB），超过了这里能读取的大小。${SPLIT_ZH}`,
    `Unpacked, the file is more than ${mb(max)} MB in all (at least ${mb(v)} MB), more than can be read here. ${SPLIT_EN}`],
  rows: (v, max, where) => [
    `工作表第 ${count(v)} 行${where ? `（单元格 ${where}）` : ''}有内容，超过了这里能读取的 ${count(max)} 行。` +
      `请把工作表拆成每个不超过 ${count(max)} 行的几个文件分别筛查；如果那一行是误填的，删除它后再试。`,
    `Row ${count(v)} of the sheet${where ? ` (cell ${where})` : ''} has a value, past the ${count(max)} rows that can be read here. ` +
      `Split the sheet into files of at most ${count(max)} rows each and screen them one by one; if that row was filled in by mistake, delete it and try again.`],
  columns: (v, max, where) => [
    `单元格 ${where} 有内容，它在第 ${count(v)} 列，超过了这里能读取的 ${count(max)} 列。请删除表格右侧多余的内容（或把需要的列移到前面）后再试。`,
    `Cell ${where} has a value in column ${count(v)}, past the ${count(max)} columns that can be read here. Delete what is far to the right of the table (or move the columns you need to the front) and try again.`],
  sharedStrings: (v, max) => [
    `工作表中不同的文字有 ${count(v)} 条以上，超过了这里能读取的 ${count(max)} 条。${SPLIT_ZH}`,
    `The sheet holds ${count(v)} or more different texts, more than the ${count(max)} that can be read here. ${SPLIT_EN}`],
  sharedChars: (v, max) => [
    `工作表中的文字合计超过 ${count(max)} 个字符，超过了这里能读取的大小。${SPLIT_ZH}`,
    `The sheet's texts are more than ${count(max)} characters in all, more than can be read here. ${SPLIT_EN}`],
  cellChars: (v, max, where) => [
    `${where ? `单元格 ${where} ` : '文件中有一段文字'}有 ${count(v)} 个字符以上，超过了这里每个单元格能读取的 ${count(max)} 个字符（Excel 的单元格最多 32,767 个字符）。` +
      '请缩短过长的单元格内容后再试。',
    `${where ? `Cell ${where}` : 'A text in the file'} has ${count(v)} characters or more, past the ${count(max)} a cell may hold here (an Excel cell holds at most 32,767). ` +
      'Shorten the over-long cell and try again.'],
  elementChars: (v, max, where) => [
    `文件的一部分（${where}）中有一个单元格或标签超过 ${count(max)} 个字符。${RESAVE_ZH}`,
    `A part of the file (${where}) has a cell or tag of more than ${count(max)} characters. ${RESAVE_EN}`],
  depth: (v, max, where) => [
    `文件的一部分（${where}）中 XML 元素嵌套超过 ${count(max)} 层。${RESAVE_ZH}`,
    `A part of the file (${where}) nests XML elements more than ${count(max)} deep. ${RESAVE_EN}`],
};

/**
 * A workbook past one of the limits: .limit (its name in DEFAULT_LIMITS),
 * .value (what was found: at least that much), .max, .where (the part or the
 * cell, when known), .message in Chinese and .messageEn, each saying what to do.
 */
export class XlsxLimitError extends Error {
  constructor(limit, value, max, where) {
    const [zh, en] = LIMIT_MESSAGES[limit](value, max, where);
    super(zh);
    this.name = 'XlsxLimitError';
    this.code = 'xlsx_limit';
    this.limit = limit;
    this.value = value;
    this.max = max;
    this.where = where === undefined ? null : where;
    this.messageEn = en;
  }
}

/**
 * A file that is no readable workbook (no ZIP, truncated, a part missing, XML
 * or a cell that cannot be read): .detail / .detailEn say what is wrong,
 * .message / .messageEn the same with what to do.
 */
export class XlsxUnreadableError extends Error {
  constructor(detail, detailEn) {
    super(`无法读取这个 XLSX 文件：${detail}。请在 Excel 或 WPS 中打开它，另存为 .xlsx 或 CSV 后再试。`);
    this.name = 'XlsxUnreadableError';
    this.code = 'xlsx_unreadable';
    this.detail = detail;
    this.detailEn = detailEn;
    this.messageEn = `This XLSX file cannot be read: ${detailEn}. Open it in Excel or WPS, save it again as .xlsx or CSV and try again.`;
  }
}

const unreadable = (zh, en) => new XlsxUnreadableError(zh, en);

function limitsOf(limits) {
  const out = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(limits || {})) {
    if (!(k in DEFAULT_LIMITS)) throw new TypeError(`xlsx-read: no limit named ${k}`);
    if (typeof v !== 'number' || !(v >= 0)) throw new TypeError(`xlsx-read: limit ${k} must be a number ≥ 0`);
    out[k] = v;
  }
  return out;
}

// A string cut from a chunk of the text (slice, or a concatenation of slices)
// keeps that whole chunk alive in V8 for as long as it lives. A value handed
// on, or kept in the shared-string table, is copied (the concatenation is
// flattened into a fresh string) so it holds only its own characters.
function own(s) {
  return s.length < 13 ? s : (s + '\0').slice(0, -1);
}

// ---- the XML scanner ----

const GT = 62, SLASH = 47, QUOTE = 34, APOS = 39, COLON = 58, BANG = 33, QUESTION = 63;

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
 *   text(xml, from, to)                the text between two tags is xml.slice(from, to), undecoded
 *                                      (a visitor slices only the text it wants)
 * Comments, processing instructions and the doctype are skipped; a CDATA
 * section is given to cdata(raw) as it is written.
 *
 * The text may be one chunk of a part: unless final, walk stops before a tag,
 * comment or CDATA section that the chunk does not finish and returns where
 * it stopped (the caller keeps the rest for the next chunk); otherwise such
 * an end is an error. Text the chunk cuts is given in pieces (text() may be
 * called twice in a row; never inside a reference like &amp;). state.depth
 * carries the elements open from chunk to chunk, checked against limits.depth.
 */
function walk(xml, from, visit, state, final) {
  const n = xml.length;
  let i = from;
  let tagFrom = 0, tagTo = 0;
  const attributes = () => parseAttributes(xml, tagFrom, tagTo);
  const unfinished = (at, zh, en) => {
    if (!final) return at;
    throw unreadable(`${state.part} 的 XML ${zh}`, `the XML of ${state.part} ${en}`);
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (final || !visit.text) return n;
      // Text the chunk does not finish goes to the visitor now (which bounds
      // what it keeps), all but a reference the chunk cuts ("&am"): a long
      // text is never carried over whole.
      let cut = xml.lastIndexOf('&');
      if (cut < n - 12 || cut < i || xml.indexOf(';', cut) >= 0) cut = n;
      if (cut > i) visit.text(xml, i, cut);
      return cut;
    }
    if (lt > i && visit.text) visit.text(xml, i, lt);
    i = lt;
    const c = xml.charCodeAt(lt + 1);
    // A "<!" the chunk cuts short ("<![CD", "<!-") has no ">" after it in
    // the chunk either, so it waits for the rest like any unfinished tag.
    if (c === BANG) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return unfinished(lt, '中 <![CDATA[ 没有结束', 'has a <![CDATA[ without its end');
        if (visit.cdata) visit.cdata(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return unfinished(lt, '中注释 <!-- 没有结束', 'has a <!-- comment without its end');
        i = end + 3;
      } else {
        const end = xml.indexOf('>', lt);
        if (end < 0) return unfinished(lt, '中 <! 没有结束', 'has a <! without its end');
        i = end + 1;
      }
      continue;
    }
    if (c === QUESTION) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return unfinished(lt, '中 <? 没有结束', 'has a <? without its end');
      i = end + 2;
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
    const q = tagEnd(xml, p);
    if (q < 0) return unfinished(lt, `中标签 <${name} 没有结束`, `has a tag <${name} without its end`);
    if (closing) {
      state.depth--;
      if (visit.close) visit.close(name);
    } else {
      const selfClosing = xml.charCodeAt(q - 1) === SLASH;
      tagFrom = p;
      tagTo = selfClosing ? q - 1 : q;
      if (!selfClosing) deeper(state);
      if (visit.open) visit.open(name, attributes, selfClosing);
      if (selfClosing) {
        if (visit.close) visit.close(name);
      }
    }
    i = q + 1;
  }
  return i;
}

/** One more element open: refused past limits.depth (the scanners keep no stack, but nothing sane nests that deep). */
function deeper(state) {
  if (++state.depth > state.limits.depth) throw new XlsxLimitError('depth', state.depth, state.limits.depth, state.part);
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

/** Where the tag whose name ends at p ends: its ">" (the first outside a quoted attribute value); -1 when the text ends first. */
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
  return -1;
}

// ---- the package: the ZIP's directory and its parts' text ----

const u16 = (b, i) => b[i] | (b[i + 1] << 8);
const u32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b, i) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const NOT_ZIP = ['不是 XLSX 文件，或 ZIP 压缩包已损坏或不完整（旧版 .xls 和设置了打开密码的文件都不是 ZIP）',
  'it is no XLSX file, or its ZIP package is damaged or incomplete (an old .xls and a password-protected file are no ZIP)'];

/** The central directory's place: { from, to } in the bytes (ZIP64 too). */
function centralDirectory(zip) {
  const n = zip.length;
  const stop = Math.max(0, n - 22 - 65535);   // the end record, behind at most a 64 KB comment
  let e = n - 22;
  while (e >= stop && !(zip[e] === 0x50 && zip[e + 1] === 0x4b && zip[e + 2] === 5 && zip[e + 3] === 6)) e--;
  if (e < stop) throw unreadable(...NOT_ZIP);
  let size = u32(zip, e + 12), offset = u32(zip, e + 16);
  if (size === 0xFFFFFFFF || offset === 0xFFFFFFFF) {
    const locator = e - 20;
    if (locator >= 0 && u32(zip, locator) === 0x07064b50) {
      const z = u64(zip, locator + 8);
      if (z + 56 <= n && u32(zip, z) === 0x06064b50) {
        size = u64(zip, z + 40);
        offset = u64(zip, z + 48);
      }
    }
  }
  if (offset + size > n) throw unreadable(...NOT_ZIP);
  return { from: offset, to: offset + size };
}

/**
 * The central directory's record of the part named name: { method, flags,
 * compressed, size (declared, inflated), offset (of its local header) }, or
 * null. A linear walk each time (a workbook wants half a dozen parts), so a
 * directory of a million names costs no memory.
 */
function findEntry(ctx, name) {
  const zip = ctx.zip;
  const want = strToU8(name);
  const { from, to } = ctx.dir;
  for (let p = from; p + 46 <= to;) {
    if (u32(zip, p) !== 0x02014b50) throw unreadable('ZIP 压缩包的目录已损坏', 'the ZIP package\'s directory is damaged');
    const nameLength = u16(zip, p + 28), extraLength = u16(zip, p + 30), commentLength = u16(zip, p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (nameLength === want.length && next <= to) {
      let same = true;
      for (let k = 0; k < nameLength && same; k++) same = zip[p + 46 + k] === want[k];
      if (same) {
        const entry = { method: u16(zip, p + 10), flags: u16(zip, p + 8), compressed: u32(zip, p + 20), size: u32(zip, p + 24), offset: u32(zip, p + 42) };
        // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 1, in this order.
        for (let x = p + 46 + nameLength, end = x + extraLength; x + 4 <= end;) {
          const id = u16(zip, x), length = u16(zip, x + 2);
          if (id === 1) {
            let f = x + 4;
            if (entry.size === 0xFFFFFFFF && f + 8 <= x + 4 + length) { entry.size = u64(zip, f); f += 8; }
            if (entry.compressed === 0xFFFFFFFF && f + 8 <= x + 4 + length) { entry.compressed = u64(zip, f); f += 8; }
            if (entry.offset === 0xFFFFFFFF && f + 8 <= x + 4 + length) entry.offset = u64(zip, f);
          }
          x += 4 + length;
        }
        return entry;
      }
    }
    p = next;
  }
  return null;
}

// Compressed bytes given to the inflater at a time: deflate expands at most
// 1032 times, so one push gives at most ~8 MB of text, however the part lies.
const PUSH_BYTES = 8192;
// Stored (uncompressed) parts are decoded this much at a time.
const STORED_CHUNK = 1 << 20;
// (options.chunkBytes sets both, for tests that cut the text at every place.)

/**
 * A part's text, chunk by chunk (a generator), counting its inflated bytes
 * against limits.entryBytes and, with what was read before, limits.totalBytes:
 * refused on the size its directory declares before anything is inflated,
 * and on the bytes really inflated (a declared size may lie) as they come.
 */
function* partText(ctx, name, entry) {
  const L = ctx.limits;
  if (entry.flags & 1) throw unreadable(`${name} 已加密`, `${name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw unreadable(`${name} 的压缩方式（${entry.method}）无法识别`, `${name} is compressed in a way (${entry.method}) that cannot be read`);
  }
  if (entry.size > L.entryBytes) throw new XlsxLimitError('entryBytes', entry.size, L.entryBytes, name);
  if (ctx.total + entry.size > L.totalBytes) throw new XlsxLimitError('totalBytes', ctx.total + entry.size, L.totalBytes);
  const zip = ctx.zip;
  const p = entry.offset;
  if (p + 30 > zip.length || u32(zip, p) !== 0x04034b50) {
    throw unreadable(`ZIP 压缩包已损坏或不完整（${name} 不在它应在的位置）`, `the ZIP package is damaged or incomplete (${name} is not where its directory says)`);
  }
  const start = p + 30 + u16(zip, p + 26) + u16(zip, p + 28);
  const end = start + entry.compressed;
  if (end > zip.length) {
    throw unreadable(`ZIP 压缩包已损坏或不完整（${name} 被截断）`, `the ZIP package is damaged or incomplete (${name} is cut short)`);
  }
  const decoder = new TextDecoder('utf-8');
  let real = 0;
  const counted = (bytes) => {
    real += bytes.length;
    ctx.total += bytes.length;
    if (real > L.entryBytes) throw new XlsxLimitError('entryBytes', real, L.entryBytes, name);
    if (ctx.total > L.totalBytes) throw new XlsxLimitError('totalBytes', ctx.total, L.totalBytes);
    return decoder.decode(bytes, { stream: true });
  };
  const push = ctx.chunkBytes || PUSH_BYTES, stored = ctx.chunkBytes || STORED_CHUNK;
  if (entry.method === 0) {
    for (let at = start; at < end; at += stored) {
      const to = Math.min(end, at + stored);
      ctx.position = to - start;
      yield counted(zip.subarray(at, to));
    }
  } else {
    let out = [];
    const inflater = new Inflate((data) => { out.push(data); });
    for (let at = start; at < end; at += push) {
      const to = Math.min(end, at + push);
      ctx.position = to - start;   // how far into the part, in its compressed bytes (for progress)
      try {
        inflater.push(zip.subarray(at, to), to >= end);
      } catch (e) {
        throw unreadable(`ZIP 压缩包已损坏或不完整（${name} 无法解压：${e && e.message ? e.message : e}）`,
          `the ZIP package is damaged or incomplete (${name} cannot be inflated: ${e && e.message ? e.message : e})`);
      }
      let text = '';
      for (const data of out) text += counted(data);
      out = [];
      if (text) yield text;
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Walks the part named name with visit (see walk), chunk by chunk, holding no
 * more of its text than one chunk and the unfinished piece carried over
 * (at most limits.elementChars). False when the package has no such part.
 */
function walkPart(ctx, name, visit) {
  const entry = findEntry(ctx, name);
  if (!entry) return false;
  const state = { depth: 0, limits: ctx.limits, part: name };
  let rest = '';
  for (const chunk of partText(ctx, name, entry)) {
    const xml = rest ? rest + chunk : chunk;
    rest = xml.slice(walk(xml, 0, visit, state, false));
    if (rest.length > ctx.limits.elementChars) throw new XlsxLimitError('elementChars', rest.length, ctx.limits.elementChars, name);
  }
  walk(rest, 0, visit, state, true);
  return true;
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

/** The .rels part of the part at base as [{ id, kind, path }] ([] without one); kind is the last word of the relationship type (worksheet, styles …). */
function readRels(ctx, base) {
  const out = [];
  walkPart(ctx, base ? relsPath(base) : '_rels/.rels', {
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

/** The workbook: its sheets in order ({ name, path }), its shared strings' and styles' paths, its epoch. */
function readPackage(ctx) {
  const office = readRels(ctx, '').find((r) => r.kind === 'officeDocument');
  const book = office ? office.path : 'xl/workbook.xml';
  const byId = {};
  const rels = readRels(ctx, book);
  for (const r of rels) byId[r.id] = r;
  const sheets = [];
  let epoch1904 = null;
  const found = walkPart(ctx, book, {
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
  if (!found) {
    throw unreadable(`文件里没有工作簿（${book}），不是 Excel 的 XLSX 文件`, `the file has no workbook (${book}): it is no Excel XLSX file`);
  }
  const find = (kind, fallback) => (rels.find((r) => r.kind === kind) || { path: fallback }).path;
  return { sheets, epoch1904: !!epoch1904, sharedStrings: find('sharedStrings', 'xl/sharedStrings.xml'), styles: find('styles', 'xl/styles.xml') };
}

// ---- shared strings ----

/**
 * The shared-string table as a list, each <si> its text (<t>, or its
 * rich-text runs' <r><t> joined), phonetic runs (<rPh>) left out, trimmed,
 * null where blank. Refused past limits.sharedStrings (on the count the table
 * declares, before reading it, and on the count read), limits.sharedChars and,
 * for one string, limits.cellChars.
 */
function readSharedStrings(ctx, path) {
  const L = ctx.limits;
  const out = [];
  let chars = 0;
  let inSi = false, inT = false, inR = false, inRPh = false;
  let s = '';
  const add = (piece) => {
    s += piece;
    if (s.length > L.cellChars) throw new XlsxLimitError('cellChars', s.length, L.cellChars);
  };
  walkPart(ctx, path, {
    open(name, attributes, selfClosing) {
      if (name === 'si') { inSi = true; s = ''; }
      else if (name === 'sst') {
        const declared = Number(attributes().uniqueCount);
        if (declared > L.sharedStrings) throw new XlsxLimitError('sharedStrings', declared, L.sharedStrings);
      }
      else if (!inSi || selfClosing) return;
      else if (name === 't') { inT = true; if (!inR && !inRPh) s = ''; }   // a plain <t> is the whole text; runs add up
      else if (name === 'r') inR = true;
      else if (name === 'rPh') inRPh = true;
    },
    close(name) {
      if (name === 'si') {
        if (out.length >= L.sharedStrings) throw new XlsxLimitError('sharedStrings', out.length + 1, L.sharedStrings);
        const text = unescapeXlsx(s).trim();
        chars += text.length;
        if (chars > L.sharedChars) throw new XlsxLimitError('sharedChars', chars, L.sharedChars);
        out.push(text === '' ? null : own(text));
        inSi = false;
        s = '';
      }
      else if (name === 't') inT = false;
      else if (name === 'r') inR = false;
      else if (name === 'rPh') inRPh = false;
    },
    text(xml, from, to) {
      if (inSi && inT && !inRPh) add(decodeXml(xml.slice(from, to)));
    },
    cdata(raw) {
      if (inSi && inT && !inRPh) add(raw);
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
function readDateStyles(ctx, path) {
  const codes = {};
  const base = [];
  const cell = [];
  let section = '';
  walkPart(ctx, path, {
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

function cellError(ref, zh, en) {
  return unreadable(`单元格 ${ref}：${zh}`, `cell ${ref}: ${en}`);
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
  const max = book.limits.cellChars;
  if ((v && v.length > max) || (inline && inline.length > max)) {
    throw new XlsxLimitError('cellChars', Math.max(v ? v.length : 0, inline ? inline.length : 0), max, ref);
  }
  let str;
  switch (t || 'n') {
    case 'str': if (!v) return null; str = unescapeXlsx(v); break;
    case 'inlineStr': if (inline === undefined) return null; str = unescapeXlsx(inline); break;
    case 's': {
      if (!v) return null;
      const shared = book.strings[Number(v)];   // trimmed once for all its cells (null when blank)
      if (shared === undefined) throw cellError(ref, `共享字符串 ${v} 不存在`, `shared string ${v} does not exist`);
      return shared;
    }
    case 'b':
      if (!v) return null;
      if (v === '1') return true;
      if (v === '0') return false;
      throw cellError(ref, `逻辑值 ${v} 不是 0 或 1`, `the boolean ${v} is neither 0 nor 1`);
    case 'e': return null;   // #DIV/0!, #N/A …: a formula that failed, read as an empty cell
    case 'd': {
      if (!v) return null;
      const d = new Date(v);
      if (isNaN(d.getTime())) throw cellError(ref, `日期 ${v} 无法识别`, `the date ${v} cannot be read`);
      return d;
    }
    case 'n': {
      if (!v) return null;
      const x = Number(v);
      if (isNaN(x)) throw cellError(ref, `数值 ${v} 无法识别`, `the number ${v} cannot be read`);
      return s && book.dateStyles[Number(s)] ? excelDate(x, book.epoch1904) : x;
    }
    default: throw cellError(ref, `单元格类型 t="${t}" 无法识别`, `the cell type t="${t}" cannot be read`);
  }
  str = str.trim();
  return str === '' ? null : own(str);
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

const BAD_ATTRIBUTES = ['XML：单元格的属性写法有误', 'XML: a cell\'s attributes are not well written'];

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
    if (c !== 61) throw unreadable(...BAD_ATTRIBUTES);
    c = xml.charCodeAt(++i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++i);
    if (c !== QUOTE && c !== APOS) throw unreadable(...BAD_ATTRIBUTES);
    const end = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
    if (end < 0) throw unreadable('XML：单元格的属性没有结束', 'XML: a cell\'s attribute has no end');
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
    if (gt < 0 || gt > to) throw unreadable('XML：标签没有结束', 'XML: a tag has no end');
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
function cellContent(xml, state) {
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
    text(x, from, to) {
      if (inV) v += decodeXml(x.slice(from, to));
      else if (inIs && inT && !inRPh) inline += decodeXml(x.slice(from, to));
    },
    cdata(raw) {
      if (inV) v += raw;
      else if (inIs && inT && !inRPh) inline += raw;
    },
  }, { depth: state.depth + 1, limits: state.limits, part: state.part }, true);
  return { v, inline };
}

/**
 * A worksheet being read: where the scan is (inside <sheetData>, the row
 * open, the last cell's place), the rows read and not yet handed on (queue:
 * pairs of row number and cells, rows with a value only) and the batch being
 * filled (empty rows between put in as []).
 */
function newSheet(book, part, batchRows) {
  return {
    book, limits: book.limits, part, batchRows,
    inData: false, done: false, depth: 0,
    row: null, rowNumber: 0, ended: 0, lastRow: 0, lastCol: 0,
    queue: [], batch: [], emitted: 0, columns: 0,
  };
}

function endRow(S) {
  const at = S.rowNumber || S.ended + 1;
  if (at <= S.ended) throw unreadable(`第 ${at} 行的位置不按顺序`, `row ${at} is out of order`);
  if (S.row.length > 0) {
    if (at > S.limits.rows) throw new XlsxLimitError('rows', at, S.limits.rows);
    S.queue.push(at, S.row);
  }
  S.ended = at;
  if (S.lastRow < at) { S.lastRow = at; S.lastCol = 0; }
  S.row = null;
  S.rowNumber = 0;
}

/**
 * Scans the worksheet text xml (the whole of it, or one chunk) from i: rows
 * go to S.queue, each as long as its last value. Rows and cells must come in
 * order (as the format says): a row or cell out of place is an error, not a
 * guess. Returns where it stopped: at the end, at what the chunk does not
 * finish (unless final), or once batchRows rows wait in the queue.
 *
 * A plain cell (<c r= t= s=><f>…</f><v>…</v></c>) is read with indexOf; a
 * cell with an inline string, CDATA or a comment by the walker. A value past
 * limits.rows or limits.columns is refused before the row is padded out to it.
 */
function scanSheet(S, xml, i, final) {
  const n = xml.length;
  const L = S.limits;
  const queued = 2 * S.batchRows;
  const unfinished = (at, zh, en) => {
    if (!final) return at;
    throw unreadable(`${S.part} 的 XML ${zh}`, `the XML of ${S.part} ${en}`);
  };
  while (i < n && !S.done) {
    if (S.queue.length >= queued) return i;
    const lt = xml.indexOf('<', i);
    if (lt < 0) return n;   // text between tags: nothing a sheet needs
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QUESTION) {
      const comment = xml.startsWith('<!--', lt);
      const end = comment ? xml.indexOf('-->', lt + 4) : xml.indexOf('>', lt);
      if (end < 0) return unfinished(lt, '中 <! 或 <? 没有结束', 'has a <! or <? without its end');
      i = end + (comment ? 3 : 1);
      continue;
    }
    const closing = c1 === SLASH;
    const from = closing ? lt + 2 : lt + 1;
    const p = nameEnd(xml, from);
    if (!S.inData || closing || !isName(xml, from, p, 'c')) {
      const gt = tagEnd(xml, p);
      if (gt < 0) return unfinished(lt, '中标签没有结束', 'has a tag without its end');
      const selfClosing = !closing && xml.charCodeAt(gt - 1) === SLASH;
      i = gt + 1;
      if (closing) S.depth--;
      else if (!selfClosing) deeper(S);
      if (!S.inData) {
        if (!closing && isName(xml, from, p, 'sheetData')) {
          if (selfClosing) S.done = true;
          else S.inData = true;
        }
      } else if (closing) {
        if (isName(xml, from, p, 'row')) {
          if (S.row) endRow(S);
        } else if (isName(xml, from, p, 'sheetData')) {
          S.done = true;
        }
      } else if (isName(xml, from, p, 'row')) {
        const a = parseAttributes(xml, p, selfClosing ? gt - 1 : gt);
        S.rowNumber = a.r ? Number(a.r) : 0;
        if (a.r && !(Number.isInteger(S.rowNumber) && S.rowNumber > 0)) throw unreadable(`行号 r="${a.r}" 无法识别`, `the row number r="${a.r}" cannot be read`);
        S.row = [];
        if (selfClosing) endRow(S);
      }
      continue;
    }

    // A cell, read once the chunk holds all of it.
    if (tagEnd(xml, p) < 0) return unfinished(lt, '中单元格的标签没有结束', 'has a cell tag without its end');
    const gt = cellAttributes(xml, p);
    const ref = CELL.r, t = CELL.t, s = CELL.s;
    let v, inline;
    let next = gt + 1;
    if (xml.charCodeAt(gt - 1) !== SLASH) {
      const end = p - from === 1 && xml.startsWith('<v>', gt + 1) ? xml.indexOf('<', gt + 4) : -1;
      if (end > 0 && xml.startsWith('</v></c>', end)) {
        // The usual cell, <c …><v>text</v></c>: read in place.
        v = decodeXml(xml.slice(gt + 4, end));
        next = end + 8;
      } else {
        const close = p - from === 1 ? '</c>' : `</${xml.slice(from, p)}>`;
        const stop = xml.indexOf(close, gt + 1);
        if (stop < 0) return unfinished(lt, `中单元格 ${ref} 没有结束`, `has a cell ${ref} without its end`);
        v = t === 'inlineStr' ? null : valueIn(xml, gt + 1, stop);
        if (v === null) ({ v, inline } = cellContent(xml.slice(gt + 1, stop), S));
        next = stop + close.length;
      }
    }
    i = next;
    if (S.row === null) throw unreadable('单元格不在任何行里', 'a cell is outside any row');
    let r0, c0;
    if (ref) {
      if (!cellAddress(ref)) throw unreadable(`单元格地址 r="${ref}" 无法识别`, `the cell reference r="${ref}" cannot be read`);
      r0 = ADDRESS.row;
      c0 = ADDRESS.col;
    } else {
      r0 = S.rowNumber || S.ended + 1;
      c0 = S.lastRow === r0 ? S.lastCol + 1 : 1;
    }
    if (r0 < S.lastRow || (r0 === S.lastRow && c0 <= S.lastCol)) {
      const at = ref || `R${r0}C${c0}`;
      throw unreadable(`单元格 ${at} 的位置不按顺序`, `cell ${at} is out of order`);
    }
    S.lastRow = r0;
    S.lastCol = c0;
    if (!S.rowNumber) S.rowNumber = r0;
    const value = cellValue(ref || `R${r0}C${c0}`, t, s, v, inline, S.book);
    if (value !== null) {
      if (r0 > L.rows) throw new XlsxLimitError('rows', r0, L.rows, ref || null);
      if (c0 > L.columns) throw new XlsxLimitError('columns', c0, L.columns, ref || `R${r0}C${c0}`);
      const row = S.row;
      while (row.length < c0 - 1) row.push(null);
      row.push(value);
    }
  }
  return S.done ? n : i;
}

/** Hands the batch on: { rows, first } (first: the row number of rows[0]). */
function flush(S) {
  const rows = S.batch;
  const first = S.emitted + 1;
  S.emitted += rows.length;
  S.batch = [];
  return { rows, first };
}

/** The queued rows into batches of S.batchRows (a generator of { rows, first }); final: the last, shorter one too. */
function* emit(S, final) {
  const q = S.queue;
  for (let k = 0; k < q.length; k += 2) {
    const at = q[k], cells = q[k + 1];
    while (S.emitted + S.batch.length < at - 1) {   // rows the XML skips, or holds empty
      S.batch.push([]);
      if (S.batch.length >= S.batchRows) yield flush(S);
    }
    S.batch.push(cells);
    if (cells.length > S.columns) S.columns = cells.length;
    if (S.batch.length >= S.batchRows) yield flush(S);
  }
  q.length = 0;
  if (final && S.batch.length) yield flush(S);
}

// How often, in compressed bytes of the sheet, progress is reported.
const PROGRESS_BYTES = 256 * 1024;

/**
 * A sheet's rows, up to its last row with a value, as a generator of batches
 * { rows, first } of batchRows rows (the last may be shorter), and of
 * { progress, total } (compressed bytes of the sheet read) now and then while
 * no batch fills; returns { rows, columns }. Holds one chunk of the sheet's
 * text, the unfinished piece carried over and at most two batches of rows.
 */
function* sheetBatches(ctx, book, sheet, batchRows) {
  const L = ctx.limits;
  const S = newSheet(book, sheet.path, batchRows);
  const queued = 2 * batchRows;
  if (sheet.path) {
    const entry = findEntry(ctx, sheet.path);
    if (!entry) {
      throw unreadable(`工作表“${sheet.name}”的内容（${sheet.path}）不在文件里`, `the content of sheet "${sheet.name}" (${sheet.path}) is not in the file`);
    }
    let rest = '';
    let read = 0, reported = 0;
    for (const chunk of partText(ctx, sheet.path, entry)) {
      const xml = rest ? rest + chunk : chunk;
      let i = 0;
      for (;;) {
        i = scanSheet(S, xml, i, false);
        if (S.queue.length < queued) break;
        yield* emit(S, false);
        reported = ctx.position;
      }
      if (S.done) break;
      rest = xml.slice(i);
      if (rest.length > L.elementChars) throw new XlsxLimitError('elementChars', rest.length, L.elementChars, sheet.path);
      read = ctx.position;
      if (read - reported >= PROGRESS_BYTES) {
        reported = read;
        yield { progress: read, total: entry.compressed };
      }
    }
    if (!S.done) {
      for (let i = 0; ;) {
        i = scanSheet(S, rest, i, true);
        if (S.queue.length < queued) break;
        yield* emit(S, false);
      }
      // The text ended inside <sheetData>: cut short, whatever it held so far.
      if (S.inData) throw unreadable(`${sheet.path} 的 XML 在 </sheetData> 之前就结束了`, `the XML of ${sheet.path} ends before </sheetData>`);
    }
  }
  yield* emit(S, true);
  return { rows: S.emitted, columns: S.columns };
}

// ---- reading a workbook ----

function bytesOf(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer || (input && input.constructor && input.constructor.name === 'ArrayBuffer')) return new Uint8Array(input);
  if (input && input.buffer && typeof input.byteLength === 'number') return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('xlsx-read: an ArrayBuffer or Uint8Array, please');
}

/** The package opened: its bytes checked against limits.fileBytes, its directory found, its workbook read. */
function open(input, { limits, chunkBytes } = {}) {
  const zip = bytesOf(input);
  const L = limitsOf(limits);
  if (zip.length > L.fileBytes) throw new XlsxLimitError('fileBytes', zip.length, L.fileBytes);
  const ctx = { zip, limits: L, total: 0, position: 0, dir: centralDirectory(zip), chunkBytes: Math.max(0, Math.floor(chunkBytes) || 0) };
  return { ctx, pkg: readPackage(ctx) };
}

/** The sheet by number from 1 or by name. */
function pick(pkg, which) {
  const found = typeof which === 'string' ? pkg.sheets.find((x) => x.name === which) : pkg.sheets[which - 1];
  if (!found) {
    const names = pkg.sheets.map((x) => x.name);
    throw unreadable(`工作簿里没有工作表 ${which}（有：${names.join('、') || '无'}）`, `the workbook has no sheet ${which} (it has: ${names.join(', ') || 'none'})`);
  }
  return found;
}

/** What every cell of the workbook is read with: the shared strings, which styles are dates, the epoch, the limits. */
function bookOf(ctx, pkg) {
  return {
    limits: ctx.limits,
    strings: readSharedStrings(ctx, pkg.sharedStrings),
    dateStyles: readDateStyles(ctx, pkg.styles),
    epoch1904: pkg.epoch1904,
  };
}

/**
 * The book, from keep when it was read from this very buffer under the same
 * limits; otherwise read, and kept. The inflated bytes it cost count again
 * towards limits.totalBytes, as if read anew.
 */
function keptBook(keep, buffer, ctx, pkg) {
  const limits = JSON.stringify(ctx.limits);
  if (keep && keep.book && keep.source === buffer && keep.limits === limits) {
    ctx.total += keep.cost;
    return keep.book;
  }
  const before = ctx.total;
  const book = bookOf(ctx, pkg);
  if (keep) Object.assign(keep, { book, source: buffer, limits, cost: ctx.total - before, reads: (keep.reads || 0) + 1 });
  return book;
}

/** Sheets (by number from 1 or by name, or all when which is null) as [{ sheet: name, data: rows }], rows padded to the widest. */
function readSync(input, which, options) {
  const { ctx, pkg } = open(input, options);
  const chosen = which === null ? pkg.sheets : [pick(pkg, which)];
  const book = bookOf(ctx, pkg);
  return chosen.map((sheet) => {
    const data = [];
    const batches = sheetBatches(ctx, book, sheet, 10000);
    let r;
    while (!(r = batches.next()).done) {
      if (r.value.rows) for (const row of r.value.rows) data.push(row);
    }
    for (const row of data) while (row.length < r.value.columns) row.push(null);
    return { sheet: sheet.name, data };
  });
}

function promised(run) {
  try {
    return Promise.resolve(run());
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Every sheet of the workbook, as read-excel-file's readXlsxFile: Promise of
 * [{ sheet, data }]. Holds every row, padded: for tests and small files; the
 * screening page reads with readSheetRows. options.limits (and chunkBytes) as
 * readSheetRows'.
 */
export function readWorkbook(input, options) {
  return promised(() => readSync(input, null, options));
}

/** One sheet's rows (number from 1 or name; the first by default), as read-excel-file's readSheet; as readWorkbook, one sheet. */
export function readSheet(input, sheet, options) {
  return promised(() => readSync(input, sheet === undefined ? 1 : sheet, options)[0].data);
}

/**
 * Reads one sheet in batches of rows, never holding the whole sheet (neither
 * its XML nor its rows): the screening Worker's entry point.
 *
 *   const { rows, columns } = await readSheetRows(arrayBuffer, {
 *     onRows(batch, firstRowNumber) { … },   // required; may return a promise
 *     onProgress(done, total) { … },         // optional; may return a promise
 *     batchRows: 2000,                       // rows per batch (the last may be shorter)
 *     limits: { rows: 100000 },              // any of DEFAULT_LIMITS, the rest default
 *     sheet: 1,                              // number from 1 or name; the first by default
 *     keep: {},                              // optional: what a second reading of the same buffer reuses
 *   });
 *
 * keep: an object (empty at first) that the reading fills with the
 * workbook's shared strings and date styles; a later call with the same
 * buffer, limits and keep reads them from there instead of inflating and
 * parsing them again (the screening Worker reads the header, then the whole
 * sheet). keep.reads counts the times they were read from the file.
 *
 * (chunkBytes: n reads each part n compressed bytes at a time instead of
 * 8 KB: for tests that cut the text at every place; the results are the same.)
 *
 * onRows(batch, firstRowNumber): consecutive batches from row 1 to the last
 * row that has a value (rows after it are not delivered); batch[k] is sheet
 * row firstRowNumber + k (1-based, as Excel numbers it). A row the XML leaves
 * out or holds empty is delivered as [], so the numbering never skips. Rows
 * are NOT padded: each is as long as its last non-empty cell, null in the
 * empty cells before it. Values as readSheet gives them: string (trimmed,
 * never ''), number, boolean, Date, null. The batch is the caller's to keep.
 * Reading waits for onRows' promise before going on (the place to yield, hear
 * a cancel and post progress); if onRows returns (or resolves to) false,
 * reading stops there and resolves with what was delivered; if it throws (or
 * rejects), reading stops and rejects with that error.
 *
 * onProgress(done, total): while a stretch of the sheet gives no full batch
 * (empty rows, long cells), now and then the compressed bytes of the sheet
 * read so far and in all (done / total is how far the reading is); awaited
 * like onRows, and stops the reading the same way. Between two awaited calls
 * the reading runs synchronously for one batch or ~256 KB of the compressed
 * sheet at most (tens of milliseconds); before the first, it reads the
 * workbook's small parts and its shared strings (bounded by the limits).
 * The buffer must stay as it is (not transferred) until the reading ends.
 *
 * In the bundle (screen/vendor/xlsx-read.js): UieXlsxRead.readSheetRows, with
 * UieXlsxRead.DEFAULT_LIMITS (frozen), .XlsxLimitError, .XlsxUnreadableError.
 *
 * Resolves with { rows, columns, stopped }: the rows delivered (the last
 * one's number), the longest row's length, and whether onRows or onProgress
 * stopped it. Rejects with
 *   XlsxLimitError       e.code 'xlsx_limit': e.limit names the limit
 *                        (DEFAULT_LIMITS' keys), e.value what was found (at
 *                        least), e.max the limit, e.where the part or cell,
 *                        e.message (Chinese) / e.messageEn: which limit and
 *                        what to do. Rows already delivered stay delivered:
 *                        a rows/columns/cellChars limit can be met midway.
 *   XlsxUnreadableError  e.code 'xlsx_unreadable': not a ZIP, truncated, a
 *                        part missing, XML or a cell that cannot be read;
 *                        e.detail / e.detailEn what is wrong, e.message /
 *                        e.messageEn the same with what to do.
 *   TypeError            a call written wrong (no onRows, an unknown limit).
 * or with what onRows / onProgress threw.
 */
export async function readSheetRows(buffer, { onRows, onProgress, batchRows = 2000, limits = {}, sheet = 1, chunkBytes, keep } = {}) {
  if (typeof onRows !== 'function') throw new TypeError('readSheetRows: onRows(rows, firstRowNumber) is required');
  const { ctx, pkg } = open(buffer, { limits, chunkBytes });
  const chosen = pick(pkg, sheet);
  const book = keptBook(keep, buffer, ctx, pkg);
  const batches = sheetBatches(ctx, book, chosen, Math.max(1, Math.floor(batchRows) || 1));
  let rows = 0, columns = 0;
  try {
    for (let r = batches.next(); !r.done; r = batches.next()) {
      let answer;
      if (r.value.rows) {
        rows = r.value.first + r.value.rows.length - 1;
        for (const row of r.value.rows) if (row.length > columns) columns = row.length;
        answer = await onRows(r.value.rows, r.value.first);
      } else if (onProgress) {
        answer = await onProgress(r.value.progress, r.value.total);
      }
      if (answer === false) return { rows, columns, stopped: true };
    }
  } finally {
    batches.return();
  }
  return { rows, columns, stopped: false };
}
