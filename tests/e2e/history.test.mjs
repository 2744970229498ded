// Back and Forward: every screen is a history entry; the answers stay in
// the page's memory (never in storage, the URL or the entries themselves);
// a kiosk wipe and 重新开始 leave nothing to go back to. And typed text
// survives a language switch.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  andWait, answer, answerAll, choose, clickAndWait, currentFact, open, screen, suite, SHANXI_SME,
} from './lib/page.mjs';

const env = suite('history');

const back = (page) => andWait(page, () => page.goBack({ waitUntil: 'commit' }));
const forward = (page) => andWait(page, () => page.goForward({ waitUntil: 'commit' }));
const where = async (page) => [await screen(page), (await screen(page)) === 'question' ? await currentFact(page) : null];

describe('history', () => {
  test('Back and Forward move between the questions and the result, answers kept', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    const asked = await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    const result = await page.locator('#amount').innerText();

    await back(page);
    const seen = [];
    while ((await screen(page)) === 'question') {
      seen.push(await currentFact(page));
      await back(page);
    }
    assert.deepEqual(seen, [...asked].reverse(), 'back through every question, skipped ones too');
    assert.equal(await screen(page), 'where', 'then the region and date');
    assert.equal(await page.locator('#province').inputValue(), '140000', 'the region is kept');
    await back(page);
    assert.equal(await screen(page), 'who');

    await forward(page);
    assert.equal(await screen(page), 'where');
    await forward(page);
    assert.deepEqual(await where(page), ['question', 'unit_type']);
    assert.equal(await page.locator('form[data-fact] input:checked').count(), 1, 'the answer is still chosen');
    await forward(page);
    assert.deepEqual(await where(page), ['question', 'insured_headcount']);
    assert.equal(await page.locator('#fact-insured_headcount').inputValue(), '80', 'the typed answer is still there');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fact-insured_headcount', 'focused on arrival');

    // Change an answer on the way, then go on: the result follows the new answer.
    await page.fill('#fact-insured_headcount', '100');
    await clickAndWait(page, '#next');
    await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('.answers [data-fact="insured_headcount"]').innerText(), /100 人/);

    // The in-page Back is the browser's Back.
    await clickAndWait(page, '#restart');
    assert.equal(await screen(page), 'who');
    await done();
    assert.ok(result.includes('34,073.47'));
  });

  test('the history entries and the URL carry no answer', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answer(page, '企业');
    await answer(page, '12345');
    const entry = await page.evaluate(() => JSON.stringify(history.state));
    assert.doesNotMatch(entry, /12345|enterprise|企业/, entry);
    assert.equal(new URL(page.url()).search + new URL(page.url()).hash, '', 'the URL is the page\'s own');
    await done();
  });

  test('edit links from the result: one question, then straight back; Back returns to the result too', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answerAll(page, SHANXI_SME);
    await clickAndWait(page, '.answers [data-edit="contributions_paid"]');
    assert.deepEqual(await where(page), ['question', 'contributions_paid']);
    assert.equal(await page.locator('#skip').count(), 0, 'no skipping from an edit');
    await back(page);
    assert.equal(await screen(page), 'result', 'Back from an edit is the result');
    await forward(page);
    assert.deepEqual(await where(page), ['question', 'contributions_paid']);
    await answer(page, '10万');
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#amount').innerText(), /60,000\.00 元/, '60% of 100 000');
    assert.match(await page.locator('.answers [data-fact="contributions_paid"]').innerText(), /100,000 元/);
    // The in-page 回到结果 on an edit is Back, too.
    await clickAndWait(page, '.answers [data-edit="layoffs"]');
    await clickAndWait(page, '#back');
    assert.equal(await screen(page), 'result');
    await done();
  });

  test('重新开始 forgets the journey: nothing comes back by Back or Forward', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answer(page, '企业');
    await answer(page, '80');
    await answerAll(page, SHANXI_SME);
    await clickAndWait(page, '#restart');
    assert.equal(await screen(page), 'who');
    await page.goForward({ waitUntil: 'commit' });
    await page.waitForTimeout(200);
    assert.equal(await screen(page), 'who', 'Forward brings back no answer');
    await clickAndWait(page, 'button[data-program="stabilization_refund"]');
    await clickAndWait(page, 'form.where button[type=submit]');
    assert.equal(await page.locator('form[data-fact] input:checked').count(), 0, 'the answers are gone');
    await done();
  });

  test('two quick taps on English while its words load switch the page once', async () => {
    const { page, done } = await open(env);
    const lang = await page.evaluate(async () => {
      const b = document.getElementById('toggle-lang');
      b.click();
      b.click();   // before i18n-en.mjs has arrived: no second switch
      await import('./i18n.mjs').then((m) => m.english());
      await new Promise((resolve) => setTimeout(resolve, 200));
      return document.documentElement.lang;
    });
    assert.equal(lang, 'en');
    await done();
  });

  test('typed text and choices survive a language switch, in both directions', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answer(page, '企业');
    await page.fill('#fact-insured_headcount', '八十');
    await andWait(page, () => page.click('#toggle-lang'));
    assert.equal(await page.locator('form[data-fact] h1').innerText(), 'Insured employees at the end of last year (2023)',
                 'in English, and naming the year');
    assert.equal(await page.locator('#fact-insured_headcount').inputValue(), '八十', 'typed text kept');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'toggle-lang', 'focus stays on the switch');
    assert.equal(await page.locator('form[data-fact] .unit').innerText(), 'people', 'units in English');
    await page.fill('#fact-insured_headcount', '80 people');
    await andWait(page, () => page.click('#toggle-lang'));
    assert.equal(await page.locator('#fact-insured_headcount').inputValue(), '80 people');
    await clickAndWait(page, '#next');
    assert.equal(await currentFact(page), 'layoffs', 'and it was understood');
    await back(page);
    await back(page);
    await page.locator('label.choice').nth(1).click();
    await andWait(page, () => page.click('#toggle-lang'));
    assert.equal(await page.locator('form[data-fact] input:checked').getAttribute('value'), '1', 'a choice not yet sent is kept too');
    await done();
  });
});
