/*
 * What the engine answers → what people read: requests and errors, regions,
 * the result view (verdict, amount, reasons, what is still to answer, the
 * cited conditions), the policy lines, the answer summary (share links: uie-share.js).
 * Part of UieFront (uie-front.js); global UieViews.
 * Same hosts and rules as every file of web/shared/ (see uie-front.js): a
 * plain script, global in a page or Worker, require() in Node and the
 * mini-program; no DOM, no Node APIs, ES2017, no eval.
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-words.js'), require('./uie-answers.js'));
  else root.UieViews = define(root.UieWords, root.UieAnswers);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (W, A) {
  'use strict';

  const { WORDS, moneyText, unitText, words } = W;
  const { exampleInteger, isMonths, optionLabel, optionsOf, plain, valueText } = A;

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
   * ctx: { questions, lang, date, facts }: with `facts` (the answers
   * given), a ✗ reason links only to answers the person gave: a fact the
   * engine derived from another answer (非因本人意愿 from how the job ended)
   * is changed through that answer, not beside it.
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
    const given = (f) => !c.facts || Object.prototype.hasOwnProperty.call(c.facts, f);
    const whatifs = (res.whatif || []).map((h) => Object.assign({}, h, { label: given(h.fact) ? labelOf(h.fact) : null }));
    const reasons = conditions.filter((x) => x.state === 'fail').concat(conditions.filter((x) => x.state === 'unknown'))
      .map((x) => {
        const own = whatifs.filter((h) => h.condition === x.id);
        // The questions to answer (?) or change (✗) that no what-if of the reason links already.
        const kind = x.state === 'unknown' ? 'answer' : 'change';
        const links = x.facts.filter((f) => !own.some((h) => h.fact === f && h.label) && (kind === 'answer' || given(f)))
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
    // The policy's year: the one it ended in, or, for a date before it, the one it begins in.
    const asked = yearOf(c.date);
    const fromYear = yearOf(p.valid_from);
    const policyYear = p.in_force === false ? (asked && fromYear && asked < fromYear ? fromYear : yearOf(p.valid_to) || fromYear) : null;
    const verdict = { state: verdictState, mark: verdictState === 'yes' ? '✓' : verdictState === 'no' ? '✗' : '?',
                      text: w.verdict[verdictState] };
    if (policyYear) {
      verdict.text = w.otherYear(policyYear, verdict.text, asked);
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
   * Where a citation stands in the rules library (the site's rules/ pages,
   * written at build time by scripts/rules-browser.mjs with this same function):
   * FNV-1a 32-bit over the UTF-8 of doc_no, clause and quote joined by U+0001,
   * as 8 hex digits. The same cite always lands on the same element id (q-…).
   */
  function citeAnchor(cite) {
    const text = [cite.doc_no || '', cite.clause || '', cite.quote || ''].join('\u0001');
    let hash = 0x811c9dc5;
    for (const b of utf8Bytes(text)) hash = Math.imul(hash ^ b, 0x01000193);
    return ('0000000' + (hash >>> 0).toString(16)).slice(-8);
  }

  /** The rules library's place of a cite on its policy's page; English pages are under rules/en/. */
  function citeHref(policyId, cite, lang) {
    return `rules/${lang === 'en' ? 'en/' : ''}${policyId}.html#q-${citeAnchor(cite)}`;
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

  // UTF-8 by hand: the mini-program's JS has no TextEncoder (citeAnchor; the share links of uie-share.js).
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

  return {
    hintFor, buildRequest, engineOptions, factOfPath, plainMessage, responseError, regionOf, regionName,
    cityChoices, conditionFacts, resultView, policyView, policyState, citeView, citeAnchor, citeHref, policyChoices,
    answerSummary, utf8Bytes,
  };
});
