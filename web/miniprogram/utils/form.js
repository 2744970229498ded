// Pure helpers of the journey page: no rule numbers and no rule logic.
// Questions, labels, options, bounds and citations come from the engine
// (questions / catalog); what the person typed goes to the engine as typed,
// normalised exactly as the web page does (web/format.mjs), so the same
// typing gives the same request, and the same answer, on both.
'use strict';

var FULLWIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

/** "１２３．５" → "123.5", "5,000" → "5000": what people type on a Chinese keyboard. */
function asciiNumber(text) {
  return String(text)
    .replace(FULLWIDTH, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
    .replace(/[\s,，_]/g, '')
    .replace(/。/g, '.');
}

function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pad2(n) {
  return (n < 10 ? '0' : '') + n;
}

/** Integer fen → "34,073.47" (yuan, two decimals, grouped). */
function yuanText(fen) {
  var neg = fen < 0;
  var abs = Math.abs(fen);
  var cents = abs % 100;
  var text = group(String(Math.floor(abs / 100))) + '.' + pad2(cents);
  return neg ? '-' + text : text;
}

/** Today as YYYY-MM-DD in the phone's time zone. */
function today(now) {
  var d = now || new Date();
  return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
}

/**
 * A typed answer → the value sent to the engine. Numbers that look like
 * numbers become JSON numbers; money stays a decimal string (the contract
 * allows it, and no binary rounding touches it); anything else is sent as
 * typed, and the engine's message says what is wrong with it.
 */
function answerValue(type, raw) {
  if (type === 'money') return asciiNumber(raw);
  if (type === 'count' || type === 'integer') {
    var t = asciiNumber(raw);
    if (/^[+-]?\d+(\.\d+)?$/.test(t)) {
      var n = Number(t);
      if (isFinite(n) && Math.abs(n) <= 9007199254740991) return n;
    }
    return String(raw).trim();
  }
  return String(raw).trim();
}

/** Is this raw answer "not given" (then the fact is left out of the request)? */
function isBlank(raw) {
  if (raw === undefined || raw === null) return true;
  if (Array.isArray(raw)) return false;
  if (typeof raw === 'boolean') return false;
  return String(raw).trim() === '';
}

/**
 * The answers the person gave → the request's facts, in the questions' order.
 * answers: { fact: raw } where raw is a string (inputs, radios, pickers), a
 * boolean (switches and yes/no radios) or an array of strings (check boxes).
 */
function factsFrom(questions, answers) {
  var facts = {};
  for (var i = 0; i < questions.length; i++) {
    var q = questions[i];
    var raw = answers[q.fact];
    if (isBlank(raw)) continue;
    if (q.type === 'bool') {
      facts[q.fact] = raw === true || raw === 'true';
    } else if (q.type === 'level_list') {
      facts[q.fact] = raw.map(function (v) { return Number(v); }).sort(function (a, b) { return b - a; });
    } else if (q.type === 'enum' || q.type === 'date') {
      facts[q.fact] = String(raw);
    } else if (q.type === 'integer' && q.options && q.options.length) {
      facts[q.fact] = Number(raw);
    } else {
      facts[q.fact] = answerValue(q.type, raw);
    }
  }
  return facts;
}

/** The request of contract §1; `policy` only when one was chosen. */
function buildRequest(state) {
  var req = { region: state.region, date: state.date, program: state.program, facts: state.facts || {} };
  if (state.policy) req.policy = state.policy;
  return req;
}

/** '/facts/layoffs' → 'layoffs'; any other pointer → null. */
function factOfPath(pointer) {
  var m = /^\/facts\/([^/]+)/.exec(pointer || '');
  if (!m) return null;
  return m[1].replace(/~1/g, '/').replace(/~0/g, '~');
}

/** catalog.regions → one flat list for a picker: province, then its prefectures. */
function regionList(catalog) {
  var out = [];
  var regions = (catalog && catalog.regions) || [];
  for (var i = 0; i < regions.length; i++) {
    var r = regions[i];
    out.push({ code: r.code, label: r.name });
    var kids = r.children || [];
    for (var j = 0; j < kids.length; j++) {
      out.push({ code: kids[j].code, label: r.name + ' · ' + kids[j].name });
    }
  }
  return out;
}

/** The codes whose policies apply to a region: itself, its province, the nation. */
function jurisdictions(code) {
  var list = [code];
  var province = code.slice(0, 2) + '0000';
  if (province !== code) list.push(province);
  if (code !== '000000') list.push('000000');
  return list;
}

function programOf(policy, program) {
  var ps = policy.programs || [];
  for (var i = 0; i < ps.length; i++) {
    var p = ps[i];
    if (p === program || (p && p.id === program) || (p && p.program === program)) return p;
  }
  return null;
}

function policyDates(policy, program) {
  var p = programOf(policy, program);
  var from = (p && p.valid_from) || policy.valid_from;
  var to = (p && typeof p === 'object' && 'valid_to' in p) ? p.valid_to : policy.valid_to;
  return { from: from || null, to: to || null };
}

function periodText(from, to) {
  if (from && to) return from + ' 至 ' + to;
  if (from) return from + ' 起';
  if (to) return '至 ' + to;
  return '';
}

/** One line naming a policy: document number, and its dates for the program. */
function policyLabel(policy, program) {
  var d = policyDates(policy, program);
  var period = periodText(d.from, d.to);
  var draft = policy.draft && String(policy.doc_no).indexOf('征求意见稿') < 0 ? '（征求意见稿）' : '';
  return policy.doc_no + draft + (period ? '（' + period + '）' : '');
}

/**
 * The "policy year" picker: first "the policy in force today", then every
 * policy of the catalog that covers this program and applies to the region,
 * newest first.
 */
function policyOptions(catalog, program, region, date) {
  var out = [{ id: '', label: '按今天（' + date + '）有效的政策' }];
  var codes = jurisdictions(region);
  var list = ((catalog && catalog.policies) || []).filter(function (p) {
    return programOf(p, program) && codes.indexOf(p.region) >= 0;
  });
  list.sort(function (a, b) {
    var da = policyDates(a, program).from || '';
    var db = policyDates(b, program).from || '';
    if (da !== db) return da < db ? 1 : -1;
    return codes.indexOf(a.region) - codes.indexOf(b.region);
  });
  for (var i = 0; i < list.length; i++) {
    var from = policyDates(list[i], program).from;
    out.push({ id: list[i].id, label: (from ? from.slice(0, 4) + '年 ' : '') + policyLabel(list[i], program) });
  }
  return out;
}

function boundsText(q) {
  if (q.min !== null && q.min !== undefined && q.max !== null && q.max !== undefined) {
    return '（' + q.min + '–' + q.max + '）';
  }
  return '';
}

/**
 * Which native control a question gets:
 *   enum, small integer with options → radio-group
 *   bool: required → radio-group 是/否 (no silent default); optional → switch
 *   money → input type="digit"; count → input type="number"
 *   integer that may be negative → input type="text" (phone number pads have no minus)
 *   date → picker mode="date"; level_list → checkbox-group; string → input
 */
function controlOf(q) {
  if (q.type === 'enum') return 'radio';
  if (q.type === 'integer' && q.options && q.options.length) return 'radio';
  if (q.type === 'bool') return q.required ? 'yesno' : 'switch';
  if (q.type === 'money') return 'digit';
  if (q.type === 'count') return 'number';
  if (q.type === 'integer') return (q.min !== null && q.min !== undefined && q.min < 0) ? 'text' : 'number';
  if (q.type === 'date') return 'date';
  if (q.type === 'level_list') return 'checkbox';
  return 'text';
}

function citeText(cite) {
  if (!cite) return '';
  var where = [cite.doc_no, cite.clause].filter(Boolean).join(' ');
  return where + (cite.quote ? '：“' + cite.quote + '”' : '');
}

/**
 * Questions of the engine → what the page shows for each, with the person's
 * answer and the error for it (if any). `levelOptions` are the options of the
 * program's `level` question, reused as check boxes for a level_list.
 */
function questionViews(questions, shown, answers, errors) {
  var levelOptions = null;
  for (var i = 0; i < questions.length; i++) {
    if (questions[i].type === 'integer' && questions[i].options && questions[i].fact === 'level') levelOptions = questions[i].options;
  }
  var out = [];
  for (var k = 0; k < questions.length; k++) {
    var q = questions[k];
    if (shown.indexOf(q.fact) < 0) continue;
    var raw = answers[q.fact];
    var control = controlOf(q);
    var options = (q.options || []).map(function (o) { return { value: String(o.value), label: o.label }; });
    if (control === 'checkbox') {
      var src = (q.options && q.options.length) ? q.options : levelOptions;
      if (src) {
        options = src.map(function (o) { return { value: String(o.value), label: o.label }; });
      } else {
        options = [];
        for (var v = q.max || 5; v >= (q.min || 1); v--) options.push({ value: String(v), label: String(v) });
      }
    }
    if (control === 'yesno') options = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];
    var selected = raw === undefined || raw === null ? '' : (typeof raw === 'boolean' ? String(raw) : raw);
    options = options.map(function (o) {
      var checked = Array.isArray(selected) ? selected.indexOf(o.value) >= 0 : selected === o.value;
      return { value: o.value, label: o.label, checked: checked };
    });
    out.push({
      fact: q.fact,
      label: q.label,
      unit: q.unit || '',
      help: q.help || '',
      cite: citeText(q.cite),
      required: !!q.required,
      control: control,
      options: options,
      value: (typeof raw === 'string') ? raw : '',
      on: raw === true,
      placeholder: control === 'digit' ? '填写金额' + (q.unit ? '（' + q.unit + '）' : '') :
        (control === 'number' || control === 'text' && q.type === 'integer') ? '填写数字' + boundsText(q) : '',
      error: (errors && errors[q.fact]) || '',
    });
  }
  return out;
}

function conditionMark(passed) {
  if (passed === true) return { mark: '✓', state: 'pass', word: '符合' };
  if (passed === false) return { mark: '✗', state: 'fail', word: '不符合' };
  return { mark: '？', state: 'unknown', word: '待确认' };
}

var HEADLINE = {
  stabilization_refund: '预计可返还',
  skill_subsidy: '预计可领取补贴',
  unemployment_benefit: '每月可领取',
};

/** A successful response → the result card (everything shown comes from it). */
function resultView(res, programTitle) {
  var eligible = res.eligible;
  var view = {
    eligible: eligible,
    status: eligible === true ? '符合条件' : eligible === false ? '暂不符合条件' : '还缺少信息',
    headline: '',
    amount: '',
    amountNote: '',
    lines: [],
    conditions: [],
    whatif: [],
    notes: (res.notes || []).slice(),
    policy: '',
    policyOld: false,
    aria: '',
  };
  if (eligible === true) {
    view.headline = HEADLINE[res.program] || '预计金额';
    if (res.amount_fen !== null && res.amount_fen !== undefined) {
      view.amount = yuanText(res.amount_fen) + ' 元';
      if (res.amount_is_cap) view.amountNote = '这是政策规定的上限，实际标准由当地确定';
    } else if (res.candidates && typeof res.candidates === 'object') {
      view.amountNote = '金额要看企业规模：';
    } else {
      view.amount = '金额以当地标准为准';
    }
  } else if (eligible === false) {
    view.headline = '按您填写的情况，暂不符合' + (programTitle || '') + '的条件';
  }
  if (res.candidates && typeof res.candidates === 'object') {
    if (res.candidates.large !== undefined && res.candidates.large !== null) view.lines.push('如果是大型企业：' + yuanText(res.candidates.large) + ' 元');
    if (res.candidates.sme !== undefined && res.candidates.sme !== null) view.lines.push('如果是中小微企业：' + yuanText(res.candidates.sme) + ' 元');
  }
  if (typeof res.total_months === 'number' && eligible === true) view.lines.push('最长可以领取 ' + res.total_months + ' 个月');
  if (typeof res.remaining_months === 'number' && eligible === true && res.remaining_months !== res.total_months) view.lines.push('本次还可以领取 ' + res.remaining_months + ' 个月');
  if (typeof res.extension_months === 'number' && res.extension_months > 0) view.lines.push('其中延长到法定退休年龄 ' + res.extension_months + ' 个月');
  if (typeof res.pass_on_fen === 'number' && res.pass_on_fen > 0) view.lines.push('其中应转给用工单位：' + yuanText(res.pass_on_fen) + ' 元');
  if (res.level_label) view.lines.push('证书等级：' + res.level_label);
  var conds = res.conditions || [];
  for (var i = 0; i < conds.length; i++) {
    var m = conditionMark(conds[i].passed);
    view.conditions.push({
      id: conds[i].id,
      text: conds[i].text,
      cite: citeText(conds[i].cite),
      mark: m.mark,
      state: m.state,
      aria: m.word + '：' + conds[i].text,
    });
  }
  var hints = res.whatif || [];
  for (var j = 0; j < hints.length; j++) view.whatif.push(hints[j].text);
  if (res.policy) {
    var p = res.policy;
    view.policy = p.doc_no + (p.title ? '《' + p.title + '》' : '') +
      (periodText(p.valid_from, p.valid_to) ? '（' + periodText(p.valid_from, p.valid_to) + '）' : '');
    view.policyOld = p.in_force === false;
  }
  view.aria = '测算结果：' + view.status + (view.headline ? '，' + view.headline : '') + (view.amount ? ' ' + view.amount : '');
  return view;
}

/** error.latest of no_policy_in_force → the notice offering that policy. */
function noPolicyView(error, programTitle, date) {
  var latest = error.latest || null;
  var view = {
    text: '今天（' + date + '）没有正在执行的' + (programTitle || '') + '政策。',
    latestId: '',
    latest: '',
    offer: '',
    aria: '',
  };
  if (latest) {
    var period = periodText(latest.valid_from, latest.valid_to);
    view.latestId = latest.id;
    view.latest = '最近的一份是 ' + latest.doc_no + (latest.title ? '《' + latest.title + '》' : '') +
      (period ? '，执行期 ' + period : '') + '。';
    view.offer = '按这份政策估算（仅供参考）';
  }
  view.aria = view.text + view.latest;
  return view;
}

module.exports = {
  asciiNumber: asciiNumber,
  answerValue: answerValue,
  yuanText: yuanText,
  today: today,
  isBlank: isBlank,
  factsFrom: factsFrom,
  buildRequest: buildRequest,
  factOfPath: factOfPath,
  regionList: regionList,
  jurisdictions: jurisdictions,
  policyOptions: policyOptions,
  policyLabel: policyLabel,
  controlOf: controlOf,
  questionViews: questionViews,
  resultView: resultView,
  noPolicyView: noPolicyView,
  citeText: citeText,
};
