/*
 * The front-end layer every front end of the estimator shares: the web page,
 * the WeChat mini-program, a Web Worker (the screening page) and Node (tests,
 * scripts). It holds no rule numbers and no rule logic: questions, labels,
 * options, bounds, conditions and amounts all come from the engine (the JS
 * facade wasm/js/estimator-api.js); this file only turns what people type
 * into contract values and what the engine answers into what people read.
 *
 * One plain script, so every host can load the same file unchanged:
 *   - <script src="shared/uie-front.js"> and importScripts(): global `UieFront`;
 *   - require() in Node and in the mini-program's logic layer: module.exports.
 * Hence: no DOM, no Node APIs, no module syntax, no eval or new Function, no
 * TextEncoder/atob (WeChat has neither), no BigInt, no regex lookbehind, no
 * syntax newer than ES2017 (old WeChat JS engines).
 *
 * Sections: words (zh/en) · numbers and money text · answer normalisation ·
 * controls · requests and errors · regions · result view · policy view ·
 * answer summary · share links · screening columns (in uie-screen.js).
 * Tests: tests/js/shared-*.test.mjs.
 */
(function (root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define();
  else root.UieFront = define();
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // ---------------------------------------------------------------- words

  // The layer's own words in both languages. Everything about the rules
  // (labels, help, conditions, notes, citations) comes from the engine.
  const WORDS = {
    zh: {
      yuan: '元', wan: '万元', about: '约', none: '无', notAnswered: '未回答（跳过）',
      yes: '是', no: '否',
      // The words every front end shows alike (web/i18n.mjs and the mini-program use them).
      say: {
        wholeProvince: '全省 / 不选城市',
        noPolicyText: (region, date, program) => `${date}，${region}没有正在执行的「${program}」政策。`,
        latestIs: '最近的一份是：',
        useLatest: '按这份政策估算（仅供参考）',
        amountLocal: '金额由当地规定，见下方说明。',
        perMonth: (decided) => [decided ? '每月 ' : '如果符合条件，每月 ', null],   // null: the figure
        total: (months, yuan) => `合计 ${months}，共 ${yuan}`,
        totalCap: (months, yuan) => `最长 ${months}，最多共 ${yuan}`,
        monthsCapNote: '这是国家规定的最长期限，省里可以规定更短的期限，以经办机构核定为准。',
        standardYours: '按您填写的当地月标准计算。',
        candidates: '企业规模未定，两种情况的金额：',
        draft: '征求意见稿（草案）：尚未正式施行，结果仅供参考。',
        notInForce: (to) => `这份政策${to ? `已于 ${to} 到期` : '在申请日期不适用'}，以下按它估算，仅供参考。`,
        whatifLead: '怎样才能符合：',
        changeThis: (label) => `修改「${label}」`,
        answerThis: (label) => `回答「${label}」`,
        colon: '：',
        stillToAnswer: '还需要回答：',
        changeScope: '改日期或地区',
        detail: (n) => `详细结果和依据（${n} 项条件）`,
      },
      verdict: { yes: '符合条件', no: '不符合条件', unknown: '还不能确定' },
      // Under a policy not in force on the date asked: the verdict names the policy's year.
      otherYear: (policyYear, verdict, askedYear) => (askedYear && askedYear !== policyYear
        ? `按${policyYear}年政策：${verdict}；${askedYear}年尚无文件` : `按${policyYear}年政策：${verdict}（该政策在申请日期不适用）`),
      notComputed: (labels) => `未计算：需要${labels}`,
      state: { pass: '符合', fail: '不符合', unknown: '待确定' },
      validity: (from, to) => (to ? `执行期 ${from} 至 ${to}` : `自 ${from} 起执行`),
      byDate: '按申请日期自动选择正在执行的政策',
      cityNote: '未列出的城市请选全省。',
      list: '、',
      extra: {
        max_months: '最长领取期限', remaining_months: '还可领取', extension_months: '延长领取（至退休）',
        total_months: '合计可领取', total_fen: '合计金额', monthly_standard_fen: '当地失业保险金月标准',
        base_fen: '计算基数（上年度实际缴纳的失业保险费）', rate: '返还比例',
        size_used: '按企业规模', pass_on_fen: '其中需全额转拨给用工单位', unit_fen: '单位缴费',
        individual_fen: '个人缴费', unit_rate: '单位费率', individual_rate: '个人费率', total_rate: '总费率',
        level_label: '证书等级',
      },
      // 失业保险金's months: the national ceiling (max_months_is_cap) or the province's own schedule.
      extraCap: { max_months: '最长可领（国家规定的上限）', total_months: '最多合计可领取', total_fen: '最多合计金额' },
      extraOwn: { max_months: '可领取期限（按本省规定）' },
      unit: (unit) => unit,
      errors: {
        required: '请先回答这一题。',
        whole: (ex) => `请填写一个整数，只写数字，例如 ${ex}。`,
        noDecimals: (ex) => `请填写整数，不要带小数，例如 ${ex}。`,
        negative: (ex) => `不能是负数，请填写 0 或更大的数，例如 ${ex}。`,
        range: (min, max, ex) => `请填写 ${min} 到 ${max} 之间的数，例如 ${ex}。`,
        atLeast: (min, ex) => `请填写不小于 ${min} 的数，例如 ${ex}。`,
        atMost: (max, ex) => `请填写不大于 ${max} 的数，例如 ${ex}。`,
        months: '请填写月数，例如 18、18个月 或 1年6个月。',
        monthsWhole: '请换算成整月数，例如 1年6个月 填 18。',
        money: '请填写金额（元），例如 56789.12、5.6万 或 12000元。',
        moneyPlaces: '金额最多到分（小数点后两位），例如 56789.12。',
        date: '请按“年-月-日”填写日期，例如 2024-07-01。',
        noSuchDay: '没有这一天，请检查月份和日期，例如 2024-07-01。',
        month: '请按“年-月”填写，例如 1965-08 或 1965年8月。',
        bool: '请选择“是”或“否”。',
        choice: (first) => `请从选项中选一个，例如“${first}”。`,
        list: (a, b) => `请从选项中选择，多个用顿号隔开，例如“${a}、${b}”。`,
      },
    },
    en: {
      yuan: 'yuan', wan: null, about: 'about', none: 'none', notAnswered: 'not answered (skipped)',
      yes: 'Yes', no: 'No',
      // The words every front end shows alike (web/i18n.mjs and the mini-program use them).
      say: {
        wholeProvince: 'Whole province / no city',
        noPolicyText: (region, date, program) => `On ${date} no "${program}" policy is in force in ${region}.`,
        latestIs: 'The most recent one is:',
        useLatest: 'Estimate under this policy (for reference only)',
        amountLocal: 'The amount is set locally; see the notes below.',
        perMonth: (decided) => [null, decided ? ' a month' : ' a month, if eligible'],
        total: (months, yuan) => `${months} in all: ${yuan}`,
        totalCap: (months, yuan) => `At most ${months}: up to ${yuan} in all`,
        monthsCapNote: 'That is the longest period national law allows; the province may set a shorter one, and the local office decides.',
        standardYours: 'Using the local monthly rate you gave.',
        candidates: 'The enterprise size is not known; the amount for each size:',
        draft: 'Draft for comment (征求意见稿): not yet in force; for reference only.',
        notInForce: (to) => `This policy ${to ? `expired on ${to}` : 'does not apply on that date'}; the estimate below uses it for reference only.`,
        whatifLead: 'What would make it pass:',
        changeThis: (label) => `Change “${label}”`,
        answerThis: (label) => `Answer “${label}”`,
        colon: ': ',
        stillToAnswer: 'Still to answer:',
        changeScope: 'Change the date or place',
        detail: (n) => `Details and sources (${n} conditions)`,
      },
      verdict: { yes: 'Eligible', no: 'Not eligible', unknown: 'Not yet decided' },
      otherYear: (policyYear, verdict, askedYear) => (askedYear && askedYear !== policyYear
        ? `Under the ${policyYear} policy: ${verdict.toLowerCase()}; none yet for ${askedYear}`
        : `Under the ${policyYear} policy: ${verdict.toLowerCase()} (not in force on the date asked)`),
      notComputed: (labels) => `not computed: needs ${labels}`,
      state: { pass: 'met', fail: 'not met', unknown: 'undecided' },
      validity: (from, to) => (to ? `in force ${from} to ${to}` : `in force from ${from}`),
      byDate: 'The policy in force on the date of application',
      cityNote: 'City not listed? Choose the whole province.',
      list: ', ',
      extra: {
        max_months: 'Longest entitlement', remaining_months: 'Months left', extension_months: 'Extension (to retirement)',
        total_months: 'Total months', total_fen: 'Total amount', monthly_standard_fen: 'Local monthly benefit rate',
        base_fen: 'Base (contributions paid last year)', rate: 'Refund rate',
        size_used: 'Enterprise size used', pass_on_fen: 'Of which passed on to user units', unit_fen: "Unit's contribution",
        individual_fen: "Employee's contribution", unit_rate: 'Unit rate', individual_rate: 'Employee rate', total_rate: 'Total rate',
        level_label: 'Certificate level',
      },
      extraCap: { max_months: 'Longest entitlement (national ceiling)', total_months: 'Total months, at most',
                  total_fen: 'Total amount, at most' },
      extraOwn: { max_months: "Entitlement (by the province's rules)" },
      unit: (unit, n) => {
        const names = { 人: ['person', 'people'], 名: ['person', 'people'], 个月: ['month', 'months'], 月: ['month', 'months'],
                        次: ['time', 'times'], 元: ['yuan', 'yuan'], 年: ['year', 'years'] };
        const pair = names[unit];
        return pair ? pair[n === 1 ? 0 : 1] : unit;
      },
      errors: {
        required: 'Please answer this question first.',
        whole: (ex) => `Please enter a whole number, digits only, for example ${ex}.`,
        noDecimals: (ex) => `Please enter a whole number without decimals, for example ${ex}.`,
        negative: (ex) => `The number cannot be negative: enter 0 or more, for example ${ex}.`,
        range: (min, max, ex) => `Please enter a number from ${min} to ${max}, for example ${ex}.`,
        atLeast: (min, ex) => `Please enter ${min} or more, for example ${ex}.`,
        atMost: (max, ex) => `Please enter ${max} or less, for example ${ex}.`,
        months: 'Please enter a number of months, for example 18 or 1.5 years.',
        monthsWhole: 'Please give whole months, for example 18 for a year and a half.',
        money: 'Please enter an amount in yuan, for example 56789.12 or 12,000.',
        moneyPlaces: 'An amount has at most two decimals (fen), for example 56789.12.',
        date: 'Please enter a date as year-month-day, for example 2024-07-01.',
        noSuchDay: 'There is no such day: check the month and the day, for example 2024-07-01.',
        month: 'Please enter a year and month, for example 1965-08.',
        bool: 'Please choose Yes or No.',
        choice: (first) => `Please choose one of the options, for example “${first}”.`,
        list: (a, b) => `Please choose from the options, separated by commas, for example “${a}, ${b}”.`,
        conflict: 'This answer does not fit another answer; the reason, in Chinese:',
      },
    },
  };

  function words(lang) {
    return WORDS[lang === 'en' ? 'en' : 'zh'];
  }

  /** A unit of the engine ('人', '个月', '元') in the UI language, for the amount n. */
  function unitText(unit, lang, n) {
    if (!unit) return '';
    return words(lang).unit(unit, n);
  }

  // ---------------------------------------------------------------- numbers and money text

  const FULLWIDTH_DIGITS = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

  /** "１２３．５" → "123.5", "5,000" → "5000": digits only (the contract's plain form). */
  function asciiNumber(text) {
    return String(text)
      .replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s,，_]/g, '')
      .replace(/。/g, '.');
  }

  /**
   * The plain conversion of a bare number (for a host that sends typed text
   * as is; no front end here does any more): numbers that look like numbers
   * become JSON numbers, money stays a decimal string, anything else goes as
   * typed and the engine says what is wrong. parseAnswer() is the forgiving one.
   */
  function answerValue(type, raw) {
    if (type === 'money') return asciiNumber(raw);
    if (type === 'count' || type === 'integer') {
      const t = asciiNumber(raw);
      if (/^[+-]?\d+(\.\d+)?$/.test(t)) {
        const n = Number(t);
        if (Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n;
      }
      return String(raw).trim();
    }
    return String(raw).trim();
  }

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** Integer fen → "34,073.47" (yuan, two decimals, grouped). */
  function yuanText(fen) {
    const neg = fen < 0;
    const abs = Math.abs(fen);
    const text = `${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
    return neg ? `-${text}` : text;
  }

  /**
   * Integer fen → the same amount in 万元 with two decimals (half up), or null
   * below 1 万元, where 万 is not natural. `exact` is false when rounded.
   */
  function wanText(fen) {
    if (!Number.isSafeInteger(fen) || fen < 1000000) return null;
    const hundredths = Math.floor((fen + 5000) / 10000);   // 0.01 万元 = 100 元 = 10 000 fen
    return {
      text: `${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`,
      exact: fen % 10000 === 0,
    };
  }

  /**
   * Integer fen → what a reader sees: { yuan: "34,073.47 元", wan: "约 3.41 万元" }.
   * English has no 万: { yuan: "34,073.47 yuan", wan: null }.
   */
  function moneyText(fen, lang) {
    const w = words(lang);
    const wan = w.wan ? wanText(fen) : null;
    return {
      yuan: `${yuanText(fen)} ${w.yuan}`,
      wan: wan ? `${wan.exact ? '' : `${w.about} `}${wan.text} ${w.wan}` : null,
    };
  }

  /** Today as YYYY-MM-DD in the device's time zone. */
  function today(now) {
    const d = now || new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

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

  // ---------------------------------------------------------------- requests and errors

  /** The request of the contract (§1); `policy` only when one was chosen. */
  function buildRequest(state) {
    const req = { region: state.region, date: state.date, program: state.program, facts: state.facts || {} };
    if (state.policy) req.policy = state.policy;
    return req;
  }

  /** The options of an engine call: the UI language (texts in English where the rules have them). */
  function engineOptions(lang) {
    return { lang: lang === 'en' ? 'en' : 'zh' };
  }

  /** '/facts/layoffs' → 'layoffs'; any other pointer → null. */
  function factOfPath(pointer) {
    const m = /^\/facts\/([^/]+)/.exec(pointer || '');
    return m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
  }

  /**
   * An engine message without the internal ids it carries for developers:
   * "“上年末单位参保人数”（insured_headcount）必须…" → "“上年末单位参保人数”必须…",
   * "enterprise（企业）" → "企业".
   */
  function plainMessage(text) {
    return String(text || '')
      .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*（([^）]+)）/g, '$1')
      .replace(/\s?[（(][a-z][a-z0-9]*(?:_[a-z0-9]+)*[）)]/g, '')
      .replace(/\s{2,}/g, ' ');
  }

  const HAS_CJK = /[\u3400-\u9fff]/;

  /**
   * An error response → where to show it and what to say:
   *   { where: 'nopolicy', latest }                no policy in force (latest: the nearest one)
   *   { where: 'fact', fact, message, original }   a question's answer is wrong
   *   { where: 'where', message, original }        region, date or policy
   *   { where: 'screen', message, original }       anything else
   * message is plain (no ids). In English, while the engine still answers in
   * Chinese, a fact's message is this layer's English example for the
   * question and `original` the engine's Chinese words (else null).
   */
  function responseError(error, questions, lang) {
    const err = error || {};
    if (err.code === 'no_policy_in_force') return { where: 'nopolicy', latest: err.latest || null };
    const text = plainMessage(err.message);
    const fact = factOfPath(err.path);
    const q = fact && (questions || []).find((x) => x.fact === fact);
    if (q) {
      if (lang === 'en' && HAS_CJK.test(text)) {
        const message = err.code === 'invalid_fact' ? hintFor(q, 'en', questions) : WORDS.en.errors.conflict;
        return { where: 'fact', fact, message, original: text };
      }
      return { where: 'fact', fact, message: text, original: null };
    }
    const where = /^\/(region|date|policy)$/.test(err.path || '') ? 'where' : 'screen';
    return { where, message: text, original: null };
  }

  /** The plain example of a correct entry for a question ("请填写金额（元），例如 …"). */
  function hintFor(q, lang, questions) {
    const e = words(lang).errors;
    const options = optionsOf(q, questions, lang);
    if (q.type === 'bool') return e.bool;
    if (q.type === 'level_list' && options.length) return e.list(optionLabel(options[0], lang), optionLabel(options[1] || options[0], lang));
    if (options.length) return e.choice(optionLabel(options[0], lang));
    if (q.type === 'money') return e.money;
    if (isMonths(q)) return e.months;
    if (q.type === 'count' || q.type === 'integer') return e.whole(exampleInteger(q));
    if (q.type === 'date') return e.date;
    if (q.type === 'month') return e.month;
    return e.required;
  }

  // ---------------------------------------------------------------- regions

  function regionLabel(r, lang) {
    return lang === 'en' ? r.name_en || r.name : r.name;
  }

  /**
   * A region code → { province, city } for the two pickers: a province code
   * → that province; a prefecture with its own rules (371500 聊城) → its
   * province and itself; any other prefecture of a listed province → the
   * province (its rules are the province's). null for anything else.
   */
  function regionOf(catalog, code) {
    if (!/^\d{6}$/.test(String(code || ''))) return null;
    const regions = (catalog && catalog.regions) || [];
    for (const r of regions) {
      if (r.code === code) return { province: r.code, city: '' };
      for (const c of r.children || []) if (c.code === code) return { province: r.code, city: c.code };
    }
    const province = regions.find((r) => r.code === `${code.slice(0, 2)}0000`);
    return province ? { province: province.code, city: '' } : null;
  }

  /** "山东省 聊城市" / "Shandong Liaocheng" for a code of the catalog. */
  function regionName(catalog, code, lang) {
    for (const r of (catalog && catalog.regions) || []) {
      if (r.code === code) return regionLabel(r, lang);
      for (const c of r.children || []) if (c.code === code) return `${regionLabel(r, lang)} ${regionLabel(c, lang)}`;
    }
    return String(code || '');
  }

  /**
   * The city picker of a province: the prefectures that have rules of their
   * own, and the note that every other city takes the whole province.
   * { cities: [{ code, name }], note } ; no cities → note null (no picker).
   */
  function cityChoices(catalog, province, lang) {
    const p = ((catalog && catalog.regions) || []).find((r) => r.code === province);
    const cities = ((p && p.children) || []).map((c) => ({ code: c.code, name: regionLabel(c, lang) }));
    return { cities, note: cities.length ? words(lang).cityNote : null };
  }

  // ---------------------------------------------------------------- result view

  function markOf(passed) {
    if (passed === true) return { state: 'pass', mark: '✓' };
    if (passed === false) return { state: 'fail', mark: '✗' };
    return { state: 'unknown', mark: '?' };
  }

  /**
   * The questions a condition depends on, so a "?" or ✗ line can link to
   * them: the condition's own `facts`/`fact` when the engine names them, the
   * facts of its what-ifs, the question named like the condition, and the
   * questions whose labels it quotes in 「…」 ("还需要填写：「证书等级」").
   */
  function conditionFacts(c, res, questions) {
    const qs = questions || [];
    const out = [];
    const add = (f) => { if (f && out.indexOf(f) < 0 && qs.some((q) => q.fact === f)) out.push(f); };
    if (Array.isArray(c.facts)) c.facts.forEach(add);
    if (typeof c.fact === 'string') add(c.fact);
    for (const w of (res && res.whatif) || []) if (w.condition === c.id) add(w.fact);
    add(c.id);
    const quoted = (String(c.text || '').match(/「[^」]+」/g) || []).map((x) => x.slice(1, -1));
    // `undated`: the label as the engine wrote it, before a host named the year in it (journey.js datedQuestions).
    for (const q of qs) if ([q.label, q.label_en, q.undated].some((l) => l && quoted.indexOf(l) >= 0)) add(q.fact);
    return out;
  }

  function conditionView(c, res, questions, lang) {
    const m = markOf(c.passed);
    return {
      id: c.id, state: m.state, mark: m.mark, word: words(lang).state[m.state], text: c.text, cite: c.cite || null,
      facts: conditionFacts(c, res, questions),
    };
  }

  const EXTRA_KEYS = Object.keys(WORDS.zh.extra);
  // The figures of an entitlement: never shown under a verdict of not eligible.
  // (The local monthly standard is the region's figure, not the person's: it stays.)
  const ENTITLEMENT = ['max_months', 'remaining_months', 'extension_months', 'total_months', 'total_fen'];
  // What the extension to retirement needs.
  const AGE_FACTS = ['birth_month', 'retirement_group'];

  function yearOf(date) {
    const m = /^(\d{4})-/.exec(String(date || ''));
    return m ? Number(m[1]) : null;
  }

  // The optional fact the engine offers where it holds no local monthly standard.
  const LOCAL_STANDARD = 'local_monthly_standard';

  /**
   * 失业保险金 (a response with `monthly_standard_source`): a monthly amount
   * over `total_months`, not a lump sum. The amount is the engine's
   * amount_fen; while the verdict is open, the local standard it would be
   * (decided false). No standard held: kind 'local', with the question that
   * takes the person's own figure when the engine offers it.
   */
  function monthlyAmount(res, lang, labelOf) {
    const fen = Number.isSafeInteger(res.amount_fen) ? res.amount_fen
      : res.eligible !== true && Number.isSafeInteger(res.monthly_standard_fen) ? res.monthly_standard_fen : null;
    if (fen === null) {
      const offered = (res.optional_missing || []).indexOf(LOCAL_STANDARD) >= 0 && labelOf(LOCAL_STANDARD);
      return { kind: 'local', ask: offered ? { fact: LOCAL_STANDARD, label: offered } : null };
    }
    return {
      kind: 'monthly',
      perMonth: moneyText(fen, lang),
      months: typeof res.total_months === 'number' ? res.total_months : null,
      total: Number.isSafeInteger(res.total_fen) ? moneyText(res.total_fen, lang) : null,
      cap: res.max_months_is_cap === true,
      source: res.monthly_standard_source || null,
      decided: res.eligible === true,
    };
  }

  /**
   * A successful response → what the result shows, in reading order:
   *   verdict  { state: 'yes'|'no'|'unknown', mark, text }
   *   amount   null (not eligible) | { kind: 'fen', yuan, wan, cap }
   *            | { kind: 'candidates', items: [{ value, label, yuan, wan }] } | { kind: 'local', ask? }
   *            | { kind: 'monthly', perMonth: { yuan, wan }, months, total: { yuan, wan } | null,
   *                cap, source, decided } (失业保险金: see monthlyAmount)
   *   reasons  the conditions not met (✗) and then those not decided (?), each
   *            with its what-ifs right there (each { text, fact, label, … }:
   *            label is the question to change) and `links`, the other
   *            questions to answer (kind 'answer', for ?) or change ('change',
   *            for ✗): [{ fact, kind, label }]
   *   whatif   what-ifs of no listed reason (still worth showing)
   *   extra    [{ key, label, text }] the program's extra figures
   *   conditions, notes, policy (policyView), draft, inForce
   *   asks     the questions still to answer, each once: [{ fact, label }]
   * Under a policy not in force on the date (ctx.date), the verdict names
   * the policy's year, and a yes is state 'other' (mark '!'), not a tick.
   * Not eligible: no entitlement figures. An extension to retirement not
   * computed (the age unknown) says so, with `ask` (the facts it needs).
   * ctx: { questions, lang, date }
   */
  function resultView(res, ctx) {
    const c = ctx || {};
    const lang = c.lang === 'en' ? 'en' : 'zh';
    const w = words(lang);
    const questions = c.questions || [];
    const verdictState = res.eligible === true ? 'yes' : res.eligible === false ? 'no' : 'unknown';
    const conditions = (res.conditions || []).map((x) => conditionView(x, res, questions, lang));
    const labelOf = (fact) => {
      const q = questions.find((x) => x.fact === fact);
      return q ? (lang === 'en' ? q.label_en || q.label : q.label) : null;
    };
    // Each what-if names the question to change (label null: no question asks that fact).
    const whatifs = (res.whatif || []).map((h) => Object.assign({}, h, { label: labelOf(h.fact) }));
    const reasons = conditions.filter((x) => x.state === 'fail').concat(conditions.filter((x) => x.state === 'unknown'))
      .map((x) => {
        const own = whatifs.filter((h) => h.condition === x.id);
        // The questions to answer (?) or change (✗) that no what-if of the reason links already.
        const kind = x.state === 'unknown' ? 'answer' : 'change';
        const links = x.facts.filter((f) => !own.some((h) => h.fact === f && h.label))
          .map((f) => ({ fact: f, kind, label: labelOf(f) }));
        return Object.assign({}, x, { whatifs: own, links });
      });
    const shown = reasons.map((x) => x.id);
    const sizeQ = questions.find((q) => q.fact === 'size') || { options: [] };
    const sizeLabel = (v) => {
      const o = (sizeQ.options || []).find((x) => x.value === v);
      return o ? optionLabel(o, lang) : String(v);
    };
    let amount = null;
    const benefit = res.monthly_standard_source !== undefined;
    if (res.eligible !== false) {
      if (benefit) {
        amount = monthlyAmount(res, lang, labelOf);
      } else if (Number.isSafeInteger(res.amount_fen)) {
        amount = Object.assign({ kind: 'fen', cap: res.amount_is_cap === true }, moneyText(res.amount_fen, lang));
      } else if (res.candidates && typeof res.candidates === 'object') {
        amount = { kind: 'candidates', items: Object.keys(res.candidates).filter((k) => Number.isSafeInteger(res.candidates[k]))
          .map((k) => Object.assign({ value: k, label: sizeLabel(k) }, moneyText(res.candidates[k], lang))) };
      } else {
        amount = { kind: 'local' };
      }
    }
    const extra = [];
    // The months' labels say whether they are the national ceiling or the province's own.
    const months = res.max_months_is_cap === true ? w.extraCap : res.max_months_is_cap === false ? w.extraOwn : {};
    // The extension to retirement is 0 until the age is known: it was not computed, not nil.
    const open = (res.missing || []).concat(res.optional_missing || []);
    const ageFacts = AGE_FACTS.filter((f) => res.months_to_retirement === null && open.indexOf(f) >= 0 && labelOf(f));
    for (const key of EXTRA_KEYS) {
      const v = res[key];
      if (v === null || v === undefined || v === '') continue;
      // Not eligible: no entitlement figure reads as granted; the local standard when no monthly amount says it.
      if ((res.eligible === false && ENTITLEMENT.indexOf(key) >= 0) || (key === 'monthly_standard_fen' && amount)) continue;
      let text;
      let ask = null;
      if (key === 'extension_months' && ageFacts.length) {
        ask = ageFacts;
        text = w.notComputed(ageFacts.map(labelOf).join(w.list));
      } else if (/_fen$/.test(key) && Number.isSafeInteger(v)) text = moneyText(v, lang).yuan;
      else if (/_months$/.test(key) && typeof v === 'number') text = `${v} ${unitText('个月', lang, v)}`;
      else if (key === 'size_used') text = sizeLabel(v);
      else text = String(v);
      extra.push({ key, label: months[key] || w.extra[key], text, ask });
    }
    const p = res.policy || {};
    // Under a policy not in force on the date asked, the verdict says whose year it is and is never a plain tick.
    const policyYear = p.in_force === false ? yearOf(p.valid_to) || yearOf(p.valid_from) : null;
    const verdict = { state: verdictState, mark: verdictState === 'yes' ? '✓' : verdictState === 'no' ? '✗' : '?',
                      text: w.verdict[verdictState] };
    if (policyYear) {
      verdict.text = w.otherYear(policyYear, verdict.text, yearOf(c.date));
      if (verdictState === 'yes') Object.assign(verdict, { state: 'other', mark: '!' });
    }
    // The questions still to answer, each once (several undecided conditions may wait on one).
    const asks = [];
    for (const r of reasons) {
      for (const l of r.links) if (l.kind === 'answer' && l.label && !asks.some((a) => a.fact === l.fact)) asks.push({ fact: l.fact, label: l.label });
    }
    return {
      verdict,
      asks,
      amount,
      reasons,
      whatif: whatifs.filter((h) => shown.indexOf(h.condition) < 0),
      extra,
      conditions,
      notes: (res.notes || []).slice(),
      policy: res.policy ? policyView(res.policy, lang) : null,
      draft: p.draft === true,
      inForce: p.in_force !== false,
    };
  }

  // ---------------------------------------------------------------- policy view

  /** A policy of a response or the catalog → { id, title, docNo, validity, draft, inForce, chain }. */
  function policyView(p, lang, program) {
    const w = words(lang);
    let from = p.valid_from;
    let to = p.valid_to;
    const own = program && (p.programs || []).find((x) => x === program || (x && (x.id === program || x.program === program)));
    if (own && typeof own === 'object') {
      if (own.valid_from) from = own.valid_from;
      if ('valid_to' in own) to = own.valid_to;
    }
    return {
      id: p.id, title: p.title || '', docNo: p.doc_no || '', validity: from ? w.validity(from, to) : '',
      from: from || null, to: to || null, draft: p.draft === true, inForce: p.in_force !== false,
      chain: (p.chain || []).join(' → '),
    };
  }

  /**
   * Which policy the engine applies, read from its answer (the host never
   * chooses): a questions or estimate response, or its error response.
   *   { policy, inForce, offer }
   *   policy   policyView of the policy the answer is under (null: none)
   *   inForce  whether that policy is in force on the request's date
   *   offer    policyView of the latest policy, to offer ("estimate under
   *            it"), when none is in force on the date and the request
   *            named none (`chosen`, its explicit policy id); else null
   * From the engine: questions → policy and in_force; estimate →
   * policy.in_force; no_policy_in_force → error.latest.
   */
  function policyState(res, chosen, lang) {
    const r = res || {};
    if (r.ok === false) {
      const e = r.error || {};
      const latest = e.code === 'no_policy_in_force' && e.latest ? policyView(e.latest, lang) : null;
      return { policy: null, inForce: false, offer: chosen ? null : latest };
    }
    const p = r.policy || null;
    const inForce = Boolean(p) && r.in_force !== false && p.in_force !== false;
    return { policy: p ? policyView(p, lang) : null, inForce, offer: p && !inForce && !chosen ? policyView(p, lang) : null };
  }

  /** A citation → what its "source" line shows: { where: '人社部发〔2024〕40号 二', quote }, or null. */
  function citeView(cite) {
    if (!cite || !cite.doc_no) return null;
    return { where: [cite.doc_no, cite.clause].filter(Boolean).join(' '), quote: cite.quote || '' };
  }

  /**
   * The policies a person could pick for a program and region, for a policy
   * picker: first the automatic choice ('' = let the engine pick the one in
   * force on the date), then every policy of the region, its province and
   * the national rules that covers the program, newest first. Display only:
   * which policy applies is the engine's answer (questions().policy).
   */
  function policyChoices(catalog, program, region, lang) {
    const code = String(region || '000000');
    const codes = [code, `${code.slice(0, 2)}0000`, '000000'].filter((x, i, all) => all.indexOf(x) === i);
    const list = ((catalog && catalog.policies) || [])
      .filter((p) => codes.indexOf(p.region) >= 0 && (p.programs || []).some((x) => x === program || (x && (x.id === program || x.program === program))))
      .map((p) => policyView(p, lang, program));
    const region0 = (id) => codes.indexOf(((catalog.policies || []).find((p) => p.id === id) || {}).region);
    list.sort((a, b) => (a.from === b.from ? region0(a.id) - region0(b.id) : (a.from || '') < (b.from || '') ? 1 : -1));
    return [{ id: '', label: words(lang).byDate }].concat(list.map((v) => ({
      id: v.id, label: `${v.docNo}${v.validity ? `（${v.validity}）` : ''}`, policy: v,
    })));
  }

  // ---------------------------------------------------------------- answer summary

  /**
   * The answers given, in the questions' order, for a compact summary with
   * an edit link each: [{ fact, label, text, skipped }]. Skipped optional
   * questions are listed too, as "未回答", so they can be answered later.
   */
  function answerSummary(questions, facts, lang, skipped) {
    const out = [];
    const gone = skipped || [];
    for (const q of questions || []) {
      const has = facts && Object.prototype.hasOwnProperty.call(facts, q.fact);
      const isSkipped = !has && (Array.isArray(gone) ? gone.indexOf(q.fact) >= 0 : gone.has && gone.has(q.fact));
      if (!has && !isSkipped) continue;
      out.push({
        fact: q.fact,
        label: lang === 'en' ? q.label_en || q.label : q.label,
        text: has ? valueText(q, facts[q.fact], lang, questions) : words(lang).notAnswered,
        skipped: isSkipped,
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- share links

  // The inputs only, in the URL fragment (after #, never sent to a server).
  // UTF-8 and base64url by hand: the mini-program's JS has no TextEncoder/btoa.

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function utf8Bytes(text) {
    const out = [];
    for (const ch of text) {
      let c = ch.codePointAt(0);
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;   // a lone surrogate
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }

  /** Strict UTF-8 → text; throws on a malformed sequence. */
  function utf8Text(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      if (n < 0 || i + n >= bytes.length + (n ? 0 : 1)) throw new Error('bad utf-8');
      let c = n ? b & (0x3f >> n) : b;
      for (let k = 1; k <= n; k++) {
        const x = bytes[i + k];
        if ((x & 0xc0) !== 0x80) throw new Error('bad utf-8');
        c = (c << 6) | (x & 63);
      }
      if ((n === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (n === 3 && (c < 0x10000 || c > 0x10ffff))) throw new Error('bad utf-8');
      s += String.fromCodePoint(c);
      i += n + 1;
    }
    return s;
  }

  function base64url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
      if (i + 1 < bytes.length) s += B64[(n >> 6) & 63];
      if (i + 2 < bytes.length) s += B64[n & 63];
    }
    return s;
  }

  function fromBase64url(text) {
    if (text.length % 4 === 1) throw new Error('bad base64');
    const out = [];
    for (let i = 0; i < text.length; i += 4) {
      const chunk = text.slice(i, i + 4);
      let n = 0;
      for (let k = 0; k < 4; k++) n = (n << 6) | (k < chunk.length ? B64.indexOf(chunk[k]) : 0);
      out.push((n >> 16) & 255);
      if (chunk.length > 2) out.push((n >> 8) & 255);
      if (chunk.length > 3) out.push(n & 255);
    }
    return out;
  }

  /** { region, date, program, facts, policy? } → fragment text "s=…". */
  function encodeShare(inputs) {
    const payload = { v: 1, region: inputs.region, date: inputs.date, program: inputs.program, facts: inputs.facts };
    if (inputs.policy) payload.policy = inputs.policy;
    return `s=${base64url(utf8Bytes(JSON.stringify(payload)))}`;
  }

  /** Fragment text → the inputs, or null when it is not one of our links. */
  function decodeShare(fragment) {
    const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(fragment || '');
    if (!m) return null;
    try {
      const p = JSON.parse(utf8Text(fromBase64url(m[1])));
      const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
      if (!isObject(p) || p.v !== 1 || typeof p.region !== 'string' || typeof p.program !== 'string' ||
          typeof p.date !== 'string' || !isObject(p.facts) || (p.policy !== undefined && typeof p.policy !== 'string')) {
        return null;
      }
      return { region: p.region, date: p.date, program: p.program, facts: p.facts, policy: p.policy || null };
    } catch (ignored) {
      return null;
    }
  }

  // ---------------------------------------------------------------- screening columns
  //
  // In shared/uie-screen.js, which adds them to this layer (UieFront) where
  // the screening page and its Worker load it: the single-estimate page and
  // the mini-program never download them.

  return {
    WORDS, words, unitText,
    asciiNumber, answerValue, yuanText, wanText, moneyText, today,
    readDecimal, readMonths, readDate, chineseInteger, matchOption, parseAnswer, valueText, hintFor, isMonths,
    optionsOf, optionLabel, controlOf, inputText,
    buildRequest, engineOptions, factOfPath, plainMessage, responseError,
    regionOf, regionName, cityChoices,
    conditionFacts, resultView, policyView, policyState, citeView, policyChoices, answerSummary,
    encodeShare, decodeShare, exampleInteger, numberText,
  };
});
