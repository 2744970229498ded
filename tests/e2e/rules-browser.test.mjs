// The rules library (法规库, build/wasm/site/rules/) in a real browser: a
// result's citation link lands on the quote in its policy's page; search by
// document number and by words of a quote; English; axe; print. The single
// page loads nothing of the library until a link is followed.
// Helpers and the checks every test gets (nothing leaves 127.0.0.1, no console
// error, nothing stored): lib/page.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { answerAll, axeCheck, choose, clickAndWait, open, openDetail, screen, shot, suite, SHANXI_SME } from './lib/page.mjs';

const env = suite('rules');
const WIDE = { width: 1100, height: 900 };

/** Types a search and waits until the status says what was found. */
async function search(page, words) {
  await page.fill('#q', words);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => document.getElementById('search-results').dataset.query === q, words);
  return page.locator('#search-results');
}

describe('the rules library', () => {
  test('a citation in a result links to its quote on the policy\'s page, which loads only then', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2025-08-01');
    await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    assert.ok(!env.served.some((u) => u.startsWith('/rules/')), 'the page has loaded nothing of the library');
    assert.equal(await page.locator('footer #rules-link').getAttribute('href'), 'rules/index.html', 'the footer links to the library');
    await openDetail(page);
    // The layoff-rate condition: its quote is the national document's, inherited by 晋人社厅发〔2025〕13号.
    const cite = page.locator('.all-conditions li.condition[data-condition="layoff_rate"] details.cite');
    await cite.locator('summary').click();
    const quote = (await cite.locator('blockquote').innerText()).trim();
    const link = cite.locator('a');
    assert.equal(await link.innerText(), '在法规库中查看');
    const href = await link.getAttribute('href');
    assert.match(href, /^rules\/sx-2025-13\.html#q-[0-9a-f]{8}$/);
    await axeCheck(page, 'result with a citation unfolded');
    await Promise.all([page.waitForURL(/\/rules\/sx-2025-13\.html#q-/), link.click()]);
    const id = new URL(page.url()).hash.slice(1);
    const target = page.locator(`[id="${id}"]`);
    assert.equal(await target.count(), 1, 'the fragment names one element of the page');
    assert.ok((await target.innerText()).includes(quote), 'it holds the quote the result showed');
    assert.equal(await page.evaluate(() => document.querySelector(':target') && document.querySelector(':target').id), id);
    await shot(env, page, '02-policy-landed', { fullPage: false });
    await done();
  });

  test('a kiosk links nowhere; in English the link leads to the English page', async () => {
    const kiosk = await open(env, '?kiosk=1');
    await choose(kiosk.page, 'stabilization_refund', '140000', '2025-08-01');
    assert.equal(await kiosk.page.locator('details.cite').count() > 0, true, 'the question shows its source');
    assert.equal(await kiosk.page.locator('details.cite a').count(), 0, 'but no link away');
    assert.equal(await kiosk.page.locator('#rules-link').isVisible(), false, 'nor in the footer');
    await kiosk.done();
    const english = await open(env, '?lang=en');
    await choose(english.page, 'stabilization_refund', '140000', '2025-08-01');
    const link = english.page.locator('details.cite a').first();
    assert.equal(await link.textContent(), 'View in the rules library');
    assert.match(await link.getAttribute('href'), /^rules\/en\/sx-2025-13\.html#q-[0-9a-f]{8}$/);
    await english.done();
  });

  test('the index lists every policy; search finds a document by its number and by words of a quote', async () => {
    const { page, done } = await open(env, 'rules/index.html', { wait: null, viewport: WIDE });
    assert.equal(await page.locator('h1').innerText(), '失业保险政策法规库');
    assert.ok(await page.locator('#all-h ~ ul.docs a[href="sx-2025-13.html"]').count() === 1, 'listed under 全部文件');
    assert.ok(await page.locator('table a[href="sx-2025-13.html"]').count() >= 1, 'in the programs × regions × years table');
    await axeCheck(page, 'rules index');
    await shot(env, page, '01-index');

    let found = await search(page, '〔2025〕13号');
    assert.ok(await found.locator('a[href="sx-2025-13.html"]').count() >= 1, 'by its whole number');
    found = await search(page, '[2024]28号');
    assert.ok(await found.locator('a[href="sx-2024-28.html"]').count() >= 1, 'by its number typed with other brackets');
    found = await search(page, '28号');
    const hrefs = await found.locator('li.doc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('sx-2024-28.html') && hrefs.includes('gd-2021-28.html'), `both 28号: ${hrefs}`);
    found = await search(page, '裁员率 30人');
    const quoteLink = found.locator('li.quote a').first();
    assert.match(await quoteLink.getAttribute('href'), /^[a-z0-9-]+\.html#q-[0-9a-f]{8}$/);
    assert.match(await found.locator('li.quote blockquote').first().innerText(), /裁员率/);
    await axeCheck(page, 'rules index with search results');
    await shot(env, page, '03-search');
    await Promise.all([page.waitForURL(/#q-/), quoteLink.click()]);
    const id = new URL(page.url()).hash.slice(1);
    assert.match(await page.locator(`[id="${id}"]`).innerText(), /裁员率/, 'a quote found lands on its place');
    await page.goBack();
    found = await search(page, '没有这样的词语xyz');
    assert.equal(await found.locator('li').count(), 0);
    assert.equal(await page.locator('#search-status').innerText(), '没有找到。');
    await done();
  });

  test('a policy page: conditions, dated parameters, what changed; axe, English and print', async () => {
    const { page, done } = await open(env, 'rules/sx-2025-13.html', { wait: null, viewport: WIDE });
    assert.equal(await page.locator('h1').innerText(), '晋人社厅发〔2025〕13号');
    const refund = page.locator('#p-stabilization_refund');
    assert.ok(await refund.locator('ol.conditions > li').count() >= 5);
    assert.match(await refund.locator('#v-stabilization_refund-refund_rate_sme').innerText(), /60%/);
    assert.match(await refund.locator('#x-stabilization_refund + p').innerText(), /晋人社厅发〔2024〕28号/, 'compared with the 2024 document');
    assert.match(await refund.innerText(), /large_avg_headcount_min/, 'the parameter 28号 had and 13号 dropped');
    await axeCheck(page, 'policy page');
    await shot(env, page, '04-policy');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.bar').isVisible(), false, 'no navigation on paper');
    await shot(env, page, '05-policy-print');
    await page.emulateMedia({ media: 'screen' });

    await Promise.all([page.waitForURL(/\/rules\/en\/sx-2025-13\.html$/), page.click('header nav a[hreflang="en"]')]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('#h-stabilization_refund').innerText(), 'Job-stabilisation refund');
    assert.match(await page.locator('#p-stabilization_refund').innerText(), /Layoff rate/);
    await axeCheck(page, 'English policy page');
    await shot(env, page, '06-policy-english');
    await page.goto(`${env.server.url}rules/en/index.html`);
    await axeCheck(page, 'English index');
    await shot(env, page, '07-index-english');
    await done();
  });
});
