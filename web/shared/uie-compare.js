/*
 * The comparison (Estimator#compare: the same facts under every policy of a
 * program the region has had, and the variants the current one allows) as
 * people read it, for every host: the page's comparison panel and the
 * mini-program draw the same view. Loaded only when a comparison is opened
 * (the page adds it with its panel), after uie-front.js.
 *
 * One plain script, like the rest of the shared layer (ES2017, no modules,
 * no DOM): <script> or importScripts() → global `UieCompare`; require() →
 * module.exports. Tests: tests/js/shared-compare.test.mjs.
 */
(function (/** @type {any} */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-front.js'));
  else root.UieCompare = define(root.UieFront);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (F) {
  'use strict';

  // The comparison's own words: no other view says these.
  const WORDS = {
    zh: {
      year: (y) => `${y}年`,
      size: { sme: '按中小微企业', large: '按大型企业' },
      uplift: (adopted) => (adopted ? '相关企业提高比例（须当地执行）' : '认定为相关企业'),
      verdict: { yes: '符合', no: '不符合', unknown: '待定' },
      rate: '返还比例',
      amount: '金额',
      none: '—',
      missing: (labels) => `还需要填写：${labels}`,
      changed: (a, b) => `${a}与${b}不同`,
      newRule: (y, text) => `${y}新增：${text}`,
      dropped: (y, text) => `${y}不再要求：${text}`,
      differs: (ya, ta, yb, tb) => `${ya}：${ta}；${yb}：${tb}`,
      rateDiff: (ya, ra, yb, rb) => `返还比例由${ya}的 ${ra} 变为${yb}的 ${rb}`,
      sizeNote: (sme, large) => `没有填写企业规模：按中小微企业为 ${sme}，按大型企业为 ${large}`,
      upliftNote: (amount, adopted) => (adopted
        ? `国办发〔2025〕25号允许对“相关企业”提高返还比例；本地文件没有采用，是否执行由统筹地区决定。若执行并被认定为相关企业：${amount}`
        : `被当地认定为“相关企业”的，返还比例按国办发〔2025〕25号提高：${amount}`),
      same: '各年度的条件和结果相同。',
      list: '、',
    },
    en: {
      year: (y) => `${y}`,
      size: { sme: 'As an SME', large: 'As a large enterprise' },
      uplift: (adopted) => (adopted ? 'Related enterprise, raised rate (if adopted locally)' : 'As a related enterprise'),
      verdict: { yes: 'Eligible', no: 'Not eligible', unknown: 'Undecided' },
      rate: 'Refund rate',
      amount: 'Amount',
      none: '—',
      missing: (labels) => `Still to answer: ${labels}`,
      changed: (a, b) => `${a} differs from ${b}`,
      newRule: (y, text) => `New in ${y}: ${text}`,
      dropped: (y, text) => `No longer required in ${y}: ${text}`,
      differs: (ya, ta, yb, tb) => `${ya}: ${ta}; ${yb}: ${tb}`,
      rateDiff: (ya, ra, yb, rb) => `The refund rate went from ${ra} (${ya}) to ${rb} (${yb})`,
      sizeNote: (sme, large) => `Enterprise size not given: ${sme} as an SME, ${large} as a large enterprise`,
      upliftNote: (amount, adopted) => (adopted
        ? `国办发〔2025〕25号 lets the pooling region raise the refund rate for "related enterprises"; the region's own notice has not taken it up, so the region decides. If it does and the unit is recognised as related: ${amount}`
        : `A unit the region recognises as a "related enterprise" gets the rate raised by 国办发〔2025〕25号: ${amount}`),
      same: 'The conditions and the result are the same in every year.',
      list: ', ',
    },
  };

  function wordsOf(lang) { return lang === 'en' ? WORDS.en : WORDS.zh; }

  function yearOf(date) { return Number(String(date || '').slice(0, 4)) || null; }

  // The amount of an answer in one line: the figure, both candidates, or none.
  function amountLine(view, w, lang) {
    const a = view.amount;
    if (!a) return w.none;
    if (a.kind === 'fen') return a.yuan;
    if (a.kind === 'candidates') return a.items.map((x) => `${x.label} ${x.yuan}`).join(lang === 'en' ? '; ' : '；');
    if (a.kind === 'monthly') return a.total ? `${a.perMonth.yuan} × ${a.months} = ${a.total.yuan}` : a.perMonth.yuan;
    return w.none;
  }

  function columnHead(col, w) {
    const v = col.variant;
    if (!v) return w.year(yearOf(col.as_of));
    if (v.kind === 'size') return w.size[v.value] || String(v.value);
    return w.uplift(v.if_adopted === true);
  }

  /**
   * A compare response → what a comparison shows:
   *   columns      [{ key, head, docNo, policyId, asOf, variant, current, error, verdict: { state, mark, text },
   *                   amount (one line), rate, missing: [{ fact, label }] }]
   *   conditions   [{ id, cells: [{ state, mark, text, cite } | null] , differs }] in the order they appear
   *   differences  [{ text, cite }] one sentence each, between each year and the one before it, then the variants
   *   same         the sentence to show when nothing differs (null otherwise)
   * ctx: { lang, questions (labels of the facts asked), labelOf(fact) (a label where questions have none) }.
   */
  function compareView(cmp, ctx) {
    const c = ctx || {};
    const lang = c.lang === 'en' ? 'en' : 'zh';
    const w = wordsOf(lang);
    const questions = c.questions || [];
    const labelOf = (fact) => {
      const q = questions.find((x) => x.fact === fact);
      if (q) return lang === 'en' ? q.label_en || q.label : q.label;
      return (c.labelOf && c.labelOf(fact)) || fact;
    };
    const cols = (cmp.columns || []).map((col, i) => {
      const res = col.answer || {};
      const ok = res.ok !== false;
      const view = ok ? F.resultView(res, { questions, lang }) : null;
      const p = res.policy || {};
      return {
        key: `${col.policy}${col.variant ? `:${col.variant.kind}:${col.variant.value}` : ''}`,
        head: columnHead(col, w),
        docNo: p.doc_no || col.policy,
        policyId: col.policy,
        asOf: col.as_of,
        variant: col.variant || null,
        current: i === cmp.current,
        error: ok ? null : F.plainMessage((res.error && res.error.message) || ''),
        verdict: view ? { state: view.verdict.state === 'other' ? 'yes' : view.verdict.state,
                          mark: view.verdict.mark === '!' ? '✓' : view.verdict.mark,
                          text: w.verdict[view.verdict.state === 'other' ? 'yes' : view.verdict.state] } : { state: 'error', mark: '!', text: '' },
        amount: view ? amountLine(view, w, lang) : w.none,
        rate: typeof res.rate === 'string' ? res.rate : null,
        missing: ((ok && res.missing) || []).map((f) => ({ fact: f, label: labelOf(f) })),
        res: ok ? res : null,
        view,
      };
    });
    // The conditions, by id, in the order they first appear.
    const ids = [];
    for (const col of cols) for (const x of (col.view ? col.view.conditions : [])) if (ids.indexOf(x.id) < 0) ids.push(x.id);
    const conditions = ids.map((id) => {
      const cells = cols.map((col) => (col.view && col.view.conditions.find((x) => x.id === id)) || null);
      const seen = cells.filter(Boolean);
      const differs = seen.length !== cells.filter((x, i) => !cols[i].error).length ||
        seen.some((x) => x.state !== seen[0].state || x.text !== seen[0].text);
      return { id, cells: cells.map((x) => (x ? { state: x.state, mark: x.mark, text: x.text, cite: x.cite } : null)), differs };
    });
    const differences = [];
    // Each year against the one before it (variants are not years).
    const years = cols.filter((x) => !x.variant && x.view);
    for (let i = 1; i < years.length; i++) {
      const a = years[i - 1];
      const b = years[i];
      const ya = a.head;
      const yb = b.head;
      // The answer gives the rate without its clause: the rules library's page of the policy has it.
      if (a.rate && b.rate && a.rate !== b.rate) differences.push({ text: w.rateDiff(ya, a.rate, yb, b.rate), cite: null, policyId: b.policyId });
      for (const id of ids) {
        const x = a.view.conditions.find((k) => k.id === id);
        const y = b.view.conditions.find((k) => k.id === id);
        if (!x && y) differences.push({ text: w.newRule(yb, y.text), cite: y.cite, policyId: b.policyId });
        else if (x && !y) differences.push({ text: w.dropped(yb, x.text), cite: x.cite, policyId: a.policyId });
        else if (x && y && (x.state !== y.state || x.text !== y.text)) {
          differences.push({ text: w.differs(ya, x.text, yb, y.text), cite: y.cite, policyId: b.policyId });
        }
      }
    }
    // The variants of the current policy, each in one sentence.
    const sizes = cols.filter((x) => x.variant && x.variant.kind === 'size' && x.view);
    const bySize = (v) => sizes.find((x) => x.variant.value === v);
    if (bySize('sme') && bySize('large')) {
      differences.push({ text: w.sizeNote(bySize('sme').amount, bySize('large').amount), cite: null, policyId: bySize('sme').policyId });
    }
    for (const x of cols.filter((k) => k.variant && k.variant.kind === 'uplift' && k.view)) {
      differences.push({ text: w.upliftNote(x.amount, x.variant.if_adopted === true), cite: x.variant.cite || null, policyId: x.policyId });
    }
    for (const col of cols) { delete col.res; delete col.view; }
    return { columns: cols, conditions, differences, same: differences.length ? null : w.same, words: { rate: w.rate, amount: w.amount, missing: w.missing, list: w.list } };
  }

  return { compareView, COMPARE_WORDS: WORDS };
});
