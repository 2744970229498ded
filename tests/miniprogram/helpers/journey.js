// What the page tests share: a person's typing for each fact, answering a
// question through its native control, the pickers, and the check that the
// result card shows what the engine answered, in the order the issue asks
// for (verdict, reasons with their what-ifs, answers, the cited list).
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');

const pkg = require('./package.js');
const { fire, text } = require('./pages.js');

const F = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'uie-front.js'));
const J = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'journey.js'));

// What a person enters for each fact: `pick` is an option's value (a radio or
// check boxes), `raw` is typed text, `fact` the contract value it must become.
// Typing is forgiving on purpose: 万, 年, Chinese numerals, units.
const TYPED = {
  unit_type: { pick: 'enterprise' },
  insured_headcount: { raw: '八十人', fact: 80 },
  layoffs: { raw: '4', fact: 4 },
  contribution_months: { raw: '2年6个月', fact: 30 },
  contributions_paid: { raw: '5.678912万', fact: '56789.12' },
  worker_status: { pick: 'employed' },
  insured_months: { raw: '3年', fact: 36 },
  certificate: { pick: 'skill_level' },
  level: { pick: 4 },
  involuntary: { pick: true },
  separation_reason: { pick: 'dismissed' },
  flexible_employment_subsidy: { pick: false },
  local_monthly_standard: { raw: '1,800元', fact: '1800' },
  size: { pick: 'sme' },
  avg_insured_headcount: { raw: '70人', fact: 70 },
  claims_this_year: { raw: '零次', fact: 0 },
  previous_levels_same_occupation: { pick: [5], fact: [5] },
  training_subsidy_received: { pick: false },
  reemployed: { pick: false },
  benefit_months_used: { raw: '2个月', fact: 2 },
  months_to_retirement: { raw: '十年', fact: 120 },
};

function typedFact(fact) {
  const t = TYPED[fact];
  assert.ok(t, `the test knows what a person would enter for ${fact}`);
  return 'pick' in t ? t.pick : t.fact;
}

/** The engine's question for a fact, as the page holds it (its state is the shared journey's). */
function questionOf(page, fact) {
  const q = page.instance._s.questions.find((x) => x.fact === fact);
  assert.ok(q, `the engine asks ${fact}`);
  return q;
}

/**
 * Answers a question on the page through its native control: a radio or
 * check boxes by the options' indexes (what WeChat sends), an input by an
 * input event, a date picker by a change. `entry` is { pick } or { raw }.
 */
async function enter(page, fact, entry) {
  const shown = page.data.questions.find((x) => x.fact === fact);
  assert.ok(shown, `question ${fact} is on the page (shown: ${page.data.questions.map((x) => x.fact).join(', ')})`);
  const sel = `#in-${fact}`;
  if ('pick' in entry) {
    const q = questionOf(page, fact);
    const options = F.controlOf(q, page.instance._s.questions).options;
    const indexOf = (v) => {
      const i = options.findIndex((o) => o.value === v);
      assert.ok(i >= 0, `${fact} offers ${JSON.stringify(v)}`);
      return String(i);
    };
    if (shown.control === 'checkbox') return fire(page, sel, 'change', { value: entry.pick.map(indexOf) });
    assert.equal(shown.control, 'radio', `${fact} is answered by a choice`);
    return fire(page, sel, 'change', { value: indexOf(entry.pick) });
  }
  // A date picker sends 'YYYY-MM-DD', a month picker (出生年月) 'YYYY-MM'.
  if (shown.control === 'date' || shown.control === 'month') return fire(page, sel, 'change', { value: entry.raw });
  assert.equal(shown.control, 'input', `${fact} is typed`);
  return fire(page, sel, 'input', { value: entry.raw, cursor: String(entry.raw).length });
}

const answer = (page, fact) => enter(page, fact, TYPED[fact]);

async function pickProvince(page, code) {
  const idx = page.instance._pickers.provinces.indexOf(code);
  assert.ok(idx >= 0, `${code} is in the province picker`);
  await fire(page, '#province', 'change', { value: idx });
}

async function pickDate(page, date) {
  await fire(page, '#date', 'change', { value: date });
  assert.equal(page.data.date, date);
}

/** The engine's questions for where the page stands (its region, date and policy). */
function whereOf(page) {
  const s = page.instance._s;
  const req = { region: s.city || s.province, date: s.date, program: s.program, facts: {} };
  if (s.policy) req.policy = s.policy;
  return req;
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

/**
 * The card shows what the engine answered for the page's last request, led
 * by the verdict, then the reasons (each what-if right below its reason),
 * then the answers, then the full cited list.
 */
function assertResultShows(page, res, questions) {
  assert.equal(page.data.mode, 'result');
  const card = text(page, '#result');
  assert.ok(card, 'the result card is shown');
  const date = page.instance._s.date;
  const v = F.resultView(res, { questions, lang: 'zh', date });
  assert.equal(text(page, '#verdict'), `${v.verdict.mark} ${v.verdict.text}`);
  if (v.amount && v.amount.kind === 'fen') assert.ok(text(page, '#amount').includes(v.amount.yuan), `amount ${v.amount.yuan}`);
  if (v.amount && v.amount.kind === 'candidates') for (const i of v.amount.items) assert.ok(text(page, '#amount').includes(i.yuan));
  if (v.amount && v.amount.kind === 'monthly') {
    // 失业保险金: the monthly amount, then its months and the total (amount × months).
    assert.ok(text(page, '#amount').includes(`每月 ${v.amount.perMonth.yuan}`), `monthly ${v.amount.perMonth.yuan}`);
    if (v.amount.total) {
      assert.equal(res.total_fen, res.amount_fen * res.total_months, 'the total is the monthly amount times the months');
      assert.ok(text(page, '#amount-total').includes(`${v.amount.months} 个月`), 'the months');
      assert.ok(text(page, '#amount-total').includes(v.amount.total.yuan), `total ${v.amount.total.yuan}`);
    }
  }
  if (!v.amount) assert.equal(page.querySelector('#amount'), undefined, 'no amount when not eligible');
  assert.ok(res.conditions.length > 0, 'the engine evaluated conditions');
  const all = text(page, '#conditions');
  for (const c of res.conditions) {
    assert.ok(all.includes(squash(c.text)), `condition shown: ${c.text}`);
    assert.ok(all.includes(c.cite.doc_no), `citation shown: ${c.cite.doc_no}`);
    if (c.cite.quote) assert.ok(all.includes(squash(c.cite.quote)), `quote shown: ${c.cite.quote}`);
  }
  for (const w of res.whatif || []) assert.ok(card.includes(squash(w.text)), `what-if shown: ${w.text}`);
  for (const n of res.notes || []) assert.ok(card.includes(squash(n)), `note shown: ${n}`);
  assert.ok(text(page, '#policy').includes(res.policy.doc_no), 'the policy is named');
  assert.match(card, /以当地经办机构核定为准/);
  // Reading order.
  const at = (s) => card.indexOf(squash(s));
  const order = [at(v.verdict.text)];
  for (const r of v.reasons) {
    order.push(at(r.text));
    for (const w of r.whatifs) order.push(at(w.text));
  }
  order.push(at('您的回答'), at('逐项条件及依据'));
  assert.ok(order.every((x) => x >= 0), `every part is on the card (${order})`);
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'verdict, then each reason with its what-ifs, then the answers, then the cited list');
  // The reasons: ✗ first, then ?, as the shared layer orders them.
  assert.deepEqual(page.data.result.reasons.map((r) => r.id), v.reasons.map((r) => r.id));
  // j-component does not render aria-* into its DOM; the binding itself
  // (aria-label="{{result.aria}}") is checked in package-lint.test.js.
  assert.ok(page.data.result.aria.includes(v.verdict.text), `the card's aria-label says the outcome (${page.data.result.aria})`);
  // The questions still to answer, each once, below the reasons (never under every reason).
  assert.deepEqual((page.data.result.asks || []).map((a) => a.fact), v.asks.map((a) => a.fact));
  for (const a of v.asks) assert.equal(text(page, `#ask-${a.fact}`), `回答「${a.label}」`);
  for (const r of page.data.result.reasons) assert.ok(r.links.every((l) => !v.asks.some((a) => a.fact === l.fact)), `${r.id}: no 回答 link of its own`);
  // Not eligible: no entitlement figure.
  if (res.eligible === false) {
    for (const key of ['max_months', 'remaining_months', 'extension_months', 'total_months', 'total_fen']) {
      assert.ok(!page.querySelector(`#extra-${key}`), `no ${key} when not eligible`);
    }
  }
  // The answers, each with its edit link, its label dated where it says 上年.
  for (const row of F.answerSummary(questions, page.instance._s.facts, 'zh', res.optional_missing || [])) {
    assert.ok(page.querySelector(`#edit-${row.fact}`), `${row.fact} has an edit link`);
    const label = J.datedLabel(questions.find((q) => q.fact === row.fact), date, 'zh');
    if (!row.skipped) assert.equal(text(page, `#answer-${row.fact}`), `${label}：${row.text}修改`.replace(/\s+/g, ' '), `${row.fact} reads ${row.text}`);
  }
}

module.exports = { F, J, TYPED, typedFact, questionOf, enter, answer, pickProvince, pickDate, whereOf, assertResultShows, squash };
