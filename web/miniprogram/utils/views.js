// WXML data for the journey page, made from the shared front-end layer
// (shared/uie-front.js and shared/journey.js, copied unchanged from
// web/shared/ by build/build.js).
// What is WeChat's own lives here and nothing else: WXML cannot call
// functions, so every text a template shows is computed here, and native
// controls speak in strings (an option travels as its index). Typing → value,
// the controls, the verdict, reasons, amounts, answer summary and policy
// lines are the shared layer's; the page's own few words are below.
// No rule lives here.
'use strict';

var F = require('../shared/uie-front.js');
var J = require('../shared/journey.js');
var C = require('../shared/uie-compare.js');

// The mini-program is Chinese only: the shared layer has English words, but
// the pages have no language switch (and the engine's sentences are Chinese).
var LANG = 'zh';

// The words every front end shows alike are the shared layer's (F.words().say),
// so this page and the web page cannot drift apart; the few below are its own.
var SAY = F.words(LANG).say;
var WORDS = {
  source: '依据',
  change: SAY.changeThis,
  answerThis: SAY.answerThis,
  stillToAnswer: SAY.stillToAnswer,
  recheck: '申请日期换了年份，请按新的年份确认这一项。',
  whatifLead: SAY.whatifLead,
  amountCap: '这是政策规定的上限，实际标准由当地确定。',
  amountLocal: SAY.amountLocal,
  // 失业保险金: a monthly amount over its months, not a lump sum.
  perMonth: function (yuan, decided) {
    return SAY.perMonth(decided).map(function (x) { return x === null ? yuan : x; }).join('');
  },
  total: function (months, yuan) { return SAY.total(months + ' 个月', yuan); },
  totalCap: function (months, yuan) { return SAY.totalCap(months + ' 个月', yuan); },
  monthsCap: SAY.monthsCapNote,
  standardYours: SAY.standardYours,
  candidates: SAY.candidates,
  draft: SAY.draft,
  notInForce: SAY.notInForce,
  noPolicy: function (date, place, program) { return SAY.noPolicyText(place, date, program); },
  latestIs: SAY.latestIs,
  useLatest: SAY.useLatest,
  wholeProvince: SAY.wholeProvince,
  result: '测算结果',
};

// The shared layer's control kinds → the native component the page uses.
// A month (出生年月) is a month picker, as WeChat apps ask for it: 'YYYY-MM'.
var NATIVE = { radio: 'radio', yesno: 'radio', checkbox: 'checkbox', date: 'date', month: 'month',
               money: 'input', months: 'input', number: 'input', text: 'input' };

function citeLine(cite) {
  var c = F.citeView(cite);
  return c ? c.where + (c.quote ? '：“' + c.quote + '”' : '') : '';
}

/**
 * One question as the page draws it. entry: { draft, error, note, focus,
 * needed, recheck, date }, where draft is what was entered: typed text, or
 * for choices the option's value (radio) or the values ticked (check
 * boxes); date dates a label that says 上年 ("上年末（2025年末）…"); recheck:
 * the year changed, the answer is to be confirmed.
 */
function questionView(q, questions, entry) {
  var e = entry || {};
  var c = F.controlOf(q, questions);
  var draft = e.draft;
  var picked = function (v) { return Array.isArray(draft) ? draft.indexOf(v) >= 0 : draft === v; };
  var typed = draft === undefined || draft === null ? '' : typeof draft === 'string' ? draft : F.inputText(q, draft);
  return {
    fact: q.fact,
    label: J.datedLabel(q, e.date, LANG),
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
    recheck: e.recheck === true ? WORDS.recheck : '',
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
  return Object.assign(none, { kind: 'local', note: WORDS.amountLocal, ask: a.ask ? linkTo(a.ask.fact, a.ask.label, WORDS.answerThis) : null });
}

function linkTo(fact, label, words) {
  return label ? { fact: fact, text: words(label) } : null;
}

/**
 * A successful response → the result card, in reading order: the verdict,
 * the amount, the reasons (✗ then ?) each with its what-ifs and the
 * questions to change, the questions still to answer (each once), the
 * other what-ifs, the extra figures (with the questions a figure not
 * computed needs), the answers with an edit link each (and the optional
 * questions not answered), then the full cited list, the notes and the
 * policy. Everything shown is the shared layer's view: a verdict under a
 * policy not in force on the date names its year (state 'other'), and a
 * verdict of not eligible comes with no entitlement figures.
 *   ctx: { questions, facts, open: optional facts not answered, where, date }
 */
function resultCard(res, ctx) {
  var questions = ctx.questions || [];
  var facts = ctx.facts || {};
  // Labels that say 上年 name the year in the reasons' links and the questions still to answer too.
  var v = F.resultView(res, { questions: J.datedQuestions(questions, ctx.date), lang: LANG, date: ctx.date, facts: ctx.facts });
  var labelOf = function (fact) {
    var q = questions.find(function (x) { return x.fact === fact; });
    return q ? J.datedLabel(q, ctx.date, LANG) : null;
  };
  var reasons = v.reasons.map(function (r) {
    return {
      id: r.id, state: r.state, mark: r.mark, text: r.text, aria: r.word + '：' + r.text,
      whatifs: r.whatifs.map(function (w) {
        return { text: w.text, link: linkTo(w.fact, w.label, WORDS.change) };
      }),
      // The questions to answer are offered once, below the reasons (asks).
      links: r.links.filter(function (l) { return l.kind !== 'answer'; }).map(function (l) {
        return linkTo(l.fact, l.label, WORDS.change);
      }).filter(Boolean),
    };
  });
  var rows = F.answerSummary(questions, facts, LANG, ctx.open || []).map(function (r) {
    return Object.assign({}, r, { label: labelOf(r.fact) || r.label });
  });
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
    expired: v.inForce ? '' : WORDS.notInForce(res.policy && res.policy.valid_to, res.policy && res.policy.valid_from, ctx.date),
    amount: amount,
    reasons: reasons,
    asks: v.asks.map(function (a) { return linkTo(a.fact, a.label, WORDS.answerThis); }),
    asksLead: WORDS.stillToAnswer,
    whatif: v.whatif.map(function (w) { return { text: w.text, link: linkTo(w.fact, w.label, WORDS.change) }; }),
    extra: v.extra.map(function (x) {
      // A figure not computed (the extension to retirement without the age): a link to each question it needs, not yet answered.
      var asks = (x.ask || []).filter(function (f) { return !(f in facts); })
        .map(function (f) { return linkTo(f, labelOf(f), WORDS.answerThis); }).filter(Boolean);
      return { key: x.key, label: x.label, text: x.text, asks: asks };
    }),
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
/**
 * The comparison (与往年比较) as the page draws it: the shared layer's view
 * (shared/uie-compare.js, the web page's too) in strings WXML can show.
 * cmp: Estimator#compare's response; questions: the facts' labels.
 */
function comparisonCard(cmp, questions) {
  var v = C.compareView(cmp, { lang: LANG, questions: questions || [] });
  return {
    columns: v.columns.map(function (c, i) {
      return {
        index: i,
        head: c.head,
        docNo: c.docNo,
        asOf: c.asOf,
        current: c.current,
        state: c.verdict.state,
        verdict: c.error || (c.verdict.mark + ' ' + c.verdict.text),
        amount: c.amount,
        rate: c.rate ? v.words.rate + ' ' + c.rate : '',
        missing: c.missing.length ? v.words.missing(c.missing.map(function (m) { return m.label; }).join(v.words.list)) : '',
      };
    }),
    differences: v.differences.map(function (d, i) { return { index: i, text: d.text, cite: citeLine(d.cite) }; }),
    same: v.same || '',
  };
}

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
  J: J,
  LANG: LANG,
  WORDS: WORDS,
  citeLine: citeLine,
  questionView: questionView,
  entered: entered,
  parse: parse,
  resultCard: resultCard,
  comparisonCard: comparisonCard,
  noPolicyView: noPolicyView,
  regionPickers: regionPickers,
};
