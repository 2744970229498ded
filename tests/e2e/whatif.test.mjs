// The screening page's 测算方案 panel (issue 19) in Chromium, on a generated
// file of 10 000 units: the totals in force and under a reform equal
// `estimate --csv --reform FILE --summary-json` to the fen — with the
// 25号 uplift and with a lower rate; a refused value is shown at its field
// with the engine's message and nothing is computed; a saved reform loads
// again and a shared link restores the panel; the changed units' export
// lists as many units as the CLI counts; an XLSX file is run again from its
// rows; axe finds nothing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { axeCheck, open, repo, SITE, suite } from './lib/page.mjs';
import { screenFile, xlsx } from './lib/screen-file.mjs';

const env = suite('whatif');
const dir = mkdtempSync(join(tmpdir(), 'uie-whatif-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ESTIMATE = join(repo, 'build', 'native', 'estimate');
const SCOPE = ['--region', '140100', '--date', '2025-08-01', '--program', 'stabilization_refund', '--today', '2026-12-06'];
const csvPath = join(dir, 'units.csv');
// The office's file with a column saying which enterprises the area counts
// as 相关企业 (every third one), so the uplift "for the units the sheet marks" has units to mark.
const lines = screenFile(10000).csv.split('\r\n');
writeFileSync(csvPath, lines.map((l, i) => (i === 0 ? `${l},相关企业 (related_enterprise)` : !l || /^,+$/.test(l) ? l : `${l},${i % 3 ? '否' : '是'}`)).join('\r\n'));

function cliSummary(reform, input = readFileSync(csvPath)) {
  const path = join(dir, `reform-${reform.id}.json`);
  writeFileSync(path, JSON.stringify(reform));
  return JSON.parse(execFileSync(ESTIMATE, ['--csv', ...SCOPE, '--reform', path, '--summary-json'], { input, maxBuffer: 1 << 26 }).toString());
}

async function screened(path = csvPath) {
  const w = await open(env, 'screen.html?region=140100&date=2025-08-01', { viewport: { width: 1280, height: 900 }, wait: null });
  await w.page.waitForSelector('#app[data-engine="ready"]');
  await w.page.setInputFiles('#file', path);
  await w.page.waitForFunction(() => Number(document.querySelector('#app').dataset.screened || 0) > 0, null, { timeout: 60000 });
  await w.page.click('#open-whatif');
  await w.page.waitForSelector('#param-refund_rate_sme');
  return w;
}

async function run(page) {
  const before = Number((await page.locator('#app').getAttribute('data-whatif')) || 0);
  await page.click('#run-whatif');
  await page.waitForFunction((n) => Number(document.querySelector('#app').dataset.whatif || 0) > n || document.querySelector('#whatif-error'), before, { timeout: 60000 });
}

// The comparison table's figures: [in force, reform] by row id.
async function figures(page) {
  const ids = ['items', 'yes', 'no', 'undecided', 'errors', 'amount', 'large', 'large-amount', 'sme', 'sme-amount', 'open', 'open-low', 'open-high'];
  const out = {};
  for (const id of ids) {
    const cells = page.locator(`#cmp-${id} td[data-value]`);
    out[id] = [Number(await cells.nth(0).getAttribute('data-value')), Number(await cells.nth(1).getAttribute('data-value'))];
  }
  return out;
}

function expected(s) {
  const pair = (f) => [f(s.base), f(s.reform)];
  return {
    items: pair((t) => t.items), yes: pair((t) => t.yes), no: pair((t) => t.no), undecided: pair((t) => t.undecided),
    errors: pair((t) => t.errors), amount: pair((t) => t.amount_fen), large: pair((t) => t.by_size.large.yes),
    'large-amount': pair((t) => t.by_size.large.amount_fen), sme: pair((t) => t.by_size.sme.yes),
    'sme-amount': pair((t) => t.by_size.sme.amount_fen), open: pair((t) => t.open), 'open-low': pair((t) => t.open_low_fen),
    'open-high': pair((t) => t.open_high_fen),
  };
}

async function reformShown(page) {
  // The reform the page ran, as it saves it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-reform')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('a lower rate: the page\'s totals, in force and under the reform, are the CLI\'s to the fen', async () => {
  const { page, done } = await screened();
  try {
    await page.fill('#param-refund_rate_sme', '40%');
    await page.dispatchEvent('#param-refund_rate_sme', 'change');
    await page.fill('#param-refund_rate_large', '20');
    await page.dispatchEvent('#param-refund_rate_large', 'change');
    await run(page);
    const reform = await reformShown(page);
    assert.deepEqual(reform.set, { refund_rate_sme: '40%', refund_rate_large: '20%' });
    const cli = cliSummary(reform);
    assert.ok(cli.reform.amount_fen < cli.base.amount_fen, 'a lower rate gives less');
    assert.deepEqual(await figures(page), expected(cli));
    const changed = Number((await page.locator('#changed-h').textContent()).match(/（([\d,]+) 户）/)[1].replace(/,/g, ''));
    assert.equal(changed, cli.changes.changed);
    // The changed units' export: one row per changed unit, after the header.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-changes')]);
    const lines = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assert.equal(lines.length - 1, cli.changes.changed);
    // Charts with their tables behind them.
    assert.equal(await page.locator('svg#chart-bands[role="img"]').count(), 1);
    assert.equal(await page.locator('#chart-bands-table tbody tr').count(), 6);
    await page.locator('#whatif').screenshot({ path: join(env.artifacts, 'whatif-lower-rate.png') });
    await axeCheck(page, 'the what-if panel with its results');
  } finally {
    await done();
  }
});

test('the 25号 uplift for the units the sheet marks, and for every unit: the CLI\'s totals', async () => {
  const { page, done } = await screened();
  try {
    let column = 0;
    for (const choice of ['column', 'all']) {
      await page.check(`#uplift input[value="${choice}"]`);
      await run(page);
      const reform = await reformShown(page);
      const cli = cliSummary(reform);
      assert.deepEqual(await figures(page), expected(cli));
      if (choice === 'all') assert.ok(cli.reform.amount_fen > cli.base.amount_fen, 'the uplift for every enterprise gives more');
      // Every third unit is marked: more than in force, less than for every unit.
      if (choice === 'column') assert.ok(cli.reform.amount_fen > cli.base.amount_fen && cli.changes.changed > 0);
      if (choice === 'column') column = cli.reform.amount_fen;
      if (choice === 'all') assert.ok(cli.reform.amount_fen > column, 'for every enterprise gives more than for the marked ones');
    }
  } finally {
    await done();
  }
});

test('an impossible value is refused at its field with the engine\'s message; nothing is computed', async () => {
  const { page, done } = await screened();
  try {
    await page.fill('#param-min_contribution_months', '-3');
    await page.dispatchEvent('#param-min_contribution_months', 'change');
    await run(page);
    await page.waitForSelector('#whatif-error');
    assert.match(await page.locator('#whatif-error').textContent(), /0 到 10000000 之间的整数/);
    assert.equal(await page.locator('#param-min_contribution_months[aria-invalid="true"]').count(), 1);
    assert.equal(await page.locator('#whatif-results').count(), 0);
    // The screening's own summary is untouched.
    assert.ok(Number(await page.locator('#total-amount').getAttribute('data-fen')) > 0);
  } finally {
    await done();
  }
});

test('a reform saved as a file loads again, and a shared link restores it', async () => {
  const first = await screened();
  let reform;
  let link;
  try {
    await first.page.fill('#param-refund_rate_sme', '45%');
    await first.page.dispatchEvent('#param-refund_rate_sme', 'change');
    reform = await reformShown(first.page);
    await first.page.click('#share-reform');
    link = await first.page.locator('#reform-link').inputValue();
    assert.match(link, /#reform=[A-Za-z0-9_-]+$/);
  } finally {
    await first.done();
  }
  const path = join(dir, 'saved.json');
  writeFileSync(path, JSON.stringify(reform));
  const second = await screened();
  try {
    await second.page.setInputFiles('#load-reform', path);
    await second.page.waitForFunction(() => document.querySelector('#param-refund_rate_sme').value === '45%');
  } finally {
    await second.done();
  }
  const w = await open(env, `screen.html?region=140100&date=2025-08-01${link.slice(link.indexOf('#'))}`, { viewport: { width: 1280, height: 900 }, wait: null });
  try {
    await w.page.waitForSelector('#app[data-engine="ready"]');
    await w.page.setInputFiles('#file', csvPath);
    await w.page.waitForFunction(() => Number(document.querySelector('#app').dataset.screened || 0) > 0, null, { timeout: 60000 });
    await w.page.click('#open-whatif');
    await w.page.waitForFunction(() => document.querySelector('#param-refund_rate_sme') && document.querySelector('#param-refund_rate_sme').value === '45%');
  } finally {
    await w.done();
  }
});

test('an XLSX file is run again under the reform from its rows: the CLI\'s totals on the same units', async () => {
  const small = screenFile(2000, 7);
  const path = join(dir, 'units.xlsx');
  writeFileSync(path, await xlsx(SITE, small.rows));
  const { page, done } = await screened(path);
  try {
    await page.fill('#param-min_contribution_months', '6');
    await page.dispatchEvent('#param-min_contribution_months', 'change');
    await run(page);
    const reform = await reformShown(page);
    // The same cells as CSV for the CLI (the XLSX holds numbers as numbers, which read the same).
    const cli = cliSummary(reform, Buffer.from(small.csv, 'utf8'));
    assert.ok(cli.changes.gained > 0, 'six months instead of twelve lets more units qualify');
    assert.deepEqual(await figures(page), expected(cli));
  } finally {
    await done();
  }
});
