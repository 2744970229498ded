// The comparison panel of a result: the same facts under every policy of the
// program the region has had, and the variants the current one allows.
// Loaded by app.mjs only when "与往年比较" is pressed, with its own Worker
// (compare-worker.js: the whole module, whose `compare` answers every column
// in one call) and the shared view (shared/uie-compare.js), so the single
// page's own download is unchanged. It draws UieCompare.compareView: the
// same view the mini-program draws.
import { button, h, loadScript } from './dom.mjs';

const F = globalThis.UieFront;

const WORDS = {
  zh: {
    title: '与往年比较',
    loading: '正在比较各年度的政策…',
    failed: '比较没有完成，请稍后再试。',
    policy: '政策',
    result: '结果',
    conditions: '条件',
    whatDiffers: '有什么不同',
    source: '出处',
    library: '在法规库中查看',
    ask: (year) => `${year}的政策还需要：`,
    update: '按新填写的内容再比较',
    asOf: (d) => `按 ${d} 测算`,
    current: '（本次结果）',
    caption: '同样的情况在各年度政策下的结果',
    sameRows: (n) => `其余 ${n} 项条件各列相同（见下方“详细结果和依据”）`,
  },
  en: {
    title: 'Compare with other years',
    loading: 'Comparing the policies of each year…',
    failed: 'The comparison did not finish. Please try again.',
    policy: 'Policy',
    result: 'Result',
    conditions: 'Conditions',
    whatDiffers: 'What differs',
    source: 'Source',
    library: 'View in the rules library',
    ask: (year) => `The ${year} policy also needs:`,
    update: 'Compare again with these answers',
    asOf: (d) => `as of ${d}`,
    current: ' (this result)',
    caption: 'The same situation under each year’s policy',
    sameRows: (n) => (n === 1 ? 'The other condition is the same in every column (see the detail below)' : `The other ${n} conditions are the same in every column (see the detail below)`),
  },
};

let worker = null;
let next = 1;
const calls = new Map();

function call(method, request, options) {
  if (!worker) {
    worker = new Worker('compare-worker.js');
    worker.onmessage = (event) => {
      const m = event.data;
      const c = calls.get(m.id);
      if (!c) return;
      calls.delete(m.id);
      if (m.error) c.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else c.resolve(m.answer);
    };
    worker.onerror = () => {
      for (const c of calls.values()) c.reject(new Error('the comparison worker did not load'));
      calls.clear();
      worker = null;
    };
  }
  const id = next++;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    worker.postMessage({ id, method, request, options });
  });
}

// The shared view and the panel's styles, each once.
function loadView() {
  if (!document.querySelector('link[href="compare.css"]')) document.head.append(h('link', { rel: 'stylesheet', href: 'compare.css' }));
  return loadScript('shared/uie-compare.js');
}

const zh = (text) => (/[\u4e00-\u9fff]/.test(text || '') ? 'zh-CN' : null);

function citeBlock(cite, policyId, o, w) {
  if (!cite || !cite.doc_no) return null;
  const where = [cite.doc_no, cite.clause].filter(Boolean).join(' ');
  return h('details', { class: 'cite' },
    h('summary', {}, `${w.source}: `, h('span', { lang: 'zh-CN' }, where)),
    cite.quote ? h('blockquote', { lang: 'zh-CN' }, cite.quote) : null,
    o.kiosk || !F.citeHref ? null : h('p', {}, h('a', { href: F.citeHref(policyId, cite, o.lang) }, w.library)));
}

function headCell(col, w) {
  return h('th', { scope: 'col', class: col.current ? 'current' : null },
    h('span', { class: 'head' }, col.head), col.current ? h('span', { class: 'sr-only' }, w.current) : null,
    h('br'), h('small', { lang: 'zh-CN' }, col.docNo), h('br'), h('small', {}, w.asOf(col.asOf)));
}

function stateCell(cell) {
  if (!cell) return h('td', { class: 'none' }, '—');
  return h('td', { class: `state-${cell.state}`, lang: zh(cell.text) },
    h('span', { 'aria-hidden': 'true' }, cell.mark), ' ', cell.text);
}

function table(v, w) {
  const cols = v.columns;
  const same = v.conditions.filter((r) => !r.differs).length;
  const row = (label, cells, cls) => h('tr', { class: cls || null }, h('th', { scope: 'row' }, label), cells);
  return h('div', { class: 'compare-scroll', tabindex: '0', role: 'region', 'aria-label': w.caption },
    h('table', { class: 'compare-table', id: 'compare-table' },
      h('caption', {}, w.caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, w.policy), cols.map((c) => headCell(c, w)))),
      h('tbody', {},
        row(w.result, cols.map((c) => h('td', { class: `verdict-${c.verdict.state}`, 'data-key': c.key },
          c.error ? h('span', { lang: zh(c.error) }, c.error)
            : [h('span', { 'aria-hidden': 'true' }, c.verdict.mark), ' ', c.verdict.text]))),
        row(v.words.amount, cols.map((c) => h('td', { class: 'money', 'data-key': c.key }, c.amount))),
        cols.some((c) => c.rate) ? row(v.words.rate, cols.map((c) => h('td', {}, c.rate || '—'))) : null,
        // Only the conditions that differ between columns: the rest are the result's own, listed below it.
        v.conditions.filter((r) => r.differs).map((r) => row(r.label, r.cells.map(stateCell), 'differs')),
        same ? h('tr', { class: 'same-rows' }, h('td', { colspan: String(cols.length + 1) }, w.sameRows(same))) : null)));
}

// The facts a year needs that were not given: asked, not guessed.
function askBlock(v, questionsFor, o, w, rerun) {
  const wanting = v.columns.filter((c) => c.missing.length && !c.variant);
  if (!wanting.length) return null;
  const fields = [];
  const block = h('section', { class: 'compare-ask', 'aria-labelledby': 'compare-ask-h' },
    h('h3', { id: 'compare-ask-h' }, w.ask(wanting.map((c) => c.head).join(' / '))));
  for (const c of wanting) {
    for (const m of c.missing) {
      if (fields.some((f) => f.fact === m.fact)) continue;
      const q = questionsFor(m.fact) || { fact: m.fact, label: m.label, type: 'string' };
      const id = `compare-fact-${m.fact}`;
      const options = F.optionsOf(q, [], o.lang);
      const input = options.length
        ? h('select', { id }, h('option', { value: '' }, '—'),
          options.map((x, i) => h('option', { value: String(i) }, F.optionLabel(x, o.lang))))
        : h('input', { id, type: 'text', inputmode: q.type === 'date' ? 'text' : 'decimal' });
      const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
      fields.push({ fact: m.fact, q, input, options, error });
      block.append(h('div', { class: 'field' }, h('label', { for: id }, m.label), input, error));
    }
  }
  block.append(button(w.update, () => {
    const facts = {};
    let ok = true;
    for (const f of fields) {
      const raw = f.options.length ? (f.input.value === '' ? '' : f.options[Number(f.input.value)].value) : f.input.value;
      const r = F.parseAnswer(f.q, raw, { lang: o.lang });
      f.error.hidden = r.ok !== false;
      if (r.ok === false) { f.error.textContent = r.message; ok = false; }
      if (r.ok) facts[f.fact] = r.value;
    }
    if (ok) rerun(facts);
  }, 'primary', { id: 'compare-update' }));
  return block;
}

/**
 * Opens the comparison in `container` for `request` (the result's own).
 * o: { lang, kiosk }. Resolves once drawn; a second call redraws.
 */
export async function openComparison(container, request, o) {
  const w = WORDS[o.lang === 'en' ? 'en' : 'zh'];
  const options = { lang: o.lang === 'en' ? 'en' : 'zh' };
  let extra = {};
  const draw = async () => {
    container.replaceChildren(h('h2', { id: 'compare-h', tabindex: '-1' }, w.title), h('p', { class: 'loading', role: 'status' }, w.loading));
    container.dataset.state = 'loading';
    const req = { ...request, facts: { ...request.facts, ...extra } };
    let cmp;
    let asked;
    try {
      [cmp, asked] = await Promise.all([loadView().then(() => call('compare', req, options)), call('questions', req, options)]);
    } catch (e) {
      console.warn('[compare]', e);
      container.replaceChildren(h('h2', { id: 'compare-h', tabindex: '-1' }, w.title), h('p', { class: 'error', role: 'alert' }, w.failed));
      container.dataset.state = 'failed';
      return;
    }
    if (!cmp.ok) {
      container.replaceChildren(h('h2', { id: 'compare-h', tabindex: '-1' }, w.title),
        h('p', { class: 'error', role: 'alert' }, F.plainMessage(cmp.error.message)));
      container.dataset.state = 'failed';
      return;
    }
    // Labels of the facts and conditions: the current policy's questions; a
    // fact only another year asks is labelled by that year's questions.
    const questions = asked.ok ? asked.questions : [];
    // One questions call per column that needs a fact the current policy does not ask, all at once.
    const unasked = (col) => ((col.answer && col.answer.missing) || []).some((f) => !questions.some((q) => q.fact === f));
    const theirs = await Promise.all(cmp.columns.filter(unasked)
      .map((col) => call('questions', { ...req, policy: col.policy, date: col.as_of }, options)));
    const others = {};
    for (const q of theirs) for (const x of (q.ok ? q.questions : [])) if (!others[x.fact]) others[x.fact] = x;
    const v = globalThis.UieCompare.compareView(cmp, {
      lang: options.lang, questions: questions.concat(Object.values(others)),
    });
    const condLabel = (id) => {
      const c = (asked.ok && asked.conditions || []).find((x) => x.id === id);
      return c ? (options.lang === 'en' ? c.label_en || c.label : c.label) : id;
    };
    for (const r of v.conditions) r.label = condLabel(r.id);
    const questionsFor = (fact) => questions.concat(Object.values(others)).find((q) => q.fact === fact);
    const current = v.columns.find((c) => c.current);
    container.replaceChildren(...[
      h('h2', { id: 'compare-h', tabindex: '-1' }, w.title),
      table(v, w),
      askBlock(v, questionsFor, o, w, (facts) => { extra = { ...extra, ...facts }; draw(); }),
      h('section', { class: 'compare-diff', 'aria-labelledby': 'compare-diff-h' },
        h('h3', { id: 'compare-diff-h' }, w.whatDiffers),
        v.same ? h('p', {}, v.same)
          : h('ul', { id: 'compare-differences' }, v.differences.map((d) => h('li', { lang: zh(d.text) },
            d.text, citeBlock(d.cite, d.policyId || (current && current.policyId), o, w)))))].filter(Boolean));
    container.dataset.state = 'ready';
    container.querySelector('#compare-h').focus();
  };
  await draw();
}
