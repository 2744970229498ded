/*
 * The shared layer's screening columns (issue 10), for the screening page
 * (web/screen.html) and its Worker: the template's columns, CSV records and
 * cells as the engine reads them, the engine's screening lines as table
 * rows, and the summary. A separate file so that the single-estimate page
 * and the mini-program, which load uie-front.js, do not download it; it adds
 * its functions to that layer (UieFront) and keeps its rules: no DOM, no
 * Node APIs, no module syntax, no eval, ES2017.
 *
 * Loads after uie-front.js: <script> / importScripts() (extends the global
 * UieFront), or require() in Node (returns the extended layer).
 */
(function (root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-front.js'));
  else root.UieFront = define(root.UieFront);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (F) {
  'use strict';

  const { WORDS, words, optionsOf, optionLabel, exampleInteger, numberText, factOfPath, moneyText } = F;

  // For the screening page (批量筛查, web/screen.html) and its Worker: the
  // template's columns, CSV records and cells as the engine reads them, the
  // engine's screening lines as table rows, and the summary. The engine reads
  // the cells itself (Engine::screen_csv: 是/否, "56,789.12", option labels,
  // 2024/06/01) and recognises the headers (Engine::csv_columns), so what the
  // page screens is exactly what `estimate --csv` screens.

  const SCREEN_WORDS = {
    zh: {
      state: { yes: '是', no: '否', unknown: '待定', error: '出错' },
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
      state: { yes: 'yes', no: 'no', unknown: 'undecided', error: 'error' },
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

  /** A cell as the engine reads it: quoted when it holds a comma, a quote or a line break. */
  function csvRaw(text) {
    const t = String(text === undefined || text === null ? '' : text);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  }

  /** A cell that starts with = + - @ (or a tab or CR) gets a leading ', so no spreadsheet runs it as a formula. */
  function neutralise(text) {
    const t = String(text === undefined || text === null ? '' : text);
    return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
  }

  /** A cell for an exported CSV: neutralised, then quoted (exactly as estimate --csv writes its cells). */
  function csvCell(text) {
    const t = String(text === undefined || text === null ? '' : text);
    const formula = /^[=+\-@\t\r]/.test(t);
    return formula || /[",\r\n]/.test(t) ? `"${formula ? "'" : ''}${t.replace(/"/g, '""')}"` : t;
  }

  function csvLine(cells, raw) {
    return cells.map(raw ? csvRaw : csvCell).join(',');
  }

  /**
   * The records of CSV text from `from`: whole lines outside quotes, a CR
   * before the line break dropped, at most `limit` records. Returns
   * { records, next } (next: where the rest starts; text.length at the end).
   * A quote that is never closed takes the rest of the text, as the engine's
   * reader does.
   */
  function splitRecords(text, from, limit) {
    const records = [];
    let i = from || 0;
    const max = limit || Infinity;
    while (i < text.length && records.length < max) {
      let j = i;
      let quoted = false;
      for (;;) {
        const nl = text.indexOf('\n', j);
        const end = nl < 0 ? text.length : nl;
        let q = text.indexOf('"', j);
        while (q >= 0 && q < end) {
          quoted = !quoted;
          q = text.indexOf('"', q + 1);
        }
        if (!quoted || nl < 0) {
          let rec = text.slice(i, end);
          if (rec.endsWith('\r')) rec = rec.slice(0, -1);
          records.push(rec);
          i = nl < 0 ? text.length : nl + 1;
          break;
        }
        j = nl + 1;
      }
    }
    return { records, next: i };
  }

  /** The cells of one record (RFC 4180: "" inside quotes; a stray quote in an unquoted cell is kept). */
  function splitCells(record) {
    if (record.indexOf('"') < 0) return record.split(',');
    const cells = [];
    let cell = '';
    let quoted = false;
    let wasQuoted = false;
    for (let k = 0; k < record.length; k++) {
      const c = record[k];
      if (quoted) {
        if (c === '"' && record[k + 1] === '"') { cell += '"'; k++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"' && cell === '' && !wasQuoted) {
        quoted = wasQuoted = true;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        wasQuoted = false;
      } else {
        cell += c;
      }
    }
    cells.push(cell);
    return cells;
  }

  /** A record with nothing but empty cells, which the engine answers with nothing. */
  function isBlankRecord(record) {
    if (!/^[\s,"]*$/.test(record)) return false;
    return splitCells(record).every((c) => c.trim() === '');
  }

  /**
   * A spreadsheet cell's value (read-excel-file: string, number, boolean,
   * Date, null) as the text the engine reads: a date as YYYY-MM-DD, a boolean
   * as 是/否, a number without exponent or float noise.
   */
  function cellText(v) {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
    if (typeof v === 'boolean') return v ? WORDS.zh.yes : WORDS.zh.no;
    if (typeof v === 'number') {
      if (!isFinite(v)) return String(v);
      if (Number.isInteger(v) && Math.abs(v) < 1e21) return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
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
   * table row: { state: 'yes'|'no'|'unknown'|'error', amountFen, failed,
   * missing, reasons, error }.
   */
  function screenRow(line) {
    const r = typeof line === 'string' ? JSON.parse(line) : line;
    if (r && r.ok === false) {
      return { state: 'error', amountFen: null, failed: [], missing: [], reasons: [], error: r.error || {} };
    }
    return {
      state: r.eligible === true ? 'yes' : r.eligible === false ? 'no' : 'unknown',
      amountFen: Number.isSafeInteger(r.amount_fen) ? r.amount_fen : null,
      failed: r.failed || [], missing: r.missing || [], reasons: r.reasons || [], error: null,
    };
  }

  /** The word of a row's state, as the engine's table writes it (是 / 否 / 待定 / 出错). */
  function stateText(state, lang) {
    return screenWords(lang).state[state] || '';
  }

  function newSummary() {
    return { total: 0, yes: 0, no: 0, unknown: 0, error: 0, amountFen: 0, failed: {}, missing: {} };
  }

  /** Counts one row into the summary: its state, its amount (eligible rows), each failed condition, each missing fact. */
  function addToSummary(sum, row) {
    sum.total += 1;
    sum[row.state] += 1;
    if (row.state === 'yes' && row.amountFen !== null) sum.amountFen += row.amountFen;
    if (row.state === 'no') for (const id of row.failed) sum.failed[id] = (sum.failed[id] || 0) + 1;
    if (row.state === 'unknown') for (const f of row.missing) sum.missing[f] = (sum.missing[f] || 0) + 1;
    return sum;
  }

  /**
   * What the summary shows: the counts, the total amount (moneyText), and
   * the reasons for "not eligible" as bars, most frequent first: { id,
   * label (labels[id] or the id), count, share of the not-eligible rows };
   * likewise the facts most often missing (labelled from `questions`).
   */
  function summaryView(sum, opts) {
    const o = opts || {};
    const labels = o.labels || {};
    const bars = (counts, of, label) => Object.keys(counts)
      .map((id) => ({ id, label: label(id), count: counts[id], share: of ? counts[id] / of : 0 }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    const q = (f) => (o.questions || []).find((x) => x.fact === f);
    return {
      total: sum.total, yes: sum.yes, no: sum.no, unknown: sum.unknown, error: sum.error,
      amount: moneyText(sum.amountFen, o.lang),
      reasons: bars(sum.failed, sum.no, (id) => labels[id] || id),
      missing: bars(sum.missing, sum.unknown, (f) => (q(f) ? (o.lang === 'en' ? q(f).label_en || q(f).label : q(f).label) : f)),
    };
  }

  return Object.assign(F, {
    SCREEN_WORDS, screeningColumns, templateRows, csvRaw, csvCell, csvLine, neutralise, splitRecords, splitCells,
    isBlankRecord, cellText, mappedHeader, mappingChoices, needsMapping, errorColumn, screenRow, stateText,
    newSummary, addToSummary, summaryView,
  });
});
