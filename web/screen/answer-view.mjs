// One unit's full explained answer on the screening page: the shared layer's
// result view (UieFront.resultView, the same the single estimate shows),
// drawn with the single estimate's classes (style.css), without its edit
// links: here the answers come from the office's file.
import { h } from '../dom.mjs';

const F = globalThis.UieFront;
// The words the single estimate shows too (the shared layer's): they cannot drift apart.
const SAY = F.words('zh').say;

function citation(cite) {
  if (!cite || !cite.doc_no) return null;
  return h('details', { class: 'cite' },
    h('summary', {}, '依据：', [cite.doc_no, cite.clause].filter(Boolean).join(' ')),
    cite.quote ? h('blockquote', {}, cite.quote) : null);
}

function conditionLine(c, extra) {
  return h('li', { class: `condition ${c.state}`, 'data-condition': c.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, c.mark),
    h('div', { class: 'body' }, h('p', { class: 'text' }, h('span', { class: 'sr-only' }, `${c.word}：`), c.text), extra));
}

function amountBlock(amount) {
  if (!amount) return null;
  const money = (m) => [h('span', { class: 'yuan' }, m.yuan), m.wan ? h('span', { class: 'wan' }, `（${m.wan}）`) : null];
  if (amount.kind === 'fen') {
    return h('p', { class: 'amount', id: 'answer-amount' },
      h('span', { class: 'label' }, amount.cap ? '测算金额（上限）' : '测算金额'), money(amount));
  }
  if (amount.kind === 'candidates') {
    return h('div', { class: 'amount candidates', id: 'answer-amount' },
      h('p', {}, '企业规模未定，按规模分别为：'),
      h('ul', {}, amount.items.map((i) => h('li', {}, `${i.label}：`, money(i)))));
  }
  if (amount.kind === 'monthly') {   // 失业保险金: a monthly amount over its months
    const total = amount.months !== null && amount.total;
    const months = `${amount.months} 个月`;
    return h('div', { class: 'amount monthly', id: 'answer-amount' },
      h('p', { class: 'per-month' }, SAY.perMonth(amount.decided).map((x) => (x === null ? h('span', { class: 'yuan' }, amount.perMonth.yuan) : x))),
      total ? h('p', { class: 'total' }, (amount.cap ? SAY.totalCap : SAY.total)(months, amount.total.yuan),
        amount.total.wan ? `（${amount.total.wan}）` : '') : null,
      total && amount.cap ? h('p', { class: 'cap-note' }, SAY.monthsCapNote) : null);
  }
  return h('p', { class: 'amount none', id: 'answer-amount' }, '金额由当地经办机构核定。');
}

/** The answer of one row: `res` the full response (contract §2), `questions` the program's, `title` what the row is. */
export function answerView(res, { questions, title }) {
  if (!res.ok) {
    return h('div', { class: 'error', role: 'alert' }, h('p', {}, res.error.message));
  }
  const v = F.resultView(res, { questions, lang: 'zh' });
  return h('div', { class: 'result', 'data-eligible': String(res.eligible) },
    h('p', { class: 'crumb' }, title),
    h('p', { class: `verdict ${v.verdict.state}`, id: 'answer-verdict' }, h('span', { 'aria-hidden': 'true' }, v.verdict.mark), ' ', v.verdict.text),
    v.draft ? h('p', { class: 'badge draft' }, SAY.draft) : null,
    v.inForce ? null : h('p', { class: 'badge expired' }, SAY.notInForce(res.policy.valid_to)),
    amountBlock(v.amount),
    v.reasons.length
      ? h('section', { class: 'reasons' }, h('h3', {}, '原因'),
          h('ul', { class: 'conditions' }, v.reasons.map((r) => conditionLine(r,
            r.whatifs.map((w) => h('p', { class: 'whatif' }, h('span', { class: 'lead' }, SAY.whatifLead), ' ', w.text))))))
      : null,
    v.extra.length
      ? h('dl', { class: 'extra' }, v.extra.map((x) => h('div', { class: 'row', 'data-field': x.key }, h('dt', {}, x.label), h('dd', {}, x.text))))
      : null,
    h('section', { class: 'all-conditions' }, h('h3', {}, '全部条件'),
      h('ul', { class: 'conditions' }, v.conditions.map((c) => conditionLine(c, citation(c.cite))))),
    v.notes.length ? h('section', {}, h('h3', {}, '说明'), h('ul', { class: 'notes' }, v.notes.map((n) => h('li', {}, n)))) : null,
    v.policy ? h('p', { class: 'policy' }, `政策：${v.policy.docNo || ''} ${v.policy.title || ''}（${v.policy.validity || ''}）`) : null,
    h('p', { class: 'disclaimer' }, '测算结果仅供参考，以当地经办机构核定为准。'));
}
