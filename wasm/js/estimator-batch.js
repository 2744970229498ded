/*
 * The estimator's batch methods, for the hosts that screen many units (the
 * screening page's Worker, Node): added to the Estimator of estimator-api.js,
 * so the single-estimate page and the mini-program, which answer one person
 * at a time, do not download them. Every batch goes through the engine's
 * session (uie::Session): JSONL or CSV in one call or in pieces, a
 * spreadsheet's rows as cells, the CSV table written in the same pass; CSV is
 * read and written by the engine's own grammar (csvRows, csvText).
 *
 * Loads after estimator-api.js: <script> / importScripts() (extends the
 * global UieEstimator), or require() in Node (returns the extended API).
 * Types: estimator-api.d.ts.
 */
(function (root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./estimator-api.js'));
  else root.UieEstimator = define(root.UieEstimator);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (api) {
  'use strict';

  var EstimatorError = api.EstimatorError;
  var todayOf = api._helpers.todayOf;
  var langOf = api._helpers.langOf;

  // Rows of cells as the session takes them: U+0001 between rows, U+0000
  // between cells. Neither can stand in a spreadsheet cell's text (XML 1.0
  // forbids them; SpreadsheetML's _x0001_ escape could bring one back), so
  // they are dropped from the cells.
  var SEPARATORS = /[\u0000\u0001]/g;
  function rowsText(rows) {
    var out = new Array(rows.length);
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r] || [];
      var cells = new Array(row.length);
      for (var c = 0; c < row.length; c++) {
        var v = row[c];
        var t = v === null || v === undefined ? '' : String(v);
        cells[c] = t.indexOf('\u0000') >= 0 || t.indexOf('\u0001') >= 0 ? t.replace(SEPARATORS, '') : t;
      }
      out[r] = cells.join('\u0000');
    }
    return out.join('\u0001');
  }

  /**
   * One batch fed in pieces (Estimator#openSession): the core's uie::Session
   * in the module. Its calls are synchronous — the session lives in one
   * instance — and throw EstimatorError('engine_failure') if that instance
   * trapped (the estimator has then started a fresh one; open a new session).
   */
  class BatchSession {
    constructor(estimator, mod, handle) {
      this._estimator = estimator;
      this._module = mod;
      this._handle = handle;
    }

    _call(name, args) {
      if (!this._handle) throw new EstimatorError('session_closed', '这批数据的处理已经结束（会话已关闭）。');
      if (this._estimator._module !== this._module) {
        this._handle = 0;
        throw new EstimatorError('engine_failure', '计算引擎出错，已自动重新启动，请重新开始这批数据。');
      }
      return this._estimator._invoke(this._module, name, [this._handle].concat(args));
    }

    /** More of the batch (text or bytes) → the answers of its whole items, one per line. */
    feed(input) { return this._call('sessionFeed', [batchInput(input), false]); }
    /** More rows of a table, each an array of cell texts (the first row fed is the header). */
    feedRows(rows) { return this._call('sessionFeed', [rowsText(rows), true]); }
    /** The end of the batch → the answer of a last item without a line break. */
    finish() { return this._call('sessionFinish', []); }
    /** The CSV table rows (estimate --csv) written since the last call, with options.table. */
    takeTable() { return this._call('sessionTable', []); }
    /** The same as UTF-8 bytes, not decoded (what a CSV export keeps: a Blob takes them as they are). */
    takeTableBytes() { return this._call('sessionTableBytes', []); }
    /** '' while the batch goes on; why it stopped once a table's header was refused. */
    get error() { return this._call('sessionError', []); }
    /** Items answered so far (blank rows are no items). */
    get items() { return this._call('sessionItems', []); }
    /**
     * What the items so far came to, counted by the engine from its typed
     * answers (uie::BatchTally): {items, yes, no, undecided, errors,
     * amount_fen, open, open_low_fen, open_high_fen, by_size: {none, large,
     * sme: {yes, amount_fen}}} — the figures estimate --summary-json prints.
     */
    get tally() { return JSON.parse(this._call('sessionTally', [])); }
    /**
     * With options.outcomes: each item answered since the last call, in
     * brief, as a Float64Array of six numbers an item — row, state (1 yes, 0
     * no, -1 undecided, 2 error), amount in fen, an open amount's low and
     * high candidates (-1 none), size (0 none, 1 large, 2 SME).
     */
    takeOutcomes() { return this._call('sessionOutcomes', []); }
    /** Frees the session's memory in the module. */
    close() {
      if (this._handle && this._estimator._module === this._module) this._module.sessionClose(this._handle);
      this._handle = 0;
    }
  }

  // A batch as the module takes it: text or bytes.
  function batchInput(input) {
    if (typeof input === 'string' || input instanceof Uint8Array) return input;
    if (typeof ArrayBuffer !== 'undefined' && input instanceof ArrayBuffer) return new Uint8Array(input);
    throw new TypeError('screen: the batch must be text or bytes (a string, Uint8Array or ArrayBuffer)');
  }

  // What a CSV batch answers each row with (Estimator#screenCsv; 'none': a
  // session answers with its tally and outcomes only).
  var OUTPUTS = ['lines', 'reasons', 'table', 'full', 'none'];

  /**
   * A reform (测算方案) loaded into the module (Estimator#reform): an engine
   * of its own over a copy of the rules, which sessions and parameters()
   * name with options.reform. The rules in force are never changed.
   */
  class Reform {
    constructor(estimator, mod, handle) {
      this._estimator = estimator;
      this._module = mod;
      this._handle = handle;
    }
    /** Frees its copy of the rules (close its sessions first). */
    drop() {
      if (this._handle && this._estimator._module === this._module) this._module.reformDrop(this._handle);
      this._handle = 0;
    }
  }

  // The engine number options.reform names in `mod`, 0 for none.
  function engineOf(options, mod) {
    var r = options && options.reform;
    if (!r) return 0;
    if (!(r instanceof Reform) || !r._handle || r._module !== mod) {
      throw new EstimatorError('reform_gone', '测算方案已失效（计算引擎重新启动过），请重新载入方案。');
    }
    return r._handle;
  }

  Object.assign(api.Estimator.prototype, {
    /**
     * Screening a batch in one call: JSONL text or bytes (one request per line)
     * → one compact line per line, {"eligible","amount_fen","failed","missing"}
     * or the usual error object, joined with "\n".
     */
    screen(input, options) {
      return this._call('screen', [batchInput(input), todayOf(options)]);
    },

    /**
     * Screening a CSV batch: a header row naming facts (region, date,
     * program, policy columns override options.region/date/program/policy),
     * one unit per row → one answer per row (blank rows answer nothing):
     * options.output 'lines' (default) the compact line; 'reasons' the same
     * with the reasons' sentences; 'table' the CSV table of `estimate --csv`;
     * 'full' the full answer (contract §2) per row.
     */
    screenCsv(input, options) {
      var o = options || {};
      var defaults = { region: o.region || '', date: o.date || '', program: o.program || '', policy: o.policy || '' };
      var output = OUTPUTS.indexOf(o.output) >= 0 ? o.output : 'lines';
      return this._call('screenCsv', [batchInput(input), defaults, todayOf(options), output, langOf(options)]);
    },

    /**
     * What each column of a CSV header row holds (the first record of
     * `input`) for options.program (or every program): JSON text
     * {"ok":true,"columns":[{index, header, role, fact?, label?, message?}]},
     * role one of fact, region, date, program, policy, passthrough, misspelt, duplicate.
     */
    csvColumnsText(input, options) {
      var o = options || {};
      // A header row given as cells (a spreadsheet's first row, a mapping).
      if (Array.isArray(input)) return this._call('csvColumns', [rowsText([input]), o.program || '', langOf(options), true]);
      return this._call('csvColumns', [batchInput(input), o.program || '', langOf(options), false]);
    },

    csvColumns(input, options) { return this.csvColumnsText(input, options).then(JSON.parse); },

    /**
     * CSV text or bytes → its records as arrays of cells, read by the
     * sessions' own grammar (the screening page turns its table into a
     * spreadsheet with it).
     */
    /** Rows of cell texts → CSV text, written as the screening table writes its cells (CRLF line ends). */
    csvText(rows) { return this._call('csvText', [rowsText(rows)]); },

    csvRows(input) {
      return this._call('csvCells', [batchInput(input)]).then(function (text) {
        if (!text) return [];
        return text.split('\u0001').map(function (row) { return row.split('\u0000'); });
      });
    },

    /**
     * A batch to feed in pieces — a File's slices, a spreadsheet's rows —
     * answered as it arrives, memory bounded by the longest item:
     * options.input 'csv' (default) or 'jsonl'; options.output as
     * screenCsv's; options.region/date/program/policy the defaults of a
     * table's rows; options.table: also write the CSV table of estimate
     * --csv, in the same pass (BatchSession#takeTable); options.columns: the
     * header row's columns named by a mapping (a fact id, region, date,
     * program, policy or '' passed through), its own cells shown in the table.
     */
    openSession(options) {
      var o = options || {};
      var self = this;
      var defaults = { region: o.region || '', date: o.date || '', program: o.program || '', policy: o.policy || '' };
      var output = OUTPUTS.indexOf(o.output) >= 0 ? o.output : 'lines';
      var input = o.input === 'jsonl' ? 'jsonl' : 'csv';
      return this._instance().then(function (mod) {
        var engine = engineOf(o, mod);
        var handle = self._invoke(mod, 'sessionOpen', [input, output, defaults, todayOf(o), langOf(o), !!o.table, engine, !!o.outcomes]);
        if (!handle && engine) throw new EstimatorError('reform_gone', '测算方案已失效（已释放），请重新载入方案。');
        if (!handle) throw new EstimatorError('rules_invalid', '内置规则包有误，无法计算');
        if (Array.isArray(o.columns)) self._invoke(mod, 'sessionNameColumns', [handle, rowsText([o.columns])]);
        return new BatchSession(self, mod, handle);
      });
    },
  });

  Object.assign(api.Estimator.prototype, {
    /**
     * Loads a reform (its JSON text; rules/README.md "Reforms") → a Reform
     * for options.reform; a bad one rejects with EstimatorError
     * 'invalid_reform' whose `issues` are [{pointer, code, message,
     * message_en}], the first one's message (Chinese) its own.
     */
    reform(text) {
      var self = this;
      return this._instance().then(function (mod) {
        var handle = self._invoke(mod, 'reformLoad', [String(text)]);
        if (!handle) {
          var issues = JSON.parse(self._invoke(mod, 'reformIssues', []));
          var first = issues[0] || { message: '测算方案有误', pointer: '' };
          var err = new EstimatorError('invalid_reform', first.message + (first.pointer ? '（位置 ' + first.pointer + '）' : ''));
          err.issues = issues;
          throw err;
        }
        return new Reform(self, mod, handle);
      });
    },

    /**
     * The parameters of the policy a request (program, region, date, policy)
     * would be evaluated under, with their cited values — under options.reform
     * when given: {ok, program, as_of, policy, params: [{id, type, cap,
     * editable, value, from, set_by, cite, when: [{fact, equals, value,
     * where_adopted, cite}]}]}, or the usual error object.
     */
    parameters(request, options) {
      var self = this;
      var text = typeof request === 'string' ? request : JSON.stringify(request);
      return this._instance().then(function (mod) {
        return JSON.parse(self._invoke(mod, 'parameters', [text, todayOf(options), langOf(options), engineOf(options, mod)]));
      });
    },

    /**
     * The same facts under every policy of the request's program the region
     * has had, and the variants the current one allows (docs/contract-notes.md
     * "compare"): {ok, program, region, date, current, columns: [{policy,
     * as_of, variant, answer}]}, each answer the estimate's response for that
     * policy and date; or the usual error object. Many answers in one call,
     * so here and not in the single page's module.
     */
    compare(request, options) {
      var self = this;
      var text = typeof request === 'string' ? request : JSON.stringify(request);
      return this._instance().then(function (mod) {
        return JSON.parse(self._invoke(mod, 'compare', [text, todayOf(options), langOf(options)]));
      });
    },
  });

  api.BatchSession = BatchSession;
  api.Reform = Reform;
  return api;
});
