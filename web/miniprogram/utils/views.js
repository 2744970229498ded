// WXML data for the journey page, made from the shared front-end layer
// (shared/uie-front.js, copied unchanged from web/shared/ by build/build.js).
// What is WeChat's own lives here and nothing else: WXML cannot call
// functions, so every text a template shows is computed here, and native
// controls speak in strings (an option travels as its index). Typing → value,
// the controls, the verdict, reasons, amounts, answer summary and policy
// lines are the shared layer's; the page's own few words are below.
// No rule lives here.
'use strict';

var F = require('../shared/uie-front.js');

// The mini-program is Chinese only: the shared layer has English words, but
// the pages have no language switch (and the engine's sentences are Chinese).
var LANG = 'zh';

var WORDS = {
  source: '依据',
  change: function (label) { return '修改「' + label + '」'; },
  answer: function (label) { return '回答「' + label + '」'; },
  whatifLead: '怎样才能符合：',
  amountCap: '这是政策规定的上限，实际标准由当地确定。',
  amountLocal: '金额由当地规定，见下方说明。',
  // 失业保险金: a monthly amount over its months, not a lump sum.
  perMonth: function (yuan, decided) { return (decided ? '每月 ' : '如果符合条件，每月 ') + yuan; },
  total: function (months, yuan) { return '合计 ' + months + ' 个月，共 ' + yuan; },
  totalCap: function (months, yuan) { return '最长 ' + months + ' 个月，最多共 ' + yuan; },
  monthsCap: '这是国家规定的最长期限，省里可以规定更短的期限，以经办机构核定为准。',
  standardYours: '按您填写的当地月标准计算。',
  candidates: '企业规模未定，两种情况的金额：',
  draft: '征求意见稿（草案）：尚未正式施行，结果仅供参考。',
  notInForce: function (to) {
    return '这份政策' + (to ? '已于 ' + to + ' 到期' : '在申请日期不适用') + '，以下按它估算，仅供参考。';
  },
  noPolicy: function (date, place, program) {
    return date + '，' + place + '没有正在执行的「' + program + '」政策。';
  },
  latestIs: '最近的一份是：',
  useLatest: '按这份政策估算（仅供参考）',
  wholeProvince: '全省 / 不选城市',
  result: '测算结果',
};

// The shared layer's control kinds → the native component the page uses.
var NATIVE = { radio: 'radio', yesno: 'radio', checkbox: 'checkbox', date: 'date',
               money: 'input', months: 'input', number: 'input', text: 'input' };

function citeLine(cite) {
  var c = F.citeView(cite);
  return c ? c.where + (c.quote ? '：“' + c.quote + '”' : '') : '';
}

/**
 * One question as the page draws it. entry: { draft, error, note, focus },
 * where draft is what was entered: typed text, or for choices the option's
 * value (radio) or the values ticked (check boxes).
 */
function questionView(q, questions, entry) {
  var e = entry || {};
  var c = F.controlOf(q, questions);
  var draft = e.draft;
  var picked = function (v) { return Array.isArray(draft) ? draft.indexOf(v) >= 0 : draft === v; };
  var typed = draft === undefined || draft === null ? '' : typeof draft === 'string' ? draft : F.inputText(q, draft);
  return {
    fact: q.fact,
    label: q.label,
    unit: F.unitText(q.unit, LANG, 2),
    help: q.help || '',
    cite: citeLine(q.cite),
    // needed: the engine lists it in `missing` (separation_reason is optional as a fact, but asked).
    required: q.required !== false || e.needed === true,
    kind: c.kind,
    control: NATIVE[c.kind] || 'input',
    // A numeric keypad only where nothing but digits is expected; money
    // (万, 元) and months (年) are typed on the full keyboard.
    inputType: c.keyboard === 'numeric' ? 'number' : 'text',
    options: c.options.map(function (o, i) {
      return { index: String(i), label: F.optionLabel(o, LANG), checked: picked(o.value) };
    }),
    value: c.options.length ? '' : typed,
    error: e.error || '',
    note: e.note || '',
    focus: e.focus === true,
  };
}

/**
 * A native control's event value → what was entered (the draft): the
 * option's value for a radio (its index arrives), the values ticked, in
 * the options' order, for check boxes, the text for inputs and date pickers.
 */
function entered(q, questions, value) {
  var c = F.controlOf(q, questions);
  if (c.kind === 'checkbox') {
    var ticked = (Array.isArray(value) ? value : []).map(Number);
    return c.options.filter(function (o, i) { return ticked.indexOf(i) >= 0; }).map(function (o) { return o.value; });
  }
  if (c.options.length) {
    var o = c.options[Number(value)];
    return o ? o.value : undefined;
  }
  return value === undefined || value === null ? '' : String(value);
}

/** A draft → the contract value, or the plain error with an example (shared layer). */
function parse(q, questions, draft) {
  return F.parseAnswer(q, draft, { lang: LANG, questions: questions });
}

function amountView(a) {
  if (!a) return null;
  var none = { text: '', wan: '', total: '', note: '', items: [], ask: null };
  if (a.kind === 'fen') return Object.assign(none, { kind: 'fen', text: a.yuan, wan: a.wan || '', note: a.cap ? WORDS.amountCap : '' });
  if (a.kind === 'candidates') {
    return Object.assign(none, {
      kind: 'candidates', note: WORDS.candidates,
      items: a.items.map(function (i) { return { value: i.value, text: i.label + '：' + i.yuan + (i.wan ? '（' + i.wan + '）' : '') }; }),
    });
  }
  if (a.kind === 'monthly') {
    var total = a.months !== null && a.total ? (a.cap ? WORDS.totalCap : WORDS.total)(a.months, a.total.yuan) +
      (a.total.wan ? '（' + a.total.wan + '）' : '') : '';
    var notes = [total && a.cap ? WORDS.monthsCap : '', a.source === 'fact' ? WORDS.standardYours : ''];
    return Object.assign(none, { kind: 'monthly', text: WORDS.perMonth(a.perMonth.yuan, a.decided), total: total,
                                 note: notes.filter(Boolean).join('') });
  }
  return Object.assign(none, { kind: 'local', note: WORDS.amountLocal, ask: a.ask ? linkTo(a.ask.fact, a.ask.label, WORDS.answer) : null });
}

function linkTo(fact, label, words) {
  return label ? { fact: fact, text: words(label) } : null;
}

/**
 * A successful response → the result card, in reading order: the verdict,
 * the amount, the reasons (✗ then ?) each with its what-ifs and the
 * questions to change or answer, the other what-ifs, the extra figures, the
 * answers with an edit link each (and the optional questions not answered),
 * then the full cited list, the notes and the policy.
 *   ctx: { questions, facts, open: optional facts not answered, where }
 */
function resultCard(res, ctx) {
  var questions = ctx.questions || [];
  var v = F.resultView(res, { questions: questions, lang: LANG });
  var reasons = v.reasons.map(function (r) {
    return {
      id: r.id, state: r.state, mark: r.mark, text: r.text, aria: r.word + '：' + r.text,
      whatifs: r.whatifs.map(function (w) {
        return { text: w.text, link: linkTo(w.fact, w.label, WORDS.change) };
      }),
      links: r.links.map(function (l) {
        return linkTo(l.fact, l.label, l.kind === 'answer' ? WORDS.answer : WORDS.change);
      }).filter(Boolean),
    };
  });
  var rows = F.answerSummary(questions, ctx.facts || {}, LANG, ctx.open || []);
  var amount = amountView(v.amount);
  var p = v.policy;
  var aria = WORDS.result + '：' + v.verdict.text + (amount && amount.text ? '，' + amount.text : '') +
    (amount && amount.total ? '，' + amount.total : '');
  return {
    state: v.verdict.state,
    mark: v.verdict.mark,
    verdict: v.verdict.text,
    where: ctx.where || '',
    draft: v.draft ? WORDS.draft : '',
    expired: v.inForce ? '' : WORDS.notInForce(res.policy && res.policy.valid_to),
    amount: amount,
    reasons: reasons,
    whatif: v.whatif.map(function (w) { return { text: w.text, link: linkTo(w.fact, w.label, WORDS.change) }; }),
    extra: v.extra,
    answers: rows.filter(function (r) { return !r.skipped; }),
    open: rows.filter(function (r) { return r.skipped; }),
    conditions: v.conditions.map(function (c) {
      return { id: c.id, state: c.state, mark: c.mark, text: c.text, cite: citeLine(c.cite), aria: c.word + '：' + c.text };
    }),
    notes: v.notes,
    policy: p ? p.docNo + (p.title ? '《' + p.title + '》' : '') + (p.validity ? '（' + p.validity + '）' : '') : '',
    chain: p ? p.chain : '',
    aria: aria,
  };
}

/** The notice when no policy is in force on the date: the engine's latest one, offered. */
function noPolicyView(offer, date, place, programTitle) {
  var text = WORDS.noPolicy(date, place, programTitle);
  var latest = WORDS.latestIs + offer.docNo + (offer.title ? '《' + offer.title + '》' : '') +
    (offer.validity ? '，' + offer.validity : '') + '。';
  return { text: text, latest: latest, draft: offer.draft ? WORDS.draft : '', offer: WORDS.useLatest, id: offer.id, aria: text + latest };
}

/**
 * The two region pickers: the provinces, and (when the province has cities
 * with rules of their own) its cities after "全省", with the note that any
 * other city takes the whole province.
 */
function regionPickers(catalog, province, city) {
  var regions = (catalog && catalog.regions) || [];
  var provinceIndex = 0;
  for (var i = 0; i < regions.length; i++) if (regions[i].code === province) provinceIndex = i;
  var choice = F.cityChoices(catalog, province, LANG);
  var cityIndex = 0;
  for (var j = 0; j < choice.cities.length; j++) if (choice.cities[j].code === city) cityIndex = j + 1;
  return {
    provinces: regions.map(function (r) { return r.code; }),
    cities: [''].concat(choice.cities.map(function (c) { return c.code; })),
    data: {
      provinceLabels: regions.map(function (r) { return F.regionName(catalog, r.code, LANG); }),
      provinceIndex: provinceIndex,
      cityLabels: choice.cities.length ? [WORDS.wholeProvince].concat(choice.cities.map(function (c) { return c.name; })) : [],
      cityIndex: cityIndex,
      cityNote: choice.note || '',
    },
  };
}

module.exports = {
  F: F,
  LANG: LANG,
  WORDS: WORDS,
  citeLine: citeLine,
  questionView: questionView,
  entered: entered,
  parse: parse,
  resultCard: resultCard,
  noPolicyView: noPolicyView,
  regionPickers: regionPickers,
};
