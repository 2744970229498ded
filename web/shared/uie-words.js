/*
 * The shared front-end layer's words, in Chinese and English, and how numbers
 * and money read ("12,000.00 元", "约 1.2 万元"): one owner for every word a
 * front end shows that is not the rules' own (those come from the engine).
 * Part of UieFront (uie-front.js); global UieWords.
 * Same hosts and rules as every file of web/shared/ (see uie-front.js): a
 * plain script, global in a page or Worker, require() in Node and the
 * mini-program; no DOM, no Node APIs, ES2017, no eval.
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define();
  else root.UieWords = define();
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
        // to, from: the policy's dates; date: the date asked (before `from`: not yet in force, not ended).
        notInForce: (to, from, date) => `这份政策${date && from && date < from ? `自 ${from} 起施行，申请日期时尚未施行`
          : to ? `已于 ${to} 到期` : '在申请日期不适用'}，以下按它估算，仅供参考。`,
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
      // (What the tool holds, not what exists: a document for that year may be out and not yet encoded.)
      otherYear: (policyYear, verdict, askedYear) => (askedYear && askedYear !== policyYear
        ? `按${policyYear}年政策：${verdict}；本工具未收录${askedYear}年的文件` : `按${policyYear}年政策：${verdict}（该政策在申请日期不适用）`),
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
        notInForce: (to, from, date) => `This policy ${date && from && date < from ? `takes effect on ${from}, after the date asked`
          : to ? `expired on ${to}` : 'does not apply on that date'}; the estimate below uses it for reference only.`,
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
        ? `Under the ${policyYear} policy: ${verdict.toLowerCase()}; the tool holds no policy for ${askedYear}`
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

  return {
    WORDS, words, unitText, asciiNumber, answerValue, yuanText, wanText, moneyText, today, group,
  };
});
