/*
 * The screening page's Worker (web/screen.html → screen.mjs): it reads the
 * office's file and holds the answers, so the page only draws. The engine is
 * the same module as the single-estimate page's (estimator.wasm, facade
 * estimator-api.js with estimator-batch.js), through its batch session (uie::Session): the file goes
 * in as it is read — a CSV's bytes slice by slice, an XLSX's rows as cells —
 * and each row is read and evaluated once, its table row (the export) written
 * in the same pass. Nothing here splits or writes CSV: the engine does.
 * Nothing here sends anything anywhere: the file is read from the File the
 * page hands over and stays in this Worker's memory.
 *
 * Messages in:  { id, op, … } — init, questions, load, remap, screen, cancel,
 *               page, explain, export, template, and the what-if's parameters,
 *               whatif (the file again under a reform), changes, exportChanges
 *               (see OPS below).
 * Messages out: { id, result } or { id, error: { code, message, issues } }
 *               (issues: a refused reform's, each with its JSON Pointer);
 *               { progress: { done, fraction } } while reading and screening
 *               (fraction null when unknown).
 */
'use strict';

var early = fetch('../estimator.wasm');
importScripts('../estimator.js', '../estimator-api.js', '../estimator-batch.js', '../shared/uie-words.js', '../shared/uie-answers.js', '../shared/uie-views.js', '../shared/uie-front.js', '../shared/uie-screen.js');

var F = UieFront;
// Bytes of a CSV read at a time: large enough that a call into the engine
// is worth it, small enough that progress moves and a cancel is heard soon.
var SLICE = 1 << 20;
// A CSV larger than this is refused before it is read (docs/limits.md): the
// Worker keeps the table it exports, about the file's size again.
var MAX_CSV_BYTES = 256 * 1024 * 1024;

var started = UieEstimator.createEstimator({
  factory: createUieModule,
  instantiate: UieEstimator.fromUrl('../estimator.wasm', function (url) {
    var r = early || fetch(url);
    early = null;
    return r;
  }),
  log: function (line) { console.warn('[estimator]', line); },
});

// The file, once chosen: the Blob, its format and encoding, its header (as
// the engine reads it) and what each column holds.
var file = null;
// The batch, once screened: per unit its row, state, amounts, what failed or
// is missing, the reasons' sentences, its error, the cells passed through and
// (CSV) where its record starts; the summary; the table, in pieces.
var batch = null;
var cancelled = false;
var view = null;   // the last filtered and sorted list of unit indices, with its query

function fail(code, message) {
  var e = new Error(message);
  e.code = code;
  return e;
}

function yieldNow() {
  // A task boundary: a cancel message waiting in the queue runs now.
  return new Promise(function (resolve) { setTimeout(resolve, 0); });
}

function progress(done, fraction) {
  postMessage({ progress: { done: done, fraction: fraction === null || fraction === undefined ? null : Math.min(1, fraction) } });
}

// ---- reading the file ----

function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4B && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function readSlice(blob, from, to) {
  return blob.slice(from, to).arrayBuffer().then(function (b) { return new Uint8Array(b); });
}

function xlsxReader() {
  importScripts('vendor/xlsx-read.js');   // only now: a CSV never loads it
  return UieXlsxRead;
}

// The reader's own errors carry their message (which limit, what to do);
// anything else is an unreadable file.
function xlsxError(e) {
  if (e && (e.code === 'xlsx_limit' || e.code === 'xlsx_unreadable')) return fail(e.code, e.message);
  if (e && e.code) return e;
  return fail('unreadable', '无法读取这个 XLSX 文件（' + (e && e.message ? e.message : e) + '）：请在 Excel 中另存为 .xlsx 或 CSV 后再试。');
}

// Rows of an XLSX sheet as the engine's cells, batch by batch. keep: the
// file's shared strings, read once for the header, the screening and any row
// read again.
function xlsxRows(buffer, keep, onRows, onProgress) {
  var X = xlsxReader();
  return X.readSheetRows(buffer, {
    batchRows: 2000,
    keep: keep,
    onRows: function (rows, first) {
      var cells = new Array(rows.length);
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r];
        var out = new Array(row.length);
        for (var i = 0; i < row.length; i++) out[i] = F.cellText(row[i]);
        cells[r] = out;
      }
      return onRows(cells, first);
    },
    onProgress: onProgress,
  }).catch(function (e) { throw xlsxError(e); });
}

// The header row of a CSV: its first record, read from the first slice in
// the file's encoding (UTF-8, else GB18030 as Excel saves "CSV (逗号分隔)" on
// a Chinese Windows).
function csvHeader(est, blob, program) {
  return readSlice(blob, 0, Math.min(blob.size, 256 * 1024)).then(function (bytes) {
    if (bytes.indexOf(0) >= 0) throw fail('unreadable', '这个文件不是文本格式的 CSV，也不是 XLSX：请选择 CSV 或 XLSX 文件。');
    var encoding = 'utf-8';
    var text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    } catch (notUtf8) {
      encoding = 'gb18030';
      text = new TextDecoder('gb18030').decode(bytes, { stream: true });
    }
    var bom = bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
    return est.csvColumns(text, { program: program }).then(function (r) {
      if (!r.ok) throw fail(r.error.code, r.error.message);
      return { encoding: encoding, label: encoding === 'gb18030' ? 'GB18030' : bom ? 'UTF-8 (BOM)' : 'UTF-8',
               headers: r.columns.map(function (c) { return c.header; }), columns: r.columns };
    });
  });
}

function xlsxHeader(est, buffer, keep, program) {
  var header = null;
  return xlsxRows(buffer, keep, function (rows) { header = rows[0] || []; return false; }).then(function () {
    var cells = (header || []).map(function (c) { return c.trim(); });
    return est.csvColumns(cells, { program: program }).then(function (r) {
      if (!r.ok) throw fail(r.error.code, r.error.message);
      return { encoding: 'XLSX', label: 'XLSX', headers: cells, columns: r.columns };
    });
  });
}

function load(est, m) {
  file = null;
  batch = null;
  view = null;
  whatIf = null;
  var blob = m.file;
  if (!blob.size) return Promise.reject(fail('empty_file', '文件是空的。'));
  return readSlice(blob, 0, 4).then(function (magic) {
    var xlsx = isZip(magic);
    if (!xlsx && /\.xlsx?$/i.test(m.name || '')) {
      throw fail('unreadable', '这个文件不是 XLSX 格式（可能是旧版 .xls 或已损坏）：请在 Excel 中“另存为” .xlsx 或 CSV 后再试。');
    }
    if (xlsx) {
      var max = xlsxReader().DEFAULT_LIMITS.fileBytes;
      if (blob.size > max) {
        throw fail('xlsx_limit', '文件有 ' + mb(blob.size) + '，超过 XLSX 的上限 ' + mb(max) + '：请把表格拆成几个文件，或另存为 CSV 后再试。');
      }
      return blob.arrayBuffer().then(function (buffer) {
        var keep = {};
        return xlsxHeader(est, buffer, keep, m.program).then(function (h) { h.buffer = buffer; h.keep = keep; return h; });
      });
    }
    if (blob.size > MAX_CSV_BYTES) {
      throw fail('too_large', '文件有 ' + mb(blob.size) + '，超过 CSV 的上限 ' + mb(MAX_CSV_BYTES) + '：请把名单拆成几个文件再试。');
    }
    return csvHeader(est, blob, m.program);
  }).then(function (h) {
    if (!h.headers.some(function (x) { return x; })) throw fail('no_header', '文件的第一行是空的：第一行应当是列名（可下载模板对照）。');
    file = { blob: blob, buffer: h.buffer || null, keep: h.keep || null, name: m.name || '', format: h.buffer ? 'XLSX' : 'CSV', encoding: h.encoding,
             encodingLabel: h.label, headers: h.headers, columns: h.columns, mapping: null, names: null };
    return fileInfo();
  });
}

function mb(bytes) {
  return (bytes / 1048576).toFixed(bytes < 10485760 ? 1 : 0) + ' MB';
}

function fileInfo() {
  return { name: file.name, format: file.format, encoding: file.encodingLabel, size: file.blob.size, headers: file.headers,
           columns: file.columns, needsMapping: F.needsMapping(file.columns), rows: batch ? batch.row.length : null };
}

// What the engine makes of the header after the page's mapping, if any.
function columns(est, program, mapping) {
  var names = mapping ? F.mappedHeader(file.headers, mapping) : file.headers;
  return est.csvColumns(names, { program: program }).then(function (r) {
    if (!r.ok) throw fail(r.error.code, r.error.message);
    file.columns = r.columns;
    file.mapping = mapping || null;
    file.names = mapping ? names : null;
    return fileInfo();
  });
}

// ---- screening ----

function defaultsOf(m) {
  var d = m.defaults || {};
  return { region: d.region || '', date: d.date || '', program: d.program || '', policy: d.policy || '', today: F.today() };
}

function newBatch(defaults, conditions) {
  return { defaults: defaults, conditions: conditions || [], row: [], state: [], amount: [], low: [], high: [], failed: [],
           missing: [], reasons: [], error: [], kept: [], at: [], slices: [], table: [], summary: F.newSummary(), done: false,
           outcomes: [], tally: null };
}

var STATES = { yes: 0, no: 1, unknown: 2, error: 3 };
var STATE_NAMES = ['yes', 'no', 'unknown', 'error'];

// The session's answers (one line per unit) into the batch.
function take(b, out) {
  if (!out) return;
  var lines = out.split('\n');
  for (var k = 0; k < lines.length - 1; k++) {
    var r = F.screenRow(lines[k]);
    var i = b.row.length;
    b.row.push(r.row);
    b.state.push(STATES[r.state]);
    b.amount.push(r.amountFen === null ? NaN : r.amountFen);
    b.low.push(r.candidates ? Math.min(r.candidates.large, r.candidates.sme) : NaN);
    b.high.push(r.candidates ? Math.max(r.candidates.large, r.candidates.sme) : NaN);
    b.at.push(r.at === null ? -1 : r.at);
    // The cells passed through, joined: what the table shows and search finds.
    b.kept.push(r.kept.join('\u0000'));
    if (r.failed.length) b.failed[i] = r.failed;
    if (r.missing.length) b.missing[i] = r.missing;
    if (r.reasons.length) b.reasons[i] = r.reasons;
    if (r.error) b.error[i] = r.error;
    F.addToSummary(b.summary, r);
  }
}

// `more`: further session options (outcomes, a reform).
function openSession(est, b, output, more) {
  var d = b.defaults;
  var o = { region: d.region, date: d.date, program: d.program, policy: d.policy, today: d.today,
            output: output, table: output === 'reasons', columns: file.names || undefined };
  for (var k in more || {}) o[k] = more[k];
  return est.openSession(o);
}

function screen(est, m) {
  if (!file) throw fail('no_file', '请先选择文件。');
  cancelled = false;
  view = null;
  batch = null;
  whatIf = null;
  // ?slice= (tests): smaller slices, so that a cancel lands midway in a small file.
  if (m.slice >= 4096 && m.slice <= (16 << 20)) SLICE = Math.round(m.slice);
  var b = newBatch(defaultsOf(m), m.conditions);
  return openSession(est, b, 'reasons', { outcomes: true }).then(function (session) {
    var step = function (out) {
      take(b, out);
      // Each unit's outcome in brief, as the engine counted it: what a reform is compared with.
      b.outcomes.push(session.takeOutcomes());
      // The export's rows stay UTF-8 bytes: a Blob takes them as they are,
      // and decoding them all would cost more than the screening's own lines.
      var table = session.takeTableBytes();
      if (table.length) b.table.push(table);
    };
    var run = file.format === 'XLSX' ? screenXlsx(session, b, step) : screenCsv(est, session, b, step);
    return run.then(function (complete) {
      if (complete === 'gb18030') {
        session.close();
        file.encoding = 'gb18030';
        file.encodingLabel = 'GB18030';
        return screen(est, m);
      }
      if (complete) {
        step(session.finish());
        var error = session.error;
        if (error) throw fail('invalid_header', error);
        b.tally = session.tally;
      }
      session.close();
      if (!complete) return { cancelled: true, done: b.row.length };
      b.done = true;
      batch = b;
      return { cancelled: false, done: b.row.length, summary: b.summary };
    }, function (e) {
      session.close();
      throw e;
    });
  });
}

// A CSV's bytes slice by slice. A slice ends after a line break (in UTF-8 and
// GB18030 alike a 0x0A byte is never part of a character), so each one can be
// decoded, and later read again, on its own: `slices` maps where each starts
// in the file to where it starts in the text the engine was fed.
// `read`: the file was read whole before (a what-if's second pass): its
// bytes are known to be UTF-8 and are not checked again (a quarter of that
// pass's time in a profile of 100 000 units).
function screenCsv(est, session, b, step, read) {
  var blob = file.blob;
  var gb = file.encoding === 'gb18030';
  var check = gb || read ? null : new TextDecoder('utf-8', { fatal: true });
  var decoder = gb ? new TextDecoder('gb18030') : null;
  var encoder = new TextEncoder();
  var fed = 0;
  function next(from) {
    if (cancelled) return Promise.resolve(false);
    if (from >= blob.size) return Promise.resolve(true);
    return readSlice(blob, from, Math.min(blob.size, from + SLICE + 65536)).then(function (bytes) {
      var end = bytes.length;
      if (from + end < blob.size) {
        var nl = bytes.lastIndexOf(10, SLICE);
        end = nl >= 0 ? nl + 1 : Math.min(bytes.length, SLICE);
      }
      var piece = bytes.subarray(0, end);
      b.slices.push({ file: from, fed: fed });
      if (gb) {
        piece = encoder.encode(decoder.decode(piece, { stream: true }));
      } else if (check) {
        try {
          check.decode(piece, { stream: true });
        } catch (notUtf8) {
          // Plain ASCII at first, GB18030 further on: read it again as GB18030.
          return 'gb18030';
        }
      }
      fed += piece.length;
      step(session.feed(piece));
      progress(b.row.length, (from + end) / blob.size);
      return yieldNow().then(function () { return next(from + end); });
    });
  }
  return next(0);
}

function screenXlsx(session, b, step) {
  return xlsxRows(file.buffer, file.keep, function (rows) {
    if (cancelled) return false;
    step(session.feedRows(rows));
    progress(b.row.length, null);
    return yieldNow().then(function () { return !cancelled; });
  }, function (done, total) {
    progress(b.row.length, total ? done / total : null);
    return yieldNow().then(function () { return !cancelled; });
  }).then(function (r) { return !r.stopped; });
}

// ---- the table ----

// The index, among the cells passed through, of the column the table names
// units by (the first one with a header: 单位名称 in the template).
function nameColumn() {
  var k = 0;
  for (var i = 0; i < file.columns.length; i++) {
    if (file.columns[i].role !== 'passthrough') continue;
    if (file.headers[i]) return { kept: k, header: file.headers[i] };
    k++;
  }
  return null;
}

// The unit indices a query shows, in its order (kept while the query stays the same).
function indices(q) {
  var key = JSON.stringify([q.state, q.reason, q.search, q.sort, q.dir]);
  if (view && view.key === key) return view.list;
  var list = [];
  var search = (q.search || '').trim();
  var want = STATE_NAMES.indexOf(q.state);
  var b = batch;
  for (var i = 0; i < b.row.length; i++) {
    if (want >= 0 && b.state[i] !== want) continue;
    if (q.reason && !(b.failed[i] && b.failed[i].indexOf(q.reason) >= 0)) continue;
    if (search && b.kept[i].indexOf(search) < 0) continue;
    list.push(i);
  }
  var dir = q.dir === 'desc' ? -1 : 1;
  // An open amount sorts by its lower candidate.
  var amountOf = function (i) { return isNaN(b.amount[i]) ? b.low[i] : b.amount[i]; };
  if (q.sort === 'amount') {
    list.sort(function (x, y) {
      var a1 = amountOf(x), a2 = amountOf(y);
      if (isNaN(a1) !== isNaN(a2)) return isNaN(a1) ? 1 : -1;   // no amount last, either way
      return (a1 === a2 || (isNaN(a1) && isNaN(a2)) ? x - y : (a1 - a2) * dir);
    });
  } else if (q.sort === 'state') {
    list.sort(function (x, y) { return (b.state[x] - b.state[y]) * dir || x - y; });
  } else if (dir < 0) {
    list.reverse();
  }
  view = { key: key, list: list };
  return list;
}

function page(q) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  var b = batch;
  var list = indices(q);
  var offset = Math.max(0, Math.min(q.offset || 0, Math.max(0, list.length - 1)));
  var name = nameColumn();
  var rows = list.slice(offset, offset + (q.limit || 50)).map(function (i) {
    var e = b.error[i];
    var col = e ? F.errorColumn(e, file.columns) : -1;
    return {
      index: i, row: b.row[i], name: name ? (b.kept[i].split('\u0000')[name.kept] || '') : '',
      state: STATE_NAMES[b.state[i]], amountFen: isNaN(b.amount[i]) ? null : b.amount[i],
      range: isNaN(b.low[i]) ? null : { low: b.low[i], high: b.high[i] },
      failed: b.failed[i] || [], reasons: b.reasons[i] || [],
      error: e ? { code: e.code, message: e.message, column: col >= 0 ? file.headers[col] : '' } : null,
    };
  });
  return { total: list.length, offset: offset, rows: rows, nameHeader: name ? name.header : '' };
}

// One unit's full answer (only for a row someone opens): its record read
// again from the file and answered by a session of its own.
function explain(est, index) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  var b = batch;
  var header = file.names || file.headers;
  return openSession(est, b, 'full').then(function (session) {
    var answered = function (out) {
      session.close();
      var line = out.split('\n')[0];
      if (!line) throw fail('engine_failure', '第 ' + b.row[index] + ' 行没有读到。');
      return JSON.parse(line);
    };
    session.feedRows([header]);
    if (file.format === 'XLSX') {
      var target = b.row[index];
      var row = null;
      return xlsxRows(file.buffer, file.keep, function (rows, first) {
        if (target >= first + rows.length) return true;
        row = rows[target - first] || [];
        return false;
      }).then(function () { return answered(session.feedRows([row]) + session.finish()); });
    }
    return recordBytes(b, b.at[index]).then(function (bytes) { return answered(session.feed(bytes) + session.finish()); });
  });
}

// The bytes, as the engine was fed them, from `at` to the end of its record
// at the latest (a record is at most 64 KiB).
function recordBytes(b, at) {
  var k = b.slices.length - 1;
  while (k > 0 && b.slices[k].fed > at) k--;
  var s = b.slices[k];
  var end = k + 1 < b.slices.length ? b.slices[k + 1].file + 65537 : file.blob.size;
  return readSlice(file.blob, s.file, Math.min(file.blob.size, end)).then(function (bytes) {
    if (file.encoding === 'gb18030') bytes = new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));
    var from = at - s.fed;
    var nl = bytes.indexOf(10, from);
    // The record ends at the first line break outside quotes: the session
    // reads that, so handing it up to 64 KiB more is enough.
    return bytes.subarray(from, Math.min(bytes.length, Math.max(nl + 1, from + 65537)));
  });
}

// ---- export ----

var XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsxOf(sheets) {
  importScripts('vendor/xlsx-write.js');   // only when an XLSX is written
  return UieXlsxWrite.writeWorkbook(sheets).toBlob();
}

// The facts whose cells are numbers (counts, integers, money): written to a
// spreadsheet as numbers, so that SUM adds them.
var NUMERIC = { count: true, integer: true, money: true };

// The engine's table (estimate --csv) as spreadsheet cells: the result
// columns' amounts as numbers, the facts' numbers as numbers, every other
// cell as text — and text needs no ' before = + - @: a text cell never runs.
function xlsxCells(rows, numeric, width) {
  var plain = /^-?\d+(\.\d+)?$/;
  return rows.map(function (row) {
    return row.map(function (c, i) {
      if (i >= width && (i === width + 1 || i === width + 2) && plain.test(c)) return { value: Number(c), type: Number, format: i === width + 2 ? '0.00' : '0' };
      if (i < width && numeric[i] && plain.test(c.replace(/,/g, ''))) return { value: Number(c.replace(/,/g, '')), type: Number };
      var text = c.length > 1 && c[0] === "'" && /^[=+\-@\t\r]/.test(c.slice(1)) ? c.slice(1) : c;
      return { value: text, type: String };
    });
  });
}

function exportResults(est, m) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  var b = batch;
  if (m.format !== 'xlsx') return new Blob(['\uFEFF'].concat(b.table), { type: 'text/csv;charset=utf-8' });
  var questions = m.questions || [];
  var numeric = file.columns.map(function (c) {
    var q = c.role === 'fact' && questions.find(function (x) { return x.fact === c.fact; });
    return !!(q && NUMERIC[q.type]);
  });
  var width = file.headers.length;
  var data = [];
  var at = 0;
  function step() {
    if (at >= b.table.length) return Promise.resolve();
    var part = b.table[at++];
    return est.csvRows(part).then(function (rows) {
      var cells = xlsxCells(rows, numeric, width);
      for (var k = 0; k < cells.length; k++) data.push(cells[k]);
      progress(data.length, at / b.table.length);
      return yieldNow().then(step);
    });
  }
  return step().then(function () {
    return xlsxOf([{ data: data, sheet: '筛查结果', stickyRowsCount: 1,
                     columns: data[0].map(function (c, i) { return { width: i === 0 ? 28 : i >= width + 4 ? 60 : 14 }; }) }]);
  });
}

function template(est, m) {
  var t = F.templateRows(m.questions, 'zh');
  if (m.format !== 'xlsx') {
    return est.csvText(t.rows).then(function (csv) { return new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }); });
  }
  var cells = function (rows) { return rows.map(function (r) { return r.map(function (c) { return { value: c, type: String }; }); }); };
  return xlsxOf([
    { data: cells(t.rows), sheet: '单位', stickyRowsCount: 1, columns: t.rows[0].map(function (h) { return { width: Math.max(12, Math.min(40, h.length * 2)) }; }) },
    { data: cells(t.notes), sheet: '填写说明', columns: [{ width: 44 }, { width: 44 }, { width: 60 }, { width: 24 }] },
  ]);
}

// ---- what-if (测算方案): the same file under a reform, beside the rules in force ----

var whatIf = null;   // the last comparison: the reformed outcomes and the changed units

function parameters(est) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  var d = batch.defaults;
  var request = { region: d.region, date: d.date, program: d.program };
  if (d.policy) request.policy = d.policy;
  return est.parameters(request);
}

// Outcome chunks (six numbers a unit) as one Float64Array.
function joined(chunks) {
  var n = 0;
  for (var i = 0; i < chunks.length; i++) n += chunks[i].length;
  var all = new Float64Array(n);
  var at = 0;
  for (var k = 0; k < chunks.length; k++) {
    all.set(chunks[k], at);
    at += chunks[k].length;
  }
  return all;
}

function whatif(est, m) {
  if (!batch || !batch.tally) throw fail('no_batch', '请先完成筛查，再测算方案。');
  cancelled = false;
  var base = batch;
  var baseOut = base.joinedOutcomes || (base.joinedOutcomes = joined(base.outcomes));
  return est.reform(m.reform).then(function (reform) {
    // `row` only counts (the readers' progress reads its length): the outcomes hold the rows.
    var r = { row: { length: 0 }, slices: [], outcomes: [] };
    return openSession(est, base, 'none', { outcomes: true, reform: reform, table: false }).then(function (session) {
      var step = function () {
        var o = session.takeOutcomes();
        r.outcomes.push(o);
        r.row.length += o.length / 6;
      };
      var run = file.format === 'XLSX' ? screenXlsx(session, r, step) : screenCsv(est, session, r, step, true);
      return run.then(function (complete) {
        if (complete) {
          session.finish();
          step();
        }
        var tally = session.tally;
        session.close();
        reform.drop();
        // A new file or screen meanwhile: this comparison is of a batch no longer shown.
        if (!complete || batch !== base) return { cancelled: true, done: r.row.length };
        var out = joined(r.outcomes);
        whatIf = compare(baseOut, out);
        return { cancelled: false, base: base.tally, reform: tally, changes: whatIf.changes, bands: whatIf.bands };
      }, function (e) {
        session.close();
        reform.drop();
        throw e;
      });
    });
  });
}

// Amount bands, in fen (yuan: under 1 万, 1–5 万, 5–10 万, 10–50 万, 50–100 万, from 100 万).
var BAND_EDGES = [0, 1000000, 5000000, 10000000, 50000000, 100000000];

function bandOf(fen) {
  var k = 0;
  while (k + 1 < BAND_EDGES.length && fen >= BAND_EDGES[k + 1]) k++;
  return k;
}

// Pairs the two runs unit by unit, as estimate --summary pairs them
// (cli/summary.cpp count_changes): a unit changed when its state, amount
// or candidates differ.
function compare(a, b) {
  // The same file read the same way: the same units in the same rows. Were it
  // ever not so, pairing by position would be wrong silently; it stops instead.
  var same = a.length === b.length;
  for (var j = 0; same && j < a.length; j += 6) same = a[j] === b[j];
  if (!same) throw fail('mismatch', '按方案重新读取的文件与筛查时不一致（行数或行号不同），请重新筛查后再测算。');
  var n = a.length / 6;
  var changed = [];
  var c = { changed: 0, gained: 0, lost: 0, delta_fen: 0 };
  var bands = { edges: BAND_EDGES.slice(), base: BAND_EDGES.map(function () { return 0; }), reform: BAND_EDGES.map(function () { return 0; }) };
  for (var i = 0; i < n; i++) {
    var k = i * 6;
    var ya = a[k + 1] === 1, yb = b[k + 1] === 1;
    if (ya && a[k + 2] >= 0) bands.base[bandOf(a[k + 2])] += 1;
    if (yb && b[k + 2] >= 0) bands.reform[bandOf(b[k + 2])] += 1;
    if (a[k + 1] === b[k + 1] && a[k + 2] === b[k + 2] && a[k + 3] === b[k + 3] && a[k + 4] === b[k + 4]) continue;
    c.changed += 1;
    if (!ya && yb) c.gained += 1;
    if (ya && !yb) c.lost += 1;
    c.delta_fen += (yb && b[k + 2] >= 0 ? b[k + 2] : 0) - (ya && a[k + 2] >= 0 ? a[k + 2] : 0);
    changed.push(i);
  }
  return { base: a, reform: b, list: changed, changes: c, bands: bands, view: null };
}

var STATE_OF = { '1': 'yes', '0': 'no', '-1': 'unknown', '2': 'error' };

function changedRow(i) {
  var a = whatIf.base, b = whatIf.reform, k = i * 6;
  var name = nameColumn();
  var amount = function (o) { return o[k + 1] === 1 && o[k + 2] >= 0 ? o[k + 2] : null; };
  var before = amount(a), after = amount(b);
  return {
    index: i, row: a[k], name: name ? (batch.kept[i].split('\u0000')[name.kept] || '') : '',
    before: { state: STATE_OF[a[k + 1]], amountFen: before, low: a[k + 3] >= 0 ? a[k + 3] : null, high: a[k + 4] >= 0 ? a[k + 4] : null },
    after: { state: STATE_OF[b[k + 1]], amountFen: after, low: b[k + 3] >= 0 ? b[k + 3] : null, high: b[k + 4] >= 0 ? b[k + 4] : null },
    deltaFen: (after || 0) - (before || 0),
  };
}

// A page of the changed units, sorted by row, difference, or either amount.
function changes(q) {
  if (!whatIf) throw fail('no_whatif', '还没有测算方案的结果。');
  var key = (q.sort || 'row') + (q.dir || 'asc');
  if (!whatIf.view || whatIf.view.key !== key) {
    var list = whatIf.list.slice();
    var dir = q.dir === 'desc' ? -1 : 1;
    // The difference sorts by its size: the largest changes first, up or down.
    var of = { row: function (r) { return r.row; }, delta: function (r) { return Math.abs(r.deltaFen); },
               before: function (r) { return r.before.amountFen || 0; }, after: function (r) { return r.after.amountFen || 0; } }[q.sort || 'row'];
    var rows = list.map(changedRow);
    rows.sort(function (x, y) { return (of(x) - of(y)) * dir || x.index - y.index; });
    whatIf.view = { key: key, rows: rows };
  }
  var all = whatIf.view.rows;
  var offset = Math.max(0, Math.min(q.offset || 0, Math.max(0, all.length - 1)));
  return { total: all.length, offset: offset, rows: all.slice(offset, offset + (q.limit || 50)), nameHeader: (nameColumn() || {}).header || '' };
}

// Every changed unit as CSV (the engine writes the cells): row, name, state and amount before and after, difference.
function exportChanges(est) {
  if (!whatIf) throw fail('no_whatif', '还没有测算方案的结果。');
  // Yuan from integer fen, without a float in between.
  var yuan = function (fen) {
    if (fen === null) return '';
    var a = Math.abs(fen);
    return (fen < 0 ? '-' : '') + Math.floor(a / 100) + '.' + String(a % 100).padStart(2, '0');
  };
  return est.catalog().then(function (catalog) {
  var words = function (st) { return F.stateText(st, 'zh', catalog); };
  var rows = [['行号', (nameColumn() || {}).header || '单位', '现行政策：是否符合', '现行政策：金额/元', '测算方案：是否符合', '测算方案：金额/元', '差额/元']];
  for (var j = 0; j < whatIf.list.length; j++) {
    var r = changedRow(whatIf.list[j]);
    rows.push([String(r.row), r.name, words(r.before.state), yuan(r.before.amountFen), words(r.after.state), yuan(r.after.amountFen), yuan(r.deltaFen)]);
  }
  return est.csvText(rows);
  }).then(function (csv) { return new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }); });
}

var OPS = {
  init: function (est) { return est.catalog(); },
  questions: function (est, m) { return est.questions(m.request); },
  load: load,
  remap: function (est, m) { return columns(est, m.program, m.mapping); },
  screen: screen,
  page: function (est, m) { return page(m.query || {}); },
  explain: function (est, m) { return explain(est, m.index); },
  export: exportResults,
  template: template,
  parameters: parameters,
  whatif: whatif,
  changes: function (est, m) { return changes(m.query || {}); },
  exportChanges: exportChanges,
};

onmessage = function (event) {
  var m = event.data || {};
  if (m.op === 'cancel') {
    cancelled = true;
    return;
  }
  started.then(function (est) {
    if (!OPS[m.op]) throw new Error('unknown op ' + m.op);
    return OPS[m.op](est, m);
  }).then(function (result) { postMessage({ id: m.id, result: result }); },
          function (e) {
            postMessage({ id: m.id, error: { code: (e && e.code) || 'failed', message: String((e && e.message) || e), issues: (e && e.issues) || null } });
          });
};
