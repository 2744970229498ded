// The comparison of a result (issue 18) in Chromium: a 山西 enterprise's
// 2025 result compared with 2021 and 2024, both sizes and the 25号 uplift;
// each amount the page shows equals what the native `estimate` gives with
// that column's "policy" and date named (the uplift: under the reform that
// adopts it); English, elder mode and print; 失业保险金 across the standards
// of each year, a fact only the 1999 regulation reads asked, not guessed;
// the single page loads nothing of it until it is opened.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { answerAll, axeCheck, choose, clickAndWait, noSidewaysScroll, open, repo, screen, shot, suite } from './lib/page.mjs';

const env = suite('compare');
const ESTIMATE = join(repo, 'build', 'native', 'estimate');
const UPLIFT = join(repo, 'rules', 'reforms', 'sx-2025-related-uplift.json');
// The enterprise of the contract's example, its size left out (so both sizes are variants).
const ANSWERS = { unit_type: '企业', insured_headcount: '80', layoffs: '4', contribution_months: '24', contributions_paid: '56,789.12' };
const FACTS = { unit_type: 'enterprise', insured_headcount: 80, layoffs: 4, contribution_months: 24, contributions_paid: 56789.12 };

const cli = (args, request) => JSON.parse(execFileSync(ESTIMATE, ['--today', '2026-12-06', ...args], { input: JSON.stringify(request) }).toString());

// "34,073.47 元" from 3407347 fen, without floating point.
function yuan(fen) {
  const s = String(fen).padStart(3, '0');
  return `${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${s.slice(-2)}`;
}

// Every amount an answer gives, as the page writes them.
const amounts = (a) => (Number.isSafeInteger(a.amount_fen) ? [a.amount_fen] : Object.values(a.candidates || {})).map(yuan);

async function compared(path = '') {
  const w = await open(env, path, { viewport: { width: 1100, height: 900 } });
  await choose(w.page, 'stabilization_refund', '140000', '2025-08-01');
  await answerAll(w.page, ANSWERS);
  assert.equal(await screen(w.page), 'result');
  await w.page.click('#open-compare');
  await w.page.waitForSelector('#compare[data-state="ready"]', { timeout: 30000 });
  return w;
}

test('a Shanxi enterprise in 2025: each year and variant equals estimate with the policy named', async () => {
  const { page, done } = await compared();
  const request = { region: '140000', date: '2025-08-01', program: 'stabilization_refund', facts: FACTS };
  const columns = cli(['--compare'], request).columns;
  const keys = await page.locator('#compare-table td.money').evaluateAll((tds) => tds.map((td) => td.dataset.key));
  assert.deepEqual(keys, ['cn-2021-29', 'sx-2024-28', 'sx-2025-13', 'sx-2025-13:size:sme', 'sx-2025-13:size:large',
                          'sx-2025-13:uplift:true']);
  for (const col of columns) {
    const named = { ...request, policy: col.policy, date: col.as_of, facts: { ...FACTS } };
    if (col.variant) named.facts[col.variant.fact] = col.variant.value;
    const expected = cli(col.variant && col.variant.if_adopted ? ['--reform', UPLIFT] : [], named);
    const key = `${col.policy}${col.variant ? `:${col.variant.kind}:${col.variant.value}` : ''}`;
    const shown = await page.locator(`#compare-table td.money[data-key="${key}"]`).innerText();
    assert.ok(amounts(expected).length > 0, `${key}: the CLI gives an amount`);
    for (const a of amounts(expected)) assert.ok(shown.includes(a), `${key}: the page shows ${a} (it shows ${shown})`);
  }
  // 2024 and the uplift are there, with the sentence that says what the uplift needs.
  const differences = await page.locator('#compare-differences').innerText();
  assert.match(differences, /国办发〔2025〕25号/);
  assert.match(differences, /51,110\.21/);   // 90% of 56 789.12 if adopted
  assert.match(await page.locator('#compare-table thead').innerText(), /晋人社厅发〔2024〕28号/);
  await axeCheck(page, 'result with the comparison');
  await shot(env, page, 'compare-zh');
  await noSidewaysScroll(page, 'the comparison');

  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#compare-table').isVisible(), 'the comparison is printed');
  await shot(env, page, 'compare-print');
  await page.emulateMedia({ media: 'screen' });

  // English: the same comparison, in English.
  await page.click('#toggle-lang');
  await page.waitForFunction(() => document.querySelector('#compare-h')?.textContent === 'Compare with other years'
    && document.querySelector('#compare')?.dataset.state === 'ready');
  assert.match(await page.locator('#compare-table').innerText(), /As an SME/);
  await axeCheck(page, 'the comparison in English');
  await shot(env, page, 'compare-en');
  await done();
});

test('elder mode at 360 px: the table scrolls in its own box, the page does not', async () => {
  const { page, done } = await compared('?elder=1');
  await page.setViewportSize({ width: 360, height: 640 });
  await noSidewaysScroll(page, 'elder comparison');
  await axeCheck(page, 'elder comparison');
  await shot(env, page, 'compare-elder-360');
  await done();
});

test('失业保险金 in 山西: every document the region has had, each monthly amount equal to estimate', async () => {
  const { page, done } = await open(env, '', { viewport: { width: 1100, height: 900 } });
  await choose(page, 'unemployment_benefit', '140000', '2025-08-01');
  await answerAll(page, { contribution_months: '36', separation_reason: '被单位解除合同' });
  assert.equal(await screen(page), 'result');
  await page.click('#open-compare');
  await page.waitForSelector('#compare[data-state="ready"]', { timeout: 30000 });
  const request = { region: '140000', date: '2025-08-01', program: 'unemployment_benefit',
                    facts: { contribution_months: 36, separation_reason: 'dismissed' } };
  const columns = cli(['--compare'], request).columns;
  assert.ok(columns.length >= 3, 'the 2021, 2022 and 2025 standards at least');
  for (const col of columns) {
    const expected = cli([], { ...request, policy: col.policy, date: col.as_of });
    const shown = await page.locator(`#compare-table td.money[data-key="${col.policy}"]`).innerText();
    if (Number.isSafeInteger(expected.amount_fen)) assert.ok(shown.includes(yuan(expected.amount_fen)), `${col.policy}: ${shown}`);
  }
  // The 1999 regulation reads 非因本人意愿 itself, where the later documents derive it from how the job
  // ended: the comparison asks it for that year instead of guessing, and runs again with the answer.
  const ask = page.locator('#compare-fact-involuntary');
  assert.equal(await ask.count(), 1, 'the fact only the 1999 regulation needs is asked');
  assert.match(await page.locator('#compare-table td[data-key="cn-regulation-1999"]').first().innerText(), /待定/);
  await shot(env, page, 'compare-benefit-ask');
  await ask.selectOption({ label: '是' });
  await page.click('#compare-update');
  await page.waitForFunction(() => document.querySelector('#compare')?.dataset.state === 'ready' && !document.querySelector('#compare-fact-involuntary'));
  assert.match(await page.locator('#compare-table td[data-key="cn-regulation-1999"]').first().innerText(), /符合/);
  await shot(env, page, 'compare-benefit');
  await done();
});

test('nothing of the comparison loads before it is opened', async () => {
  const { page, done } = await open(env);
  const from = env.served.length;   // what this page asks for, not the earlier tests'
  await choose(page, 'stabilization_refund', '140000', '2025-08-01');
  await answerAll(page, ANSWERS);
  const before = env.served.slice(from).filter((u) => /compare|estimator\.wasm|estimator-batch/.test(u));
  assert.deepEqual(before, [], 'the result alone loads no comparison file and not the whole module');
  await clickAndWait(page, '#open-compare').catch(() => {});
  await page.waitForSelector('#compare[data-state="ready"]', { timeout: 30000 });
  assert.ok(env.served.slice(from).some((u) => u.includes('compare-worker.js')));
  await done();
});
