// Issue 16: the XLSX reader (scripts/vendor/xlsx-read.mjs, and its bundle)
// against random workbooks, from a seeded generator (the seed is printed with
// any failure; XLSX_SEED=n replays it, XLSX_CASES=n runs more cases):
//
// - well-formed workbooks, hand-built (shared and inline strings, rich text,
//   phonetic runs, entities, _xHHHH_ escapes, numbers, booleans, errors,
//   formula results, dates by built-in and custom styles, the 1904 epoch,
//   gaps in rows and columns, empty rows, rows and cells without r=, a
//   namespace prefix, whitespace) or written by write-excel-file: read by
//   readSheetRows (in random batches, each part cut into random chunks of a
//   few compressed bytes, so every place in the text falls on a chunk's end
//   somewhere), they must give what the generator put in, and what
//   read-excel-file gives (where that one can read the file), row for row;
// - the same under random small limits: read the same, or refused with
//   XlsxLimitError only (a limit never changes what is read), rows and
//   columns refused exactly when past the limit;
// - broken packages (cut at a random place, bytes flipped in the ZIP or in
//   the XML): read, or refused with XlsxLimitError / XlsxUnreadableError,
//   never another exception; readSheet and readSheetRows agree, and the
//   bundle answers as the source.
//
// The cases run in a worker thread watched from here: a case that takes more
// than CASE_MS fails the test with its seed (a synchronous loop cannot hang
// the run).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const CASE_MS = 15_000;

if (isMainThread) {
  const seed = process.env.XLSX_SEED ? Number(process.env.XLSX_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
  const count = Number(process.env.XLSX_CASES) || 300;
  test(`${count} random workbooks, well-formed and broken (seed ${seed})`, { timeout: 10 * 60_000 }, async () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { seed, count } });
    const kinds = {};
    await new Promise((resolve, reject) => {
      let current = null;
      let timer = null;
      const fail = (message) => {
        clearTimeout(timer);
        worker.terminate();
        reject(new Error(`${message}\n  replay: XLSX_SEED=${seed} node --test tests/js/xlsx-random.test.mjs`));
      };
      worker.on('message', (m) => {
        clearTimeout(timer);
        if (m.start !== undefined) {
          current = m;
          timer = setTimeout(() => fail(`case ${m.start} (${m.kind}, case seed ${m.caseSeed}) ran over ${CASE_MS} ms: a hang`), CASE_MS);
        } else if (m.done !== undefined) {
          kinds[m.kind] = (kinds[m.kind] || 0) + 1;
        } else if (m.failed !== undefined) {
          fail(`case ${m.failed} (${m.kind}, case seed ${m.caseSeed}) failed: ${m.message}`);
        } else if (m.finished) {
          resolve();
        }
      });
      worker.on('error', (e) => fail(`the worker died${current ? ` in case ${current.start} (${current.kind}, case seed ${current.caseSeed})` : ''}: ${e.stack || e}`));
      worker.on('exit', (code) => { if (code !== 0) fail(`the worker exited with ${code}`); });
    });
    await worker.terminate();
    // Every kind of case ran.
    for (const kind of ['handmade', 'written', 'limited', 'truncated', 'flipped', 'xml-garbled']) assert.ok(kinds[kind] > 0, `${kind}: ${JSON.stringify(kinds)}`);
  });
} else {
  await runCases(workerData);
}

async function runCases({ seed, count }) {
  const { strToU8, zipSync } = await import('fflate');
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const { arrayBuffer, loadBundle, padded, plain, source, streamedRows } = await import('../hostile/spreadsheets/readers.mjs');
  const readers = { source, bundle: loadBundle() };
  const DEFAULTS = source.DEFAULT_LIMITS;

  // mulberry32: small, fast, and the same on every machine.
  const prng = (s) => () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  for (let i = 0; i < count; i++) {
    const caseSeed = (seed + i * 0x9E3779B9) >>> 0;
    const rnd = prng(caseSeed);
    const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
    const pick = (list) => list[Math.floor(rnd() * list.length)];
    const chance = (p) => rnd() < p;
    const kind = pick(['handmade', 'handmade', 'handmade', 'written', 'limited', 'truncated', 'flipped', 'xml-garbled']);

    // ---- one case (run at the end of this loop body, once all is defined) ----

    async function runCase(which) {
      if (which === 'written') return written();
      const made = handmade();
      if (which === 'handmade') return wellFormed(made);
      if (which === 'limited') return limited(made);
      if (which === 'truncated') return broken(made.bytes.slice(0, int(0, made.bytes.length - 1)));
      if (which === 'flipped') {
        const b = made.bytes.slice();
        for (let k = int(1, 6); k > 0; k--) b[int(0, b.length - 1)] ^= 1 << int(0, 7);
        return broken(b);
      }
      return broken(handmade({ garble: true }).bytes);
    }

    // The package a failing case read, kept for a look (test-artifacts/ is git-ignored).
    let caseBytes = null;
    const keep = (bytes) => { caseBytes = bytes; return bytes; };

    /** How this case reads: random batches and chunks, so boundaries fall everywhere. */
    function how(limits) {
      return { batchRows: pick([1, 2, 3, 7, 50, 2000]), chunkBytes: pick([1, 2, 3, 5, 17, 64, 0]), limits };
    }

    async function wellFormed({ bytes, model, comparable }) {
      keep(bytes);
      const expected = comparable ? plain((await readXlsxFile(arrayBuffer(bytes)))[0].data) : null;
      for (const [name, reader] of Object.entries(readers)) {
        const { rows } = await streamedRows(reader, bytes, how());
        assert.deepEqual(rows, model, `${name}: readSheetRows gives what was written`);
        if (expected) assert.deepEqual(padded(rows), expected, `${name}: as read-excel-file reads it`);
        assert.deepEqual(plain(await reader.readSheet(bytes, 1, { chunkBytes: pick([1, 7, 0]) })), padded(model), `${name}: readSheet`);
      }
    }

    async function limited({ bytes, model }) {
      keep(bytes);
      const width = model.reduce((w, r) => Math.max(w, r.length), 0);
      const limits = {};
      for (const k of Object.keys(DEFAULTS)) {
        if (!chance(0.3)) continue;
        limits[k] = k === 'rows' ? int(0, model.length + 1) : k === 'columns' ? int(0, width + 1) : k === 'depth' ? int(1, 8)
          : k.endsWith('Bytes') ? int(0, 6000) : k === 'elementChars' ? int(0, 400) : int(0, 60);
      }
      for (const [name, reader] of Object.entries(readers)) {
        let got;
        try {
          got = await streamedRows(reader, bytes, how(limits));
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          assert.equal(e.code, 'xlsx_limit', `${name}: a good file is only ever refused for a limit (${e.code}: ${e.message})`);
          assert.ok(e.limit in limits, `${name}: refused for ${e.limit}, which this case left at its default`);
          assert.ok(e.value > e.max && e.max === limits[e.limit], `${name}: ${e.limit} ${e.value} > ${e.max}`);
          if (e.limit === 'rows') assert.ok(model.length > limits.rows, `${name}: ${model.length} rows refused at ${limits.rows}`);
          if (e.limit === 'columns') assert.ok(width > limits.columns, `${name}: ${width} columns refused at ${limits.columns}`);
          continue;
        }
        assert.deepEqual(got.rows, model, `${name}: under limits, the same rows or none`);
        if ('rows' in limits) assert.ok(model.length <= limits.rows);
        if ('columns' in limits) assert.ok(width <= limits.columns);
      }
    }

    async function broken(bytes) {
      keep(bytes);
      const outcomes = [];
      const c = how(chance(0.3) ? { rows: int(0, 40), cellChars: int(0, 40), depth: int(1, 10) } : undefined);
      for (const [name, reader] of Object.entries(readers)) {
        let streamed, whole;
        try {
          streamed = padded((await streamedRows(reader, bytes, c)).rows);
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          assert.ok(e.code === 'xlsx_limit' || e.code === 'xlsx_unreadable', `${name}: only the two documented errors (got ${e.name}: ${e.message})`);
          assert.ok(e.message && e.messageEn, `${name}: a message in Chinese and English`);
          streamed = e.code;
        }
        try {
          whole = plain(await reader.readSheet(bytes, 1, { limits: c.limits }));
        } catch (e) {
          assert.ok(e.code === 'xlsx_limit' || e.code === 'xlsx_unreadable', `${name}: readSheet: only the two documented errors (got ${e.name}: ${e.message})`);
          whole = e.code;
        }
        // The same reading both ways, except where the random batch or chunk size met a limit at another point.
        if (typeof streamed !== 'string' && typeof whole !== 'string') assert.deepEqual(whole, streamed, `${name}: readSheet and readSheetRows agree`);
        outcomes.push(await outcomeOf(reader, bytes, c.limits));
      }
      assert.deepEqual(outcomes[1], outcomes[0], 'the bundle answers as the source');
    }

    async function outcomeOf(reader, bytes, limits) {
      try {
        return plain(await reader.readSheet(bytes, 1, { limits }));
      } catch (e) {
        return { code: e.code, limit: e.limit || null, message: e.message };
      }
    }

    async function written() {
      const rows = [];
      for (let r = int(0, 12); r > 0; r--) {
        const row = [];
        for (let c = int(0, 7); c > 0; c--) {
          const t = pick(['s', 's', 'n', 'b', 'd', null]);
          if (t === 's') row.push({ type: String, value: text() });
          else if (t === 'n') row.push({ type: Number, value: pick([int(-1e6, 1e6), rnd() * 1e4 - 5e3, 1e21, -0.0015]) });
          else if (t === 'b') row.push({ type: Boolean, value: chance(0.5) });
          else if (t === 'd') row.push({ type: Date, value: new Date(Date.UTC(int(1901, 2090), int(0, 11), int(1, 28))), format: pick(['yyyy-mm-dd', 'd/m/yy', 'yyyy"年"m"月"d"日"']) });
          else row.push(null);
        }
        rows.push(row);
      }
      if (!rows.length) rows.push([null]);
      const bytes = keep(new Uint8Array(await (await writeXlsxFile(rows).toBlob()).arrayBuffer()));
      const expected = plain((await readXlsxFile(arrayBuffer(bytes)))[0].data);
      for (const [name, reader] of Object.entries(readers)) {
        assert.deepEqual(padded((await streamedRows(reader, bytes, how())).rows), expected, `${name}: a write-excel-file workbook as read-excel-file reads it`);
      }
    }

    // ---- a random workbook by hand, and what it holds ----

    /** Random text: letters, digits, Chinese, spaces, XML's special characters, an astral character, _xHHHH_. */
    function text() {
      const alphabet = ['a', 'Z', '7', ' ', ' ', '中', '文', '单', '&', '<', '>', '"', '\'', 'é', '😀', '\n', '_x0041_', '_x000D_', '.'];
      let s = '';
      for (let n = int(0, 12); n > 0; n--) s += pick(alphabet);
      return s;
    }

    /** Text as XML holds it: the special characters escaped, some characters as numeric references. */
    function esc(s) {
      let out = '';
      for (const ch of s) {
        if (ch === '&') out += '&amp;';
        else if (ch === '<') out += '&lt;';
        else if (ch === '>') out += chance(0.5) ? '&gt;' : '>';
        else if (ch === '"') out += chance(0.5) ? '&quot;' : '"';
        else if (ch.codePointAt(0) > 127 && ch.codePointAt(0) <= 0xFFFF && chance(0.3)) out += chance(0.5) ? `&#${ch.codePointAt(0)};` : `&#x${ch.codePointAt(0).toString(16)};`;
        else out += ch;
      }
      return out;
    }

    const value = (s) => { const v = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16))).trim(); return v === '' ? null : v; };

    /** A run of text as <t>, or as rich-text runs, maybe with a phonetic run (not part of the value). */
    function textElement(s, P) {
      let xml;
      if (s.length > 1 && chance(0.3)) {
        const cut = int(1, s.length - 1);
        const parts = [...s];
        xml = `<${P}r><${P}t xml:space="preserve">${esc(parts.slice(0, cut).join(''))}</${P}t></${P}r>` +
          `<${P}r><${P}rPr><${P}b/></${P}rPr><${P}t xml:space="preserve">${esc(parts.slice(cut).join(''))}</${P}t></${P}r>`;
      } else {
        xml = `<${P}t${chance(0.5) ? ' xml:space="preserve"' : ''}>${esc(s)}</${P}t>`;
      }
      if (chance(0.15)) xml += `<${P}rPh sb="0" eb="1"><${P}t>カナ</${P}t></${P}rPh>`;
      return xml;
    }

    function handmade({ garble = false } = {}) {
      const P = chance(0.2) ? 'x:' : '';
      const NS = P ? 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' : 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
      const ws = () => (chance(0.15) ? pick(['\n', '\n  ', ' ', '\r\n\t']) : '');
      const epoch1904 = chance(0.1);
      const strings = [];
      for (let n = int(0, 15); n > 0; n--) strings.push(text());
      // Built-in and custom date styles beside plain ones (cellXfs index → a date?).
      const dateStyle = [false, true, true, false, true, true];
      const styles = `<${P}styleSheet ${NS}><${P}numFmts count="2"><${P}numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><${P}numFmt numFmtId="165" formatCode="0.00%"/></${P}numFmts>` +
        `<${P}cellXfs count="6"><${P}xf numFmtId="0"/><${P}xf numFmtId="14" applyNumberFormat="1"/><${P}xf numFmtId="164"/><${P}xf numFmtId="165"/><${P}xf numFmtId="21"/><${P}xf numFmtId="31"/></${P}cellXfs></${P}styleSheet>`;
      let comparable = true;
      const model = [];
      let xmlRows = '';
      let rowNumber = 0;
      const rowsWithoutR = [];
      for (let r = int(0, 25); r > 0; r--) {
        const gap = chance(0.8) ? 1 : chance(0.9) ? int(2, 6) : int(50, 3000);
        rowNumber += gap;
        const withR = gap > 1 || chance(0.9);   // a row without r= is the one after the last
        const cells = [];
        let xmlCells = '';
        let col = 0;
        for (let c = int(0, 8); c > 0; c--) {
          const withRef = chance(0.97);
          if (!withRef) comparable = false;   // read-excel-file refuses a cell without r=
          col += !withRef || chance(0.75) ? 1 : chance(0.9) ? int(2, 5) : int(20, 80);   // one without r= is the next column
          const { xml, v } = randomCell(strings, P, dateStyle, epoch1904);
          xmlCells += ws() + xml.replace('<c', `<${P}c${withRef ? ` r="${columnName(col)}${rowNumber}"` : ''}`).replace(/<\/c>$/, `</${P}c>`);
          if (v !== null) {
            while (cells.length < col - 1) cells.push(null);
            cells.push(v);
          }
        }
        const attrs = (withR ? ` r="${rowNumber}"` : '') + (chance(0.3) ? ` spans="1:${Math.max(col, 1)}"` : '') + (chance(0.2) ? ' ht="20" customHeight="1"' : '');
        xmlRows += ws() + (xmlCells || chance(0.5) ? `<${P}row${attrs}>${xmlCells}</${P}row>` : `<${P}row${attrs}/>`);
        while (model.length < rowNumber - 1) model.push([]);
        model.push(cells);
        if (!withR) rowsWithoutR.push(rowNumber);
      }
      // read-excel-file keeps an empty row without r= after the last value (as an empty row); we leave it out, as any trailing empty row.
      const lastValue = model.reduce((last, r, k) => (r.length ? k + 1 : last), 0);
      if (rowsWithoutR.some((n) => n > lastValue)) comparable = false;
      while (model.length && model[model.length - 1].length === 0) model.pop();
      const sheetData = `<${P}sheetData>${xmlRows}${ws()}</${P}sheetData>`;
      let sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}worksheet ${NS}>` +
        (chance(0.3) ? `<${P}dimension ref="A1:C3"/><${P}sheetViews><${P}sheetView workbookViewId="0"/></${P}sheetViews>` : '') +
        sheetData + (chance(0.2) ? `<${P}mergeCells count="1"><${P}mergeCell ref="A1:B1"/></${P}mergeCells>` : '') + `</${P}worksheet>`;
      if (garble) {
        const chars = [...sheet];
        for (let k = int(1, 8); k > 0; k--) chars[int(0, chars.length - 1)] = pick(['<', '>', '/', '"', '=', '&', ';', 'x', ' ', 'c', 'r', '1', '<c r="A1">', '</row>', '<!--', ']]>', '<![CDATA[']);
        sheet = chars.join('');
      }
      const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      const files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<${P}workbook ${NS} xmlns:r="${REL}">${epoch1904 ? `<${P}workbookPr date1904="1"/>` : ''}<${P}sheets><${P}sheet name="S" sheetId="1" r:id="rId1"/></${P}sheets></${P}workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': sheet,
        'xl/sharedStrings.xml': `<${P}sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">` + strings.map((s) => `${ws()}<${P}si>${textElement(s, P)}</${P}si>`).join('') + `</${P}sst>`,
        'xl/styles.xml': styles,
      };
      const u8 = {};
      for (const [k, v] of Object.entries(files)) u8[k] = strToU8(v);
      return { bytes: zipSync(u8, { level: pick([0, 1, 6, 9]) }), model: plain(model), comparable };
    }

    function columnName(n) {
      let s = '';
      for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    }

    /** One cell's XML (written as <c …>…</c>, its r= added by the caller) and the value it holds. */
    function randomCell(strings, P, dateStyle, epoch1904) {
      const kind = pick(['shared', 'shared', 'inline', 'str', 'number', 'number', 'date', 'bool', 'error', 'empty']);
      if (kind === 'shared' && strings.length) {
        const k = int(0, strings.length - 1);
        return { xml: `<c t="s"${chance(0.3) ? ' s="0"' : ''}><${P}v>${k}</${P}v></c>`, v: value(strings[k]) };
      }
      if (kind === 'inline') {
        const s = text();
        return { xml: `<c t="inlineStr"><${P}is>${textElement(s, P)}</${P}is></c>`, v: value(s) };
      }
      if (kind === 'str') {
        const s = text();
        return { xml: `<c t="str"><${P}f>A1&amp;""</${P}f><${P}v>${esc(s)}</${P}v></c>`, v: value(s) };
      }
      if (kind === 'date') {
        const serial = int(1, 70000) + (chance(0.3) ? int(0, 95) / 96 : 0);
        const s = pick([1, 2, 4, 5]);
        const days = epoch1904 ? serial + 1462 : serial;
        return { xml: `<c s="${s}"><${P}v>${serial}</${P}v></c>`, v: dateStyle[s] ? new Date(Math.floor((days - 25569) * 86400000)) : serial };
      }
      if (kind === 'bool') {
        const b = chance(0.5);
        return { xml: `<c t="b"><${P}v>${b ? 1 : 0}</${P}v></c>`, v: b };
      }
      if (kind === 'error') return { xml: `<c t="e"><${P}f>1/0</${P}f><${P}v>#DIV/0!</${P}v></c>`, v: null };
      if (kind === 'empty') return { xml: chance(0.5) ? '<c s="1"/>' : `<c s="0"></c>`, v: null };
      const n = pick([String(int(-1e6, 1e6)), String(rnd() * 1e4 - 5e3), '1.5E-3', '-2E+5', '007', '0']);
      return { xml: `<c${chance(0.5) ? ' t="n"' : ''}${chance(0.3) ? ' s="3"' : ''}><${P}v>${n}</${P}v></c>`, v: Number(n) };
    }

    parentPort.postMessage({ start: i, kind, caseSeed });
    try {
      await runCase(kind);
      parentPort.postMessage({ done: i, kind });
    } catch (e) {
      let kept = '';
      if (caseBytes) {
        const dir = fileURLToPath(new URL('../../test-artifacts/xlsx-random/', import.meta.url));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `case-${caseSeed}.xlsx`), caseBytes);
        kept = `\n  the package: ${join(dir, `case-${caseSeed}.xlsx`)}`;
      }
      parentPort.postMessage({ failed: i, kind, caseSeed, message: (e && e.stack ? e.stack : String(e)) + kept });
      return;
    }
  }
  parentPort.postMessage({ finished: true });
}
