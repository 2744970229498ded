/*
 * What people type → the contract's values, and back: money with 万 and 元,
 * months with 年, counts with 人 and Chinese numerals, levels, dates, yes/no;
 * the control each question gets. Part of UieFront (uie-front.js); global
 * UieAnswers.
 * Same hosts and rules as every file of web/shared/ (see uie-front.js): a
 * plain script, global in a page or Worker, require() in Node and the
 * mini-program; no DOM, no Node APIs, ES2017, no eval.
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-words.js'));
  else root.UieAnswers = define(root.UieWords);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (W) {
  'use strict';

  const { WORDS, group, unitText, words } = W;

  // ---------------------------------------------------------------- answer normalisation

  /** Full-width ASCII (ＡＢＣ１２３，．) and the ideographic space → half width. */
  function halfWidth(text) {
    return String(text)
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ');
  }

  const CN_DIGITS = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
                      六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
  const CN_SMALL = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
  const CN_BIG = { 万: 10000, 亿: 100000000 };
  const CN_NUMERAL = /^[0-9零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]+$/;

  /**
   * A whole number written in Chinese numerals, possibly mixed with digits:
   * "十八" 18, "两" 2, "一百二十" 120, "三万五千" 35000, "1万2千" 12000,
   * "二〇二四" 2024. null when it is not one, or beyond exact integers.
   */
  function chineseInteger(text) {
    if (!CN_NUMERAL.test(text)) return null;
    const hasUnit = /[十拾百佰千仟万亿]/.test(text);
    if (!hasUnit) {   // digit by digit: 二〇二四
      let s = '';
      for (const ch of text) s += /[0-9]/.test(ch) ? ch : String(CN_DIGITS[ch]);
      return Number(s);
    }
    let yi = 0;         // the part counted in 亿
    let wan = 0;        // the part counted in 万, below 亿
    let section = 0;    // below 万
    let number = null;  // the digit or digit run not yet placed
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (/[0-9]/.test(ch)) {
        let j = i;
        while (j + 1 < text.length && /[0-9]/.test(text[j + 1])) j++;
        if (number !== null) return null;   // "1二" is no number
        number = Number(text.slice(i, j + 1));
        i = j;
      } else if (ch in CN_DIGITS) {
        if (number !== null && number !== 0) return null;   // "二三" with units is no number
        number = CN_DIGITS[ch];
      } else if (ch in CN_SMALL) {
        section += (number === null ? 1 : number) * CN_SMALL[ch];   // 十八: 十 alone is 10
        number = null;
      } else {
        const below = section + (number === null ? 0 : number) + (ch === '亿' ? wan : 0);
        if (below === 0) return null;   // 万 or 亿 alone
        if (ch === '亿') { yi += below * CN_BIG[ch]; wan = 0; } else wan += below * CN_BIG[ch];
        section = 0;
        number = null;
      }
    }
    const value = yi + wan + section + (number === null ? 0 : number);
    return Number.isSafeInteger(value) ? value : null;
  }

  const MULTIPLIER = { 万: 4, w: 4, 千: 3, k: 3, 百: 2, 亿: 8 };

  /** "12.5" × 10^k as a decimal { int, frac } (strings, no leading/trailing zeros). */
  function shiftDecimal(int, frac, k) {
    const digits = int + frac;
    const point = int.length + k;
    const padded = point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
    const i = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
    const f = padded.slice(point).replace(/0+$/, '');
    return { int: i, frac: f };
  }

  /**
   * Typed text → an exact decimal, or null. Accepts full-width digits,
   * thousands separators, 万/千/亿 (and w/k) after a number, Chinese numerals,
   * a sign (also 负). Result: { neg, int, frac, converted } where `converted`
   * says the text was more than plain digits (so the page says what it became).
   */
  function readDecimal(text) {
    let t = halfWidth(text).trim().replace(/[\s,，_']/g, '').replace(/。/g, '.').toLowerCase();
    let neg = false;
    const sign = /^([+\-−]|负)/.exec(t);
    if (sign) {
      neg = sign[1] !== '+';
      t = t.slice(sign[1].length);
    }
    let m = /^(\d*)(?:\.(\d+))?$/.exec(t);
    if (m && (m[1] || m[2])) {
      const d = shiftDecimal(m[1] || '0', m[2] || '', 0);
      return { neg, int: d.int, frac: d.frac, converted: false };
    }
    m = /^(\d*)(?:\.(\d+))?(万|w|千|k|百|亿)$/.exec(t);
    if (m && (m[1] || m[2])) {
      const d = shiftDecimal(m[1] || '0', m[2] || '', MULTIPLIER[m[3]]);
      return { neg, int: d.int, frac: d.frac, converted: true };
    }
    const n = chineseInteger(t);
    if (n !== null) return { neg, int: String(n), frac: '', converted: true };
    return null;
  }

  function decimalString(d) {
    return (d.neg && (d.int !== '0' || d.frac) ? '-' : '') + d.int + (d.frac ? `.${d.frac}` : '');
  }

  /** Is this a question asked in months (its unit is 个月 or 月)? Then 年 is understood. */
  function isMonths(q) {
    return (q.type === 'count' || q.type === 'integer') && (q.unit === '个月' || q.unit === '月');
  }

  /**
   * "18年" 216, "1年6个月" 18, "一年半" 18, "半年" 6, "1.5年" 18, "2 years" 24,
   * "18个月" 18 → { months, converted } ; null when the text has neither 年 nor 月;
   * { error } when the years make no whole number of months (1.3年).
   */
  function readMonths(text) {
    let s = halfWidth(text).trim().toLowerCase()
      .replace(/\s*(years?|yrs?)\b/g, '年').replace(/\s*(months?|mos?)\b/g, '月')
      .replace(/个月|箇月/g, '月').replace(/\s+|and/g, '');
    if (!/[年月]/.test(s)) return null;
    const sign = /^([+\-−]|负)/.exec(s);
    if (sign) s = s.slice(sign[1].length);
    const neg = Boolean(sign) && sign[1] !== '+';
    let halfYear = false;
    if (s === '半年') s = '0.5年';
    s = s.replace(/年半/, () => { halfYear = true; return '年'; });
    const m = /^(?:([^年月]+)年)?零?(?:([^年月]+)月)?$/.exec(s);
    if (!m || (!m[1] && !m[2] && !halfYear)) return { error: true };
    const years = m[1] ? readDecimal(m[1]) : { neg: false, int: '0', frac: '' };
    const months = m[2] ? readDecimal(m[2]) : { neg: false, int: '0', frac: '' };
    if (!years || !months || years.neg || months.neg || months.frac) return { error: true };
    // years × 12 exactly: in hundredths of a year, then whole months only.
    if (years.frac.length > 2) return { error: true, fraction: true };
    const hundredths = Number(years.int) * 100 + Number((years.frac + '00').slice(0, 2));
    if ((hundredths * 12) % 100 !== 0) return { error: true, fraction: true };
    const total = (hundredths * 12) / 100 + (halfYear ? 6 : 0) + Number(months.int);
    if (!Number.isSafeInteger(total)) return { error: true };
    return { months: neg && total ? -total : total, converted: Boolean(m[1]) || halfYear || months.converted === true };
  }

  /** Typed date → "YYYY-MM-DD": 2024-7-1, 2024/07/01, 2024.7.1, 2024年7月1日, 20240701. */
  function readDate(text) {
    const t = halfWidth(text).trim().replace(/\s+/g, '');
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) || /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    if (!m) return { error: 'date' };
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return { error: 'noSuchDay' };
    const pad = (n) => String(n).padStart(2, '0');
    return { value: `${m[1]}-${pad(mo)}-${pad(d)}` };
  }

  // "1965-08", "1965年8月", "1965.8", "1965/08", "196508" → "1965-08".
  function readMonth(text) {
    const t = halfWidth(text).trim().replace(/\s+/g, '');
    const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) || /^(\d{4})(\d{2})$/.exec(t);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return { error: 'month' };
    return { value: `${m[1]}-${String(Number(m[2])).padStart(2, '0')}` };
  }

  const YES = ['是', '是的', '有', '对', '已', '已经', 'y', 'yes', 'true', '1', '√', '✓', '✔'];
  const NO = ['否', '不是', '没有', '无', '没', '未', '不', 'n', 'no', 'false', '0', '×', '✗', '✘'];

  function plain(text) {
    return halfWidth(text).trim().toLowerCase().replace(/\s+/g, ' ');
  }

  function optionLabel(o, lang) {
    return lang === 'en' ? o.label_en || o.label : o.label;
  }

  /**
   * The option a typed text means: its value, its label or a part of a label
   * ("四级" and "中级工" of "四级/中级工", "中级" too), a number equal to an
   * integer option ("4", "4级", "四"), or the one option whose label contains
   * the text ("中小微"). null when none or more than one fit.
   */
  function matchOption(options, text) {
    const t = plain(text);
    if (!t) return null;
    const bare = (s) => s.replace(/工$/, '');   // 中级 = 中级工, 高级 = 高级工
    const exact = options.filter((o) => plain(String(o.value)) === t);
    if (exact.length === 1) return exact[0];
    const parts = (o) => [o.label, o.label_en].filter(Boolean)
      .reduce((all, l) => all.concat([l], l.split(/[/／|（）()]/)), []).map(plain).filter(Boolean);
    for (const same of [(p) => p === t, (p) => bare(p) === bare(t) && bare(t).length > 0]) {
      const hit = options.filter((o) => parts(o).some(same));
      if (hit.length === 1) return hit[0];
      if (hit.length > 1) return null;
    }
    const n = readDecimal(t.replace(/^(level|lv\.?)\s*/, '').replace(/级$/, ''));
    if (n && !n.neg && !n.frac) {
      const hit = options.filter((o) => typeof o.value === 'number' && o.value === Number(n.int));
      if (hit.length === 1) return hit[0];
    }
    if (t.length >= 2) {
      const hit = options.filter((o) => parts(o).some((p) => p.indexOf(t) >= 0));
      if (hit.length === 1) return hit[0];
    }
    return null;
  }

  /** The options a question is answered from (bool: 是/否; level_list: see controlOf). */
  function optionsOf(q, questions, lang) {
    if (q.type === 'bool') {
      return [{ value: true, label: WORDS.zh.yes, label_en: WORDS.en.yes },
              { value: false, label: WORDS.zh.no, label_en: WORDS.en.no }];
    }
    if (q.options && q.options.length) return q.options;
    if (q.type === 'level_list') {
      // A list of levels is answered from the levels the program's level
      // question offers (the engine gives that question's options; the list
      // question itself has none).
      const level = (questions || []).find((x) => x.type === 'integer' && x.options && x.options.length);
      if (level) return level.options;
    }
    return [];
  }

  function exampleInteger(q) {
    const min = typeof q.min === 'number' ? q.min : 0;
    const max = typeof q.max === 'number' ? q.max : Infinity;
    return Math.min(Math.max(12, min), max);
  }

  function numberText(n) {
    return n < 0 ? `-${group(String(-n))}` : group(String(n));
  }

  /**
   * What a value reads as, for the question it answers, in the UI language:
   * "12,000 元", "216 个月", "四级/中级工", "是", "四级/中级工、五级/初级工".
   */
  function valueText(q, value, lang, questions) {
    const w = words(lang);
    if (value === undefined || value === null) return '';
    const options = optionsOf(q, questions, lang);
    const labelOf = (v) => {
      const o = options.find((x) => x.value === v);
      return o ? optionLabel(o, lang) : String(v);
    };
    if (Array.isArray(value)) return value.length ? value.map(labelOf).join(w.list) : w.none;
    if (options.length) return labelOf(value);
    if (q.type === 'money') {
      const [int, frac] = String(value).split('.');
      return `${group(int)}${frac ? `.${frac}` : ''} ${w.yuan}`;
    }
    if (typeof value === 'number') {
      const unit = unitText(q.unit, lang, value);
      return unit ? `${numberText(value)} ${unit}` : numberText(value);
    }
    return String(value);
  }

  function boundsError(q, n, e) {
    const ex = exampleInteger(q);
    const min = typeof q.min === 'number' ? q.min : q.type === 'count' ? 0 : null;
    const max = typeof q.max === 'number' ? q.max : null;
    if (min !== null && n < min) {
      if (min === 0) return e.negative(ex);
      return max !== null ? e.range(numberText(min), numberText(max), ex) : e.atLeast(numberText(min), ex);
    }
    if (max !== null && n > max) return min !== null ? e.range(numberText(min), numberText(max), ex) : e.atMost(numberText(max), ex);
    return null;
  }

  const UNIT_WORDS = { 人: ['人', '名', '位', '个人', 'people', 'persons', 'person'], 次: ['次', 'times', 'time'] };

  function stripUnit(q, text) {
    const t = halfWidth(text).trim();
    const endings = (UNIT_WORDS[q.unit] || [q.unit]).filter(Boolean).sort((a, b) => b.length - a.length);
    for (const u of endings) {
      if (t.toLowerCase().endsWith(u.toLowerCase()) && t.length > u.length) return t.slice(0, t.length - u.length).trim();
    }
    return t;
  }

  function parseMoney(raw, e) {
    const t = halfWidth(raw).trim()
      .replace(/^(¥|￥|rmb|cny|人民币)\s*/i, '')
      .replace(/\s*(元整|元|块钱|块|圆|人民币|rmb|cny|yuan)$/i, '');
    const d = readDecimal(t);
    if (!d) return { ok: false, message: e.money };
    if (d.neg && (d.int !== '0' || d.frac)) return { ok: false, message: e.negative('56789.12') };
    if (d.frac.length > 2) return { ok: false, message: e.moneyPlaces };
    return { ok: true, value: decimalString({ neg: false, int: d.int, frac: d.frac }), converted: d.converted };
  }

  function parseInteger(q, raw, e) {
    if (isMonths(q)) {
      const m = readMonths(raw);
      if (m && m.error) return { ok: false, message: m.fraction ? e.monthsWhole : e.months };
      if (m) {
        const bad = boundsError(q, m.months, e);
        return bad ? { ok: false, message: bad } : { ok: true, value: m.months, converted: m.converted };
      }
    }
    const d = readDecimal(stripUnit(q, raw));
    const ex = exampleInteger(q);
    if (!d) return { ok: false, message: isMonths(q) ? e.months : e.whole(ex) };
    if (d.frac) return { ok: false, message: e.noDecimals(ex) };
    const n = Number(decimalString(d));
    if (!Number.isSafeInteger(n)) return { ok: false, message: boundsError(q, d.neg ? -Infinity : Infinity, e) || e.whole(ex) };
    const bad = boundsError(q, n, e);
    return bad ? { ok: false, message: bad } : { ok: true, value: n === 0 ? 0 : n, converted: d.converted };
  }

  function parseList(q, raw, options, e, lang) {
    const example = () => e.list(optionLabel(options[0] || { label: '' }, lang), optionLabel(options[1] || options[0] || { label: '' }, lang));
    let picked;
    if (Array.isArray(raw)) {
      picked = raw.map((v) => options.find((o) => String(o.value) === String(v)) || null);
    } else {
      const parts = halfWidth(raw).split(/[,，、;；\s]+|和|及|与/).filter((p) => p.trim());
      picked = parts.map((p) => matchOption(options, p));
    }
    if (picked.some((o) => o === null)) return { ok: false, message: example() };
    const values = [];
    for (const o of picked) if (values.indexOf(o.value) < 0) values.push(o.value);
    // The engine reads a list as a set; larger numbers first, as the mini-program sends it.
    values.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? b - a : 0));
    return { ok: true, value: values, converted: !Array.isArray(raw) };
  }

  /**
   * What a person entered for question q → the contract value.
   *   raw: typed text, a boolean, a number, or (check boxes) an array of option values.
   *   opts: { lang: 'zh'|'en', questions: the program's questions (for level lists) }
   * Returns one of
   *   { empty: true }                          nothing entered (an emptied field is empty)
   *   { ok: true, value, note }                note: "18年 = 216 个月" when the text was converted, else null
   *   { ok: false, message }                   plain words with an example of a correct entry, no ids
   * Check boxes with none ticked are an answer: the empty list.
   */
  function parseAnswer(q, raw, opts) {
    const o = opts || {};
    const lang = o.lang === 'en' ? 'en' : 'zh';
    const e = words(lang).errors;
    if (raw === undefined || raw === null) return { empty: true };
    if (!Array.isArray(raw) && typeof raw !== 'boolean' && typeof raw !== 'number' && String(raw).trim() === '') return { empty: true };
    const options = optionsOf(q, o.questions, lang);
    let r;
    if (q.type === 'level_list') {
      r = options.length ? parseList(q, raw, options, e, lang)
        : { ok: false, message: e.whole(exampleInteger(q)) };
    } else if (q.type === 'bool') {
      if (typeof raw === 'boolean') r = { ok: true, value: raw };
      else {
        const t = plain(raw);
        r = YES.indexOf(t) >= 0 ? { ok: true, value: true } : NO.indexOf(t) >= 0 ? { ok: true, value: false }
          : { ok: false, message: e.bool };
      }
    } else if (options.length) {
      const hit = options.find((x) => x.value === raw) || matchOption(options, String(raw));
      // Typed text that is neither the value nor the label says what it was read as.
      const typed = typeof raw === 'string' ? plain(raw) : null;
      r = hit ? { ok: true, value: hit.value, converted: typed !== null && typed !== plain(String(hit.value)) &&
                  typed !== plain(hit.label) && typed !== plain(hit.label_en || '') }
        : { ok: false, message: e.choice(optionLabel(options[0], lang)) };
    } else if (q.type === 'money') {
      r = typeof raw === 'number' ? parseMoney(String(raw), e) : parseMoney(raw, e);
    } else if (q.type === 'count' || q.type === 'integer') {
      r = parseInteger(q, String(raw), e);
    } else if (q.type === 'date') {
      const d = readDate(raw);
      r = d.error ? { ok: false, message: e[d.error] } : { ok: true, value: d.value };
    } else if (q.type === 'month') {
      const m = readMonth(String(raw));
      r = m.error ? { ok: false, message: e.month } : { ok: true, value: m.value, converted: m.value !== String(raw).trim() };
    } else {
      r = { ok: true, value: String(raw).trim() };
    }
    if (!r.ok) return { ok: false, message: r.message };
    const note = r.converted ? `${String(raw).trim()} = ${valueText(q, r.value, lang, o.questions)}` : null;
    return { ok: true, value: r.value, note };
  }

  // ---------------------------------------------------------------- controls

  /**
   * Which control a question gets, by its type (the host picks the widget):
   *   kind 'radio'     enum, or an integer with options (one of options)
   *   kind 'yesno'     bool: 是 / 否 as two choices (no silent default)
   *   kind 'checkbox'  level_list: any of options (none ticked = the empty list)
   *   kind 'money'     typed amount in yuan (万 and 元 understood)
   *   kind 'months'    typed number of months (年 understood)
   *   kind 'number'    typed whole number; negative: whether below 0 is allowed
   *   kind 'date'      a date picker
   *   kind 'month'     typed year and month ("1965年8月" understood)
   *   kind 'text'      free text
   * `keyboard` is a hint for the on-screen keyboard: 'numeric' for plain
   * counts, 'text' where units or 万/年 may be typed.
   */
  function controlOf(q, questions) {
    const options = optionsOf(q, questions);
    if (q.type === 'bool') return { kind: 'yesno', options, multiple: false };
    if (q.type === 'level_list') {
      return options.length ? { kind: 'checkbox', options, multiple: true } : { kind: 'text', options: [], keyboard: 'text' };
    }
    if (options.length) return { kind: 'radio', options, multiple: false };
    if (q.type === 'money') return { kind: 'money', options: [], keyboard: 'text' };
    if (isMonths(q)) return { kind: 'months', options: [], keyboard: 'text', negative: typeof q.min === 'number' && q.min < 0 };
    if (q.type === 'count' || q.type === 'integer') {
      const negative = q.type === 'integer' && (typeof q.min !== 'number' || q.min < 0);
      return { kind: 'number', options: [], keyboard: negative ? 'text' : 'numeric', negative };
    }
    if (q.type === 'date') return { kind: 'date', options: [] };
    if (q.type === 'month') return { kind: 'month', options: [], keyboard: 'text' };
    return { kind: 'text', options: [], keyboard: 'text' };
  }

  /** A stored value → the text an input shows for it (typed questions only). */
  function inputText(q, value) {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.join('、');
    return String(value);
  }

  return {
    readDecimal, readMonths, readDate, chineseInteger, matchOption, parseAnswer, valueText, isMonths,
    optionsOf, optionLabel, controlOf, inputText, exampleInteger, numberText, plain,
  };
});
