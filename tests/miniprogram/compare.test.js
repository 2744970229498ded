// 与往年比较 in the mini-program (issue 18): a 山西 enterprise's 2025 result
// compared with 2021 and 2024, both sizes (its size not given) and the 25号
// uplift if adopted; each card's amount is the one the native CLI gives with
// that column's policy and date named (the uplift: under the reform that
// adopts it), drawn by the shared view the web page draws too.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();
const { setup, loadPage, fire } = require('./helpers/pages.js');
const { F, enter, pickDate, pickProvince } = require('./helpers/journey.js');

setup(ROOT);
const REPO = path.resolve(__dirname, '..', '..');
const UPLIFT = path.join(REPO, 'rules', 'reforms', 'sx-2025-related-uplift.json');
const cli = (args, request) => JSON.parse(execFileSync(pkg.NATIVE_CLI, ['--today', '2026-12-06', ...args],
                                                         { input: JSON.stringify(request) }).toString());

const TYPED = {
  unit_type: { pick: 'enterprise' }, insured_headcount: { raw: '80' }, layoffs: { raw: '4' },
  contribution_months: { raw: '24' }, contributions_paid: { raw: '56789.12' },
};

test('a Shanxi enterprise in 2025: a card per year and variant, each amount the CLI\'s with the policy named', {
  skip: pkg.nativeAvailable() ? false : `native CLI not built (${pkg.NATIVE_CLI})`,
}, async () => {
  const page = loadPage(ROOT, 'estimate', 'official');
  await page.instance.onLoad({ program: 'stabilization_refund' });
  await pickDate(page, '2025-08-01');
  await pickProvince(page, '140000');
  for (const q of page.data.questions) if (TYPED[q.fact]) await enter(page, q.fact, TYPED[q.fact]);
  await fire(page, '#compute', 'tap');
  assert.ok(page.data.result, 'the result is shown');
  assert.equal(page.data.comparison, null, 'no comparison until it is asked for');
  await fire(page, '#compare', 'tap');
  await page.instance.whenIdle();
  const card = page.data.comparison;
  assert.ok(card, `the comparison is drawn (${page.data.compareError})`);
  const request = page.instance._lastRequest;
  const cmp = cli(['--compare'], request);
  assert.equal(card.columns.length, cmp.columns.length);
  assert.deepEqual(cmp.columns.map((c) => c.policy), ['cn-2021-29', 'sx-2024-28', 'sx-2025-13', 'sx-2025-13', 'sx-2025-13', 'sx-2025-13']);
  cmp.columns.forEach((col, i) => {
    const named = { ...request, policy: col.policy, date: col.as_of, facts: { ...request.facts } };
    if (col.variant) named.facts[col.variant.fact] = col.variant.value;
    const expected = cli(col.variant && col.variant.if_adopted ? ['--reform', UPLIFT] : [], named);
    const fens = Number.isSafeInteger(expected.amount_fen) ? [expected.amount_fen] : Object.values(expected.candidates);
    for (const fen of fens) {
      const yuan = F.moneyText(fen, 'zh').yuan;
      assert.ok(card.columns[i].amount.includes(yuan), `${col.policy} ${JSON.stringify(col.variant)}: ${card.columns[i].amount} has ${yuan}`);
    }
  });
  assert.equal(card.columns.filter((c) => c.current).length, 1, 'the result\'s own policy is marked');
  assert.ok(card.differences.some((d) => /国办发〔2025〕25号/.test(d.text) && /须|决定/.test(d.text)),
            'the uplift is explained as the region\'s to decide');
  assert.ok(card.differences.some((d) => d.cite), 'differences carry their citations');
  // Starting again takes the comparison away: it was for the answers as they were.
  await fire(page, '#restart', 'tap');
  await page.instance.whenIdle();
  assert.equal(page.data.comparison, null);
});
