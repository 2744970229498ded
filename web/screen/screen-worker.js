/*
 * The screening page's Worker (web/screen.html → screen.mjs): it holds the
 * office's file and its answers, so the page only draws. The engine is the
 * same module as the single-estimate page's (estimator.wasm, facade
 * estimator-api.js), on its screening path: a CSV batch in, one compact line
 * per unit out, in chunks so that progress shows and a cancel is heard.
 * Nothing here sends anything anywhere: the file is read from the File the
 * page hands over and stays in this Worker's memory.
 *
 * Messages in:  { id, op, … } — init, questions, load, screen, cancel, page,
 *               explain, export, template (see OPS below).
 * Messages out: { id, result } or { id, error: { code, message } };
 *               { progress: { done, total } } while screening.
 */
'use strict';

var early = fetch('../estimator.wasm');
importScripts('../estimator.js', '../estimator-api.js', '../shared/uie-front.js', '../shared/uie-screen.js');

var F = UieFront;
var CHUNK = 10000;   // rows per engine call: about 20 ms each, so progress moves and a cancel is quick (?chunk= for tests)

var started = UieEstimator.createEstimator({
  factory: createUieModule,
  instantiate: UieEstimator.fromUrl('../estimator.wasm', function (url) {
    var r = early || fetch(url);
    early = null;
    return r;
  }),
  log: function (line) { console.warn('[estimator]', line); },
});

// The file, once read: its header, its data records (CSV text as the engine
// reads it, one string per unit; blank rows left out) and their row numbers.
var file = null;
// The batch, once screened: per record its state and amount, failed and missing.
var batch = null;
var cancelled = false;
var view = null;   // the last filtered and sorted list of record indices, with its query

function fail(code, message) {
  var e = new Error(message);
  e.code = code;
  return e;
}

// ---- reading the file ----

function decodeText(bytes) {
  var bom = bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
  var body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' };
  } catch (notUtf8) {
    // Excel on a Chinese Windows saves "CSV (逗号分隔)" as GB18030 (GBK).
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'GB18030' };
  }
}

function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4B && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// An XLSX workbook's first sheet as CSV records (the engine's input).
function readXlsx(buffer) {
  importScripts('vendor/xlsx-read.js');   // only now: a CSV never loads it
  return UieXlsxRead.readWorkbook(buffer).then(function (sheets) {
    var data = (sheets[0] && sheets[0].data) || [];
    var width = data.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    var lines = data.map(function (row) {
      var cells = [];
      for (var i = 0; i < width; i++) cells.push(F.cellText(row[i]));
      return F.csvLine(cells, true);
    });
    return { text: lines.join('\n'), sheet: sheets[0] ? sheets[0].sheet : '' };
  });
}

function load(est, m) {
  file = null;
  batch = null;
  view = null;
  var blob = m.file;
  return blob.arrayBuffer().then(function (buffer) {
    var bytes = new Uint8Array(buffer);
    if (!bytes.length) throw fail('empty_file', '文件是空的。');
    var xlsx = isZip(bytes);
    if (!xlsx && /\.xlsx?$/i.test(m.name || '')) {
      throw fail('unreadable', '这个文件不是 XLSX 格式（可能是旧版 .xls 或已损坏）：请在 Excel 中“另存为” .xlsx 或 CSV 后再试。');
    }
    var read = xlsx ? readXlsx(buffer).catch(function (e) {
      throw fail('unreadable', '无法读取这个 XLSX 文件（' + (e && e.message ? e.message : e) + '）：请在 Excel 中另存为 .xlsx 或 CSV 后再试。');
    }) : Promise.resolve(decodeText(bytes));
    return read.then(function (r) {
      var text = r.text;
      if (!xlsx && text.indexOf('\u0000') >= 0) {
        throw fail('unreadable', '这个文件不是文本格式的 CSV，也不是 XLSX：请选择 CSV 或 XLSX 文件。');
      }
      var first = F.splitRecords(text, 0, 1);
      var headerRecord = first.records[0] || '';
      var headers = F.splitCells(headerRecord).map(function (h) { return h.trim(); });
      if (!headers.some(function (h) { return h; })) throw fail('no_header', '文件的第一行是空的：第一行应当是列名（可下载模板对照）。');
      var records = [];
      var rowNumbers = [];
      var at = first.next;
      var n = 1;   // the header is row 1
      while (at < text.length) {
        var part = F.splitRecords(text, at, 50000);
        for (var i = 0; i < part.records.length; i++) {
          n += 1;
          if (F.isBlankRecord(part.records[i])) continue;
          records.push(part.records[i]);
          rowNumbers.push(n);
        }
        at = part.next;
      }
      file = { name: m.name || '', format: xlsx ? 'XLSX' : 'CSV', encoding: xlsx ? 'XLSX' : r.encoding,
               headers: headers, records: records, rowNumbers: rowNumbers, engineHeader: headerRecord, columns: [] };
      return columns(est, m.program, null);
    });
  });
}

// What the engine makes of the header (after the page's mapping, if any).
function columns(est, program, mapping) {
  var header = mapping ? F.csvLine(F.mappedHeader(file.headers, mapping), true) : F.csvLine(file.headers, true);
  return est.csvColumns(header, { program: program }).then(function (r) {
    if (!r.ok) throw fail(r.error.code, r.error.message);
    file.engineHeader = header;
    file.columns = r.columns;
    file.mapping = mapping || null;
    return { name: file.name, format: file.format, encoding: file.encoding, headers: file.headers, rows: file.records.length,
             columns: r.columns, needsMapping: F.needsMapping(r.columns) };
  });
}

// ---- screening ----

function chunkText(from, to) {
  return file.engineHeader + '\n' + file.records.slice(from, to).join('\n');
}

function defaultsOf(m) {
  var d = m.defaults || {};
  return { region: d.region || '', date: d.date || '', program: d.program || '', policy: d.policy || '', today: F.today() };
}

function screen(est, m) {
  if (!file) throw fail('no_file', '请先选择文件。');
  cancelled = false;
  view = null;
  if (m.chunk >= 100 && m.chunk <= 100000) CHUNK = Math.round(m.chunk);
  var total = file.records.length;
  var b = { defaults: defaultsOf(m), state: new Int8Array(total), amount: new Float64Array(total), failed: new Array(total),
            missing: new Array(total), error: new Array(total), summary: F.newSummary(), done: 0 };
  var STATES = { yes: 0, no: 1, unknown: 2, error: 3 };
  function step(from) {
    if (cancelled) return Promise.resolve({ cancelled: true, done: from, total: total });
    if (from >= total) {
      batch = b;
      return labels(est, b).then(function (lab) {
        b.labels = lab;
        return { cancelled: false, done: total, total: total, summary: b.summary, labels: lab };
      });
    }
    var to = Math.min(total, from + CHUNK);
    return est.screenCsv(chunkText(from, to), b.defaults).then(function (out) {
      var lines = out.split('\n');
      if (lines.length - 1 !== to - from) {
        throw fail('engine_failure', '计算引擎对第 ' + from + '–' + to + ' 条记录的回答条数不对（' + (lines.length - 1) + '）。');
      }
      for (var i = from; i < to; i++) {
        var row = F.screenRow(lines[i - from]);
        b.state[i] = STATES[row.state];
        b.amount[i] = row.amountFen === null ? NaN : row.amountFen;
        if (row.failed.length) b.failed[i] = row.failed;
        if (row.missing.length) b.missing[i] = row.missing;
        if (row.error) b.error[i] = row.error;
        F.addToSummary(b.summary, row);
      }
      b.done = to;
      postMessage({ progress: { done: to, total: total } });
      // A task boundary: a cancel message waiting in the queue runs now.
      return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () { return step(to); });
    });
  }
  return step(0);
}

// A label for each failed condition: the clause it comes from (citation and
// quote of the policy's text), read off the full answer of the first row
// that failed it.
function labels(est, b) {
  var first = {};
  for (var i = 0; i < b.failed.length; i++) {
    var f = b.failed[i];
    if (!f) continue;
    for (var k = 0; k < f.length; k++) if (!(f[k] in first)) first[f[k]] = i;
  }
  var ids = Object.keys(first);
  return Promise.all(ids.map(function (id) {
    return explainText(est, first[id], b.defaults).then(function (text) {
      var res = JSON.parse(text);
      var c = (res.conditions || []).find(function (x) { return x.id === id; }) || {};
      var cite = c.cite || {};
      return { id: id, quote: cite.quote || '', where: [cite.doc_no, cite.clause].filter(Boolean).join(' '), example: c.text || '' };
    });
  })).then(function (list) {
    var out = {};
    list.forEach(function (l) { out[l.id] = l; });
    return out;
  });
}

function explainText(est, index, defaults) {
  var d = defaults || batch.defaults;
  return est.screenCsv(file.engineHeader + '\n' + file.records[index], {
    region: d.region, date: d.date, program: d.program, policy: d.policy, today: d.today, output: 'full',
  }).then(function (t) { return t.replace(/\n$/, ''); });
}

// ---- the table ----

var STATE_NAMES = ['yes', 'no', 'unknown', 'error'];

function firstPassthrough() {
  for (var i = 0; i < file.columns.length; i++) if (file.columns[i].role === 'passthrough' && file.headers[i]) return i;
  return -1;
}

// The record indices a query shows, in its order (kept while the query stays the same).
function indices(q) {
  var key = JSON.stringify([q.state, q.reason, q.search, q.sort, q.dir]);
  if (view && view.key === key) return view.list;
  var list = [];
  var search = (q.search || '').trim();
  var want = STATE_NAMES.indexOf(q.state);
  for (var i = 0; i < file.records.length; i++) {
    if (want >= 0 && batch.state[i] !== want) continue;
    if (q.reason && !(batch.failed[i] && batch.failed[i].indexOf(q.reason) >= 0)) continue;
    if (search && file.records[i].indexOf(search) < 0) continue;
    list.push(i);
  }
  var dir = q.dir === 'desc' ? -1 : 1;
  if (q.sort === 'amount') {
    list.sort(function (a, b) {
      var x = batch.amount[a], y = batch.amount[b];
      if (isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;   // no amount last, either way
      return (x === y || (isNaN(x) && isNaN(y)) ? a - b : (x - y) * dir);
    });
  } else if (q.sort === 'state') {
    list.sort(function (a, b) { return (batch.state[a] - batch.state[b]) * dir || a - b; });
  } else if (dir < 0) {
    list.reverse();
  }
  view = { key: key, list: list };
  return list;
}

function page(est, q) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  var list = indices(q);
  var offset = Math.max(0, Math.min(q.offset || 0, Math.max(0, list.length - 1)));
  var shown = list.slice(offset, offset + (q.limit || 50));
  var nameAt = firstPassthrough();
  var rows = shown.map(function (i) {
    var cells = F.splitCells(file.records[i]);
    var e = batch.error[i];
    var col = e ? F.errorColumn(e, file.columns) : -1;
    return {
      index: i, row: file.rowNumbers[i], name: nameAt >= 0 ? (cells[nameAt] || '') : '',
      state: STATE_NAMES[batch.state[i]], amountFen: isNaN(batch.amount[i]) ? null : batch.amount[i],
      failed: batch.failed[i] || [], error: e ? { code: e.code, message: e.message, column: col >= 0 ? file.headers[col] : '' } : null,
      reasons: [],
    };
  });
  var good = rows.filter(function (r) { return !r.error && (r.state === 'no' || r.state === 'unknown'); });
  var done = Promise.resolve();
  if (good.length) {
    // The reasons' sentences, for the rows on screen only.
    var d = batch.defaults;
    done = est.screenCsv(file.engineHeader + '\n' + good.map(function (r) { return file.records[r.index]; }).join('\n'), {
      region: d.region, date: d.date, program: d.program, policy: d.policy, today: d.today, output: 'reasons',
    }).then(function (out) {
      var lines = out.split('\n');
      good.forEach(function (r, k) { r.reasons = F.screenRow(lines[k]).reasons; });
    });
  }
  return done.then(function () {
    return { total: list.length, offset: offset, rows: rows, nameHeader: nameAt >= 0 ? file.headers[nameAt] : '' };
  });
}

// ---- export ----

// The engine's table (estimate --csv): the row's own cells, then 是否符合,
// 金额/分, 金额/元, 原因; the header as the file had it.
function tableText(est) {
  var d = batch.defaults;
  var parts = [];
  var resultHeader = null;
  function step(from) {
    if (from >= file.records.length) return Promise.resolve();
    var to = Math.min(file.records.length, from + CHUNK);
    return est.screenCsv(chunkText(from, to), {
      region: d.region, date: d.date, program: d.program, policy: d.policy, today: d.today, output: 'table',
    }).then(function (out) {
      var nl = out.indexOf('\n');
      if (!resultHeader) resultHeader = F.splitCells(out.slice(0, nl)).slice(-4);
      parts.push(out.slice(nl + 1));
      return step(to);
    });
  }
  return step(0).then(function () {
    if (!resultHeader) {
      return est.screenCsv(file.engineHeader + '\n', { program: d.program, output: 'table' }).then(function (out) {
        resultHeader = F.splitCells(out.replace(/\n$/, '')).slice(-4);
        return F.csvLine(file.headers.concat(resultHeader)) + '\n';
      });
    }
    return F.csvLine(file.headers.concat(resultHeader)) + '\n' + parts.join('');
  });
}

var XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsxOf(sheets) {
  importScripts('vendor/xlsx-write.js');   // only when an XLSX is written
  return UieXlsxWrite.writeWorkbook(sheets).toBlob();
}

function exportResults(est, m) {
  if (!batch) throw fail('no_batch', '还没有筛查结果。');
  return tableText(est).then(function (csv) {
    if (m.format !== 'xlsx') return new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' });
    // Every cell as text, as the CSV has it (formulas already neutralised).
    var data = F.splitRecords(csv, 0).records.map(function (r) {
      return F.splitCells(r).map(function (c) { return { value: c, type: String }; });
    });
    return xlsxOf([{ data: data, sheet: '筛查结果', stickyRowsCount: 1 }]);
  });
}

function template(est, m) {
  var t = F.templateRows(m.questions, 'zh');
  if (m.format !== 'xlsx') return new Blob(['\uFEFF' + t.rows.map(function (r) { return F.csvLine(r); }).join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  var cells = function (rows) { return rows.map(function (r) { return r.map(function (c) { return { value: F.neutralise(c), type: String }; }); }); };
  return xlsxOf([
    { data: cells(t.rows), sheet: '单位', stickyRowsCount: 1, columns: t.rows[0].map(function (h) { return { width: Math.max(12, Math.min(40, h.length * 2)) }; }) },
    { data: cells(t.notes), sheet: '填写说明', columns: [{ width: 44 }, { width: 44 }, { width: 60 }, { width: 24 }] },
  ]);
}

var OPS = {
  init: function (est) { return est.catalog(); },
  questions: function (est, m) { return est.questions(m.request); },
  load: load,
  remap: function (est, m) { return columns(est, m.program, m.mapping); },
  screen: screen,
  page: function (est, m) { return page(est, m.query || {}); },
  explain: function (est, m) { return explainText(est, m.index).then(JSON.parse); },
  export: exportResults,
  template: template,
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
          function (e) { postMessage({ id: m.id, error: { code: (e && e.code) || 'failed', message: String((e && e.message) || e) } }); });
};
