/*
 * The journey of one estimate, shared by every front end (the web page in
 * all its modes and the WeChat mini-program): plain state and pure
 * transitions, in the shape of Publicodes' form builder. A host only draws
 * the state and calls these; none of them holds a rule.
 *
 * A transition returns a new state and never calls the engine. When the
 * state needs the engine, `need` says which call ('questions' or
 * 'estimate') and `requestOf(state)` gives its request; the host makes the
 * call and hands the answer to `received`. So every host runs the same loop:
 *
 *   while (s.need) s = J.received(s, await engine[s.need](J.requestOf(s), opts));
 *
 * Screens: 'who' (which program) · 'where' (region and date) · 'nopolicy'
 * (none in force on the date: the latest is offered) · 'question' (one
 * question; `current`) · 'form' (every question at once, the mini-program)
 * · 'result'. `error` is { where: 'fact'|'where'|'screen', fact?, message,
 * original? }.
 *
 * What to ask next comes from the engine's `missing`, then the answers a
 * changed year made stale (`recheck`), then `optional_missing`, the facts
 * that decide the months or the amount first (`PRIORITY`).
 *
 * Same hosts and syntax rules as uie-front.js (ES2017, no DOM, no Node APIs).
 * Tests: tests/js/journey.test.mjs.
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-front.js'));
  else root.UieJourney = define(root.UieFront);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (F) {
  'use strict';

  /** @typedef {import('uie-estimator-api').EstimateResponse} EstimateResponse */
  /** @typedef {import('uie-estimator-api').QuestionsResponse} QuestionsResponse */
  /** @typedef {import('uie-estimator-api').EstimateOk} EstimateOk */
  /** @typedef {import('uie-estimator-api').EstimateRequest} EstimateRequest */

  // Optional facts that decide how many months or how much, asked before the
  // generic yes/no checks (重新就业, 服兵役 …) that rarely change a result.
  const PRIORITY = ['benefit_months_used', 'birth_month', 'retirement_group', 'months_to_retirement'];

  // A label that speaks of "last year" (上年末, 上年度): its meaning moves with the date.
  const LAST_YEAR = /上年/;

  const copy = (o) => Object.assign({}, o);
  const without = (list, x) => list.filter((y) => y !== x);
  const added = (list, x) => (list.indexOf(x) >= 0 ? list : list.concat([x]));

  /**
   * A fresh journey. opts: { program, province, city, date }; with a program
   * it starts at 'where', else at 'who'.
   */
  function start(opts) {
    const o = opts || {};
    return {
      form: o.form === true, // every question at once (the mini-program), not one per screen
      screen: o.program ? 'where' : 'who',
      program: o.program || null,
      province: o.province || '',
      city: o.city || '',
      date: o.date || F.today(),
      policy: null,          // an explicit policy id (the person chose the latest one)
      policyInfo: null,      // the policy the questions are under (or the one offered)
      questions: [],
      facts: {},
      drafts: {},            // per fact: what was typed or ticked, as entered
      notes: {},             // per fact: what a typed text became ("18年 = 216 个月")
      asked: [],             // facts in the order the person saw them
      skipped: [],
      recheck: [],           // answers to confirm again: their meaning moved with the year
      current: null,
      editing: false,        // a question opened from the result: its answer goes back there
      rescoping: false,      // the place or date changed from the result: the result's date
      settled: false,        // skip what is optional at the next answer (a share link, an edit, "skip the rest")
      result: null,
      error: null,
      notice: null,
      need: null,
    };
  }

  const regionOf = (s) => s.city || s.province;

  /**
   * The request of the engine call `s.need` names.
   * @returns {EstimateRequest}
   */
  function requestOf(s) {
    const facts = s.need === 'questions' ? {} : s.facts;
    return F.buildRequest({ region: regionOf(s), date: s.date, program: s.program, facts, policy: s.policy });
  }

  const questionOf = (s, fact) => s.questions.find((q) => q.fact === fact) || null;

  /** The program chosen on 'who': the same one again keeps its answers. */
  function chooseProgram(s, id) {
    if (id === s.program) return Object.assign(copy(s), { screen: 'where', error: null, notice: null });
    return start({ program: id, province: s.province, city: s.city, date: s.date });
  }

  /**
   * Region and date given on 'where' (an empty city: the whole province).
   * From the result (`rescoping`), the answers stay; those whose meaning
   * depends on the year are asked again when the year moved.
   */
  function setWhere(s, where, words) {
    const w = words || {};
    const next = Object.assign(copy(s), { province: where.province || '', city: where.city || '', date: where.date || '' });
    if (!next.province) return Object.assign(next, { screen: 'where', error: { where: 'where', message: w.needProvince || '' } });
    if (!next.date) return Object.assign(next, { screen: 'where', error: { where: 'where', message: w.needDate || '' } });
    next.error = null;
    next.notice = null;
    next.policy = null;
    // (`rescoping` holds the date of the result: a host may have kept the typed date in the state meanwhile.)
    if (s.rescoping && yearOf(s.rescoping) !== yearOf(next.date)) {
      next.recheck = Object.keys(s.facts).filter((f) => LAST_YEAR.test((questionOf(s, f) || {}).label || ''));
    }
    next.need = 'questions';
    return next;
  }

  /** From the result: back to 'where' to change the place or the date, keeping every answer. */
  function rescope(s) {
    return Object.assign(copy(s), { screen: 'where', rescoping: s.date, editing: false, error: null, notice: null });
  }

  /** A policy chosen in a picker ('' or null: the one in force on the date, the engine's choice). */
  function choosePolicy(s, id) {
    return Object.assign(copy(s), { policy: id || null, error: null, need: 'questions' });
  }

  /** The latest policy, offered on 'nopolicy', chosen. */
  function useLatest(s) {
    if (!s.policyInfo) return s;
    return Object.assign(copy(s), { policy: s.policyInfo.id, error: null, need: 'questions' });
  }

  /**
   * The engine's answer to the call `s.need` asked for.
   * @param {object} s
   * @param {EstimateResponse | QuestionsResponse} res
   * @param {string} [lang]
   */
  function received(s, res, lang) {
    const need = s.need;
    const next = Object.assign(copy(s), { need: null });
    if (!res || res.ok !== true) return failed(next, res && 'error' in res && res.error ? res.error : {}, lang);
    if (need === 'questions' && 'questions' in res) {
      next.questions = res.questions || [];
      next.policyInfo = res.policy || null;
      if (res.in_force === false && !next.policy) return Object.assign(next, { screen: 'nopolicy', error: null });
      next.need = 'estimate';
      return next;
    }
    return 'conditions' in res && 'eligible' in res ? estimated(next, res) : failed(next, {}, lang);
  }

  function failed(s, error, lang) {
    const shown = F.responseError(error, s.questions, lang);
    if (shown.where === 'nopolicy' && shown.latest) {
      return Object.assign(s, { policyInfo: shown.latest, error: null, screen: 'nopolicy' });
    }
    // At the question it names: a form shows it among the others, unless one question is open (an edit).
    if (shown.where === 'fact') {
      return Object.assign(s, { error: shown, current: shown.fact, screen: s.form && s.screen !== 'question' ? 'form' : 'question' });
    }
    if (shown.where === 'where') return Object.assign(s, { policy: null, error: shown, screen: 'where' });
    return Object.assign(s, { error: { where: 'screen', message: shown.message || '' } });
  }

  /** The optional facts in asking order: what decides months or money first, then the engine's order. */
  function optionalOrder(list) {
    const rank = (f) => (PRIORITY.indexOf(f) >= 0 ? PRIORITY.indexOf(f) : PRIORITY.length);
    return list.map((f, i) => [f, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map((x) => x[0]);
  }

  /**
   * What to ask next for this answer, or null: the result.
   * @param {EstimateOk} res
   */
  function nextFact(s, res) {
    if (res.missing && res.missing.length) return res.missing[0];
    const again = s.recheck.find((f) => questionOf(s, f));
    if (again) return again;
    return optionalOrder(res.optional_missing || []).find((f) => s.skipped.indexOf(f) < 0) || null;
  }

  /** @param {EstimateOk} res */
  function estimated(s, res) {
    s.result = res;
    s.error = null;
    // A shared result, one answer changed from the result, or the rest
    // skipped: what is still optional stays unanswered (the result lists it,
    // to answer from there).
    if (s.editing || s.settled) {
      s.skipped = s.skipped.concat((res.optional_missing || []).filter((f) => s.skipped.indexOf(f) < 0));
      s.settled = false;
    }
    s.editing = false;
    s.rescoping = false;
    if (s.form) {
      // A form shows its result once everything it needs is answered and the person asked for it.
      s.screen = s.submitted && !(res.missing || []).length ? 'result' : 'form';
      s.submitted = false;
      return s;
    }
    const next = nextFact(s, res);
    if (next) {
      s.current = next;
      s.screen = 'question';
      // A re-asked answer starts from what was given for the other year.
      if (s.recheck.indexOf(next) >= 0 && s.drafts[next] === undefined && s.facts[next] !== undefined) {
        s.drafts = Object.assign(copy(s.drafts), { [next]: s.facts[next] });
      }
    } else {
      s.screen = 'result';
    }
    return s;
  }

  /**
   * Whether the question on screen must be answered now: required by the
   * rules, or listed in the engine's `missing` (separation_reason is
   * optional as a fact, but the verdict waits for it), or to be confirmed
   * again for another year.
   */
  function isRequired(s, fact) {
    const q = questionOf(s, fact);
    return !q || q.required !== false || Boolean(s.result && s.result.missing.indexOf(fact) >= 0) || s.recheck.indexOf(fact) >= 0;
  }

  function forget(s, fact) {
    const drafts = copy(s.drafts);
    const notes = copy(s.notes);
    const facts = copy(s.facts);
    delete drafts[fact];
    delete notes[fact];
    delete facts[fact];
    return Object.assign(s, { drafts, notes, facts });
  }

  /** What was typed or ticked for a question, kept as entered (a redraw, a language switch). */
  function draft(s, fact, raw) {
    return Object.assign(copy(s), { drafts: Object.assign(copy(s.drafts), { [fact]: raw }) });
  }

  /**
   * An answer to the question `fact`: read by the shared layer; a wrong one
   * stays as typed with its message; an emptied optional one is a skip.
   */
  function answer(s, fact, raw, lang) {
    const q = questionOf(s, fact) || { fact, type: 'string', label: fact, required: true };
    const parsed = F.parseAnswer(q, raw, { lang, questions: s.questions });
    let next = Object.assign(copy(s), { notice: null });
    if (parsed.empty) {
      // An emptied field is empty: nothing typed before comes back.
      next = forget(next, fact);
      if (isRequired(s, fact)) return Object.assign(next, { error: { where: 'fact', fact, message: F.words(lang).errors.required } });
      return skip(next, fact);
    }
    next.drafts = Object.assign(copy(s.drafts), { [fact]: raw });
    if (!parsed.ok) return Object.assign(next, { error: { where: 'fact', fact, message: parsed.message } });
    next.facts = Object.assign(copy(s.facts), { [fact]: parsed.value });
    next.notes = Object.assign(copy(s.notes), { [fact]: parsed.note || '' });
    next.skipped = without(s.skipped, fact);
    next.recheck = without(s.recheck, fact);
    next.asked = added(s.asked, fact);
    next.error = null;
    next.need = 'estimate';
    return next;
  }

  /** An optional question left unanswered. */
  function skip(s, fact) {
    const next = forget(copy(s), fact);
    return Object.assign(next, { skipped: added(s.skipped, fact), recheck: without(s.recheck, fact),
                                 asked: added(s.asked, fact), error: null, need: 'estimate' });
  }

  /** Every optional question left: straight to the result (they stay listed there, to answer). */
  function skipRest(s, fact) {
    const next = skip(s, fact);
    next.settled = true;
    return next;
  }

  /** One question opened from the result: its answer leads straight back there. */
  function edit(s, fact) {
    return Object.assign(copy(s), { screen: 'question', current: fact, editing: true, error: null, notice: null,
                                    skipped: without(s.skipped, fact) });
  }

  /**
   * The question before this one, for a host without history entries (or
   * a share link's first entry): the previously asked question, else 'where'.
   */
  function back(s) {
    const i = s.screen === 'question' ? s.asked.indexOf(s.current) : s.asked.length;
    const prev = (i === -1 ? s.asked.length : i) - 1;
    if (prev < 0) return Object.assign(copy(s), { screen: 'where', error: null });
    return Object.assign(copy(s), { screen: 'question', current: s.asked[prev], error: null });
  }

  /**
   * A share link's inputs ({ region, date, program, facts, policy }, already
   * decoded; province and city from F.regionOf): straight to its result,
   * the optional questions left for the result to offer.
   */
  function fromShare(shared, where, notice) {
    const s = start({ program: shared.program, province: where.province, city: where.city, date: shared.date });
    return Object.assign(s, { facts: Object.assign({}, shared.facts), policy: shared.policy || null,
                              asked: Object.keys(shared.facts || {}), settled: true, notice: notice || null,
                              screen: 'question', need: 'questions' });
  }

  // ---------------------------------------------------------------- all questions at once

  /**
   * The questions a form shows (the mini-program): those the engine still
   * needs, those answered or being answered, those with an error, those to
   * confirm again.
   */
  function formFacts(s, errors) {
    const e = errors || {};
    const missing = (s.result && s.result.missing) || [];
    return s.questions.filter((q) => {
      const f = q.fact;
      const entered = s.drafts[f] !== undefined && s.drafts[f] !== '';
      return entered || e[f] || missing.indexOf(f) >= 0 || s.recheck.indexOf(f) >= 0;
    }).map((q) => q.fact);
  }

  /**
   * Every draft of a form read at once: { state, errors } where errors maps
   * a fact to its message. Without errors the state asks for an estimate.
   */
  function answerAll(s, lang) {
    const errors = {};
    const facts = {};
    const drafts = copy(s.drafts);
    const notes = copy(s.notes);
    for (const q of s.questions) {
      const raw = drafts[q.fact];
      if (raw === undefined) continue;
      const r = F.parseAnswer(q, raw, { lang, questions: s.questions });
      if (r.empty) {
        delete drafts[q.fact];
        delete notes[q.fact];
        continue;
      }
      if (!r.ok) {
        errors[q.fact] = r.message;
        continue;
      }
      facts[q.fact] = r.value;
      notes[q.fact] = r.note || '';
    }
    const next = Object.assign(copy(s), { drafts, notes, error: null });
    if (Object.keys(errors).length) return { state: next, errors };
    next.submitted = true;
    next.facts = facts;
    // Every field was read: what was to be confirmed again has been, or was emptied.
    next.recheck = s.recheck.filter((f) => s.drafts[f] === undefined && facts[f] === undefined);
    next.need = 'estimate';
    return { state: next, errors };
  }

  // ---------------------------------------------------------------- words that move with the date

  function yearOf(date) {
    const m = /^(\d{4})/.exec(String(date || ''));
    return m ? Number(m[1]) : null;
  }

  /**
   * A question's label as the person should read it on this date:
   * "上年末单位参保人数" asked on 2026-03-01 reads "上年末（2025年末）单位参保人数",
   * so nobody answers for the wrong year.
   */
  function datedLabel(q, date, lang) {
    const zh = String((q && q.label) || '');
    const text = lang === 'en' ? String((q && (q.label_en || q.label)) || '') : zh;
    const y = yearOf(date);
    if (!y || !LAST_YEAR.test(zh)) return text;
    if (lang === 'en') return `${text} (${y - 1})`;
    return text.replace(/上年(末|度)?/, (all, tail) => `${all}（${y - 1}年${tail || ''}）`);
  }

  /** The questions with their labels dated (datedLabel), for every view that names them. */
  function datedQuestions(questions, date) {
    return (questions || []).map((q) => (LAST_YEAR.test(q.label || '')
      ? Object.assign(copy(q), { label: datedLabel(q, date, 'zh'), label_en: datedLabel(q, date, 'en'), undated: q.label }) : q));
  }

  return {
    PRIORITY, start, datedQuestions, choosePolicy, requestOf, chooseProgram, setWhere, rescope, useLatest, received, nextFact, optionalOrder,
    isRequired, draft, answer, skip, skipRest, edit, back, fromShare, formFacts, answerAll, yearOf, datedLabel,
  };
});
