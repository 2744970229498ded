/*
 * The shared layer's screening columns (issue 10), for the screening page
 * (web/screen.html) and its Worker: the template's columns, spreadsheet
 * values as the engine reads them, the engine's screening rows as table
 * rows, and the summary. CSV is read and written by the engine alone (its
 * batch session, Estimator#csvRows and #csvText). A separate file so that the single-estimate page
 * and the mini-program, which load uie-front.js, do not download it; it adds
 * its functions to that layer (UieFront) and keeps its rules: no DOM, no
 * Node APIs, no module syntax, no eval, ES2017.
 *
 * Loads after uie-front.js: <script> / importScripts() (extends the global
 * UieFront), or require() in Node (returns the extended layer).
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-front.js'));
  else root.UieFront = define(root.UieFront);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (F) {
  'use strict';

  const { WORDS, words, optionsOf, optionLabel, exampleInteger, numberText, factOfPath, moneyText } = F;

  // The engine reads the cells itself (是/否, "56,789.12", option labels,
  // 2024/06/01), recognises the headers (Engine::csv_columns) and writes the
  // table with its words (rules/messages.json: the catalog's table_words), so
  // what the page screens and exports is exactly what `estimate --csv` does.

  const SCREEN_WORDS = {
    zh: {
      unitName: '单位名称', creditCode: '统一社会信用代码', remark: '备注',
      exampleName: '示例单位（筛查前请删除本行）', exampleCode: '91140000MA0XXXXXXX', exampleRemark: '',
      required: '必填', optional: '可不填（不填按政策的默认处理）', passthrough: '原样保留，不参与计算',
      notesHeader: ['列名', '填写内容', '可填的值', '是否必填'],
      allowed: {
        bool: '是 / 否（也可填 TRUE / FALSE、1 / 0）', count: '0 或更大的整数', integer: '整数',
        money: '金额（元），最多两位小数，可带千分位，例如 56,789.12', date: '日期，例如 2024-07-01 或 2024/7/1',
        month: '年月，例如 2024-07', string: '文字', level_list: '等级数字，多个用顿号隔开，例如 3、4',
      },
      upTo: (max) => `，不超过 ${max}`,
      ignore: '不使用（原样保留）', region: '地区代码 (region)', date: '日期 (date)', program: '项目 (program)', policy: '政策 (policy)',
    },
    en: {
      unitName: 'Unit name', creditCode: 'Unified social credit code', remark: 'Remark',
      exampleName: 'Example unit (delete this row before screening)', exampleCode: '91140000MA0XXXXXXX', exampleRemark: '',
      required: 'required', optional: 'optional (left empty: the policy’s default)', passthrough: 'kept as it is, not used',
      notesHeader: ['Column', 'What to enter', 'Allowed values', 'Required'],
      allowed: {
        bool: 'yes / no (also TRUE / FALSE, 1 / 0)', count: 'a whole number, 0 or more', integer: 'a whole number',
        money: 'an amount in yuan, at most two decimals, e.g. 56,789.12', date: 'a date, e.g. 2024-07-01',
        month: 'a month, e.g. 2024-07', string: 'text', level_list: 'level numbers, e.g. 3;4',
      },
      upTo: (max) => `, at most ${max}`,
      ignore: 'Not used (kept as it is)', region: 'Region code (region)', date: 'Date (date)', program: 'Program (program)', policy: 'Policy (policy)',
    },
  };

  function screenWords(lang) {
    return SCREEN_WORDS[lang === 'en' ? 'en' : 'zh'];
  }

  function exampleValue(q, questions) {
    const options = optionsOf(q, questions, 'zh');
    if (q.type === 'bool') return WORDS.zh.no;
    if (q.type === 'level_list') return '';
    if (options.length) return optionLabel(options[0], 'zh');
    if (q.type === 'money') return '56789.12';
    if (q.type === 'date') return '2024-07-01';
    if (q.type === 'count' || q.type === 'integer') return String(exampleInteger(q));
    return '';
  }

  function allowedText(q, questions, lang) {
    const sw = screenWords(lang);
    const options = optionsOf(q, questions, lang);
    if (q.type !== 'bool' && options.length) {
      const labels = options.map((o) => optionLabel(o, lang)).join(words(lang).list);
      return q.type === 'level_list' ? `${labels}（${sw.allowed.level_list}）` : labels;
    }
    let t = sw.allowed[q.type] || sw.allowed.string;
    if ((q.type === 'count' || q.type === 'integer') && typeof q.max === 'number') t += sw.upTo(numberText(q.max));
    return t;
  }

  /**
   * The template's columns for a program's questions (the engine's, in asking
   * order): { fact, header ("上年末单位参保人数 (insured_headcount)", which the
   * engine reads back as that fact), label, required, allowed, help, example
   * (the required facts only) }.
   */
  function screeningColumns(questions, lang) {
    const qs = questions || [];
    return qs.map((q) => {
      const label = lang === 'en' ? q.label_en || q.label : q.label;
      return {
        fact: q.fact, header: `${label} (${q.fact})`, label, required: q.required === true,
        allowed: allowedText(q, qs, lang), help: (lang === 'en' ? q.help_en || q.help : q.help) || '',
        // Only the required facts: an optional one left empty takes the policy's default, and
        // example values for every optional fact could contradict each other.
        example: q.required ? exampleValue(q, qs) : '',
      };
    });
  }

  /**
   * The template as rows: `rows` (the header, then one example row) with the
   * columns an office keeps beside the facts (单位名称, 统一社会信用代码 first,
   * 备注 last: passed through untouched), and `notes` (one row per column:
   * name, what to enter, allowed values, required) for a second sheet.
   */
  function templateRows(questions, lang) {
    const sw = screenWords(lang);
    const cols = screeningColumns(questions, lang);
    const header = [sw.unitName, sw.creditCode].concat(cols.map((c) => c.header), [sw.remark]);
    const example = [sw.exampleName, sw.exampleCode].concat(cols.map((c) => c.example), [sw.exampleRemark]);
    const notes = [sw.notesHeader,
      [sw.unitName, sw.passthrough, '', ''], [sw.creditCode, sw.passthrough, '', '']]
      .concat(cols.map((c) => [c.header, c.help || c.label, c.allowed, c.required ? sw.required : sw.optional]))
      .concat([[sw.remark, sw.passthrough, '', '']]);
    return { rows: [header, example], notes };
  }

  /**
   * A spreadsheet cell's value (the XLSX reader's: string, number, boolean,
   * Date, null) as the text the engine reads: a date as YYYY-MM-DD, a boolean
   * as 是/否, a number without exponent or float noise. An integer below 1e21
   * prints without exponent as it is (String, not toLocaleString: that builds
   * a number format on every call, about 50 µs, for each number of a sheet).
   */
  function cellText(v) {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
    if (typeof v === 'boolean') return v ? WORDS.zh.yes : WORDS.zh.no;
    if (typeof v === 'number') {
      if (!isFinite(v)) return String(v);
      if (Number.isInteger(v) && Math.abs(v) < 1e21) return Object.is(v, -0) ? '-0' : String(v);
      return String(Number(v.toPrecision(15)));
    }
    return String(v);
  }

  /** The header the engine gets after the mapping step: a fact id, region/date/program/policy, or empty (passed through). */
  function mappedHeader(headers, mapping) {
    return headers.map((h, i) => (mapping && Object.prototype.hasOwnProperty.call(mapping, i) ? mapping[i] : h));
  }

  /** The choices of the mapping step's picker for one column: not used, the batch's own columns, every fact. */
  function mappingChoices(questions, lang) {
    const sw = screenWords(lang);
    return [{ value: '', label: sw.ignore }].concat(
      ['region', 'date', 'program', 'policy'].map((r) => ({ value: r, label: sw[r] })),
      (questions || []).map((q) => ({ value: q.fact, label: `${lang === 'en' ? q.label_en || q.label : q.label} (${q.fact})` })));
  }

  /**
   * Whether the file's columns need the mapping step: a misspelt or repeated
   * header (the engine would refuse the batch), or no column naming a fact.
   */
  function needsMapping(columns) {
    const cols = columns || [];
    return cols.some((c) => c.role === 'misspelt' || c.role === 'duplicate') || !cols.some((c) => c.role === 'fact');
  }

  /** The column (index) an error of a row points at: /facts/x → x's column, /region → the region column; -1 if none. */
  function errorColumn(error, columns) {
    const path = (error && error.path) || '';
    const fact = factOfPath(path);
    const role = /^\/(region|date|program|policy)$/.exec(path);
    const cols = columns || [];
    for (let i = 0; i < cols.length; i++) {
      if (fact && cols[i].role === 'fact' && cols[i].fact === fact) return i;
      if (role && cols[i].role === role[1]) return i;
    }
    return -1;
  }

  /**
   * One answer of the screening path (a compact line, as text or parsed) as a
   * table row: { state: 'yes'|'no'|'unknown'|'error', amountFen, candidates
   * ({large, sme} fen: the amount is one of them), failed, missing, reasons,
   * error, row, kept, at } (the last three from the page's rows: the row of
   * the file, the cells passed through, where a CSV record starts).
   */
  function screenRow(line) {
    const r = typeof line === 'string' ? JSON.parse(line) : line;
    const where = { row: r.row === undefined ? null : r.row, kept: r.kept || [], at: r.at === undefined ? null : r.at };
    if (r && r.ok === false) {
      return { state: 'error', amountFen: null, candidates: null, failed: [], missing: [], reasons: [], error: r.error || {}, ...where };
    }
    return {
      state: r.eligible === true ? 'yes' : r.eligible === false ? 'no' : 'unknown',
      amountFen: Number.isSafeInteger(r.amount_fen) ? r.amount_fen : null,
      candidates: r.candidates && Number.isSafeInteger(r.candidates.large) && Number.isSafeInteger(r.candidates.sme) ? r.candidates : null,
      failed: r.failed || [], missing: r.missing || [], reasons: r.reasons || [], error: null, ...where,
    };
  }

  /** The word of a row's state, as the engine's table writes it (the catalog's table_words: 是 / 否 / 待定 / 出错). */
  function stateText(state, lang, catalog) {
    const words = catalog && (lang === 'en' ? catalog.table_words_en : catalog.table_words);
    return (words && words[state]) || '';
  }

  function newSummary() {
    return { total: 0, yes: 0, no: 0, unknown: 0, error: 0, amountFen: 0, open: 0, openLowFen: 0, openHighFen: 0, failed: {}, missing: {} };
  }

  /**
   * Counts one row into the summary: its state, its amount (eligible rows;
   * one whose amount is one of two candidates counts as open, with the range
   * of such amounts), each failed condition, each missing fact.
   */
  function addToSummary(sum, row) {
    sum.total += 1;
    sum[row.state] += 1;
    if (row.state === 'yes' && row.amountFen !== null) sum.amountFen += row.amountFen;
    if (row.state === 'yes' && row.amountFen === null && row.candidates) {
      sum.open += 1;
      sum.openLowFen += Math.min(row.candidates.large, row.candidates.sme);
      sum.openHighFen += Math.max(row.candidates.large, row.candidates.sme);
    }
    if (row.state === 'no') for (const id of row.failed) sum.failed[id] = (sum.failed[id] || 0) + 1;
    if (row.state === 'unknown') for (const f of row.missing) sum.missing[f] = (sum.missing[f] || 0) + 1;
    return sum;
  }

  /**
   * What the summary shows: the counts, the total amount (moneyText), the
   * eligible units whose amount is open (two candidates: their count and the
   * range of their sum), and the reasons for "not eligible" as bars, most
   * frequent first: { id, label (the condition's own name from the
   * questions' `conditions`, else the id), count, share of the not-eligible
   * rows }; likewise the facts most often missing (labelled from `questions`).
   */
  function summaryView(sum, opts) {
    const o = opts || {};
    const en = o.lang === 'en';
    const bars = (counts, of, label) => Object.keys(counts)
      .map((id) => ({ id, label: label(id), count: counts[id], share: of ? counts[id] / of : 0 }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    const q = (f) => (o.questions || []).find((x) => x.fact === f);
    return {
      total: sum.total, yes: sum.yes, no: sum.no, unknown: sum.unknown, error: sum.error,
      amount: moneyText(sum.amountFen, o.lang),
      open: sum.open, openLow: moneyText(sum.openLowFen, o.lang), openHigh: moneyText(sum.openHighFen, o.lang),
      reasons: bars(sum.failed, sum.no, (id) => conditionLabel(id, o.conditions, o.lang)),
      missing: bars(sum.missing, sum.unknown, (f) => (q(f) ? (en ? q(f).label_en || q(f).label : q(f).label) : f)),
    };
  }

  /** A condition's name (the questions' `conditions`), for bars and filters; the id where none is known. */
  function conditionLabel(id, conditions, lang) {
    const c = (conditions || []).find((x) => x.id === id);
    if (!c) return id;
    return (lang === 'en' && c.label_en) || c.label || id;
  }

  return Object.assign(F, {
    SCREEN_WORDS, screeningColumns, templateRows, cellText, mappedHeader, mappingChoices, needsMapping, errorColumn,
    screenRow, stateText, newSummary, addToSummary, summaryView, conditionLabel,
  });
});
