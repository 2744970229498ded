// Kiosk mode (?kiosk=1): big targets, no share link, a region set up by the
// hall (?region=, a province or a prefecture code), the "还在使用吗？" prompt
// with a countdown before the idle wipe (?idle= shortens it for tests), and a
// wipe that clears every answer and the history.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeCheck, answerAll, choose, clickAndWait, currentFact, engineReady, open, screen, shot, suite } from './lib/page.mjs';

const env = suite('kiosk');
// Months as a kiosk takes them: years and months in two number fields, no input method needed.
const WORKER = { worker_status: '企业在职职工', insured_months: ['1', '6'], certificate: '职业技能等级证书', level: '五级/初级工' };

describe('kiosk', () => {
  test('full-screen layout, large targets, no share link; the wipe clears every answer and the history', async () => {
    const { page, done } = await open(env, '?kiosk=1&idle=4', { viewport: { width: 1080, height: 1920 } });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('kiosk')));
    const small = await page.$$eval('main button', (els) => els.filter((b) => b.offsetParent && b.getBoundingClientRect().height < 64)
      .map((b) => b.textContent));
    assert.deepEqual(small, [], 'every touch target in the page is at least 64 px high');
    assert.match(await page.locator('#kiosk-note').innerText(), /4 秒/);
    assert.equal(await page.locator('#screen-link').isVisible(), false, 'no link away from the kiosk to the office page');

    await choose(page, 'skill_subsidy', '660000', '2024-04-20');
    await answerAll(page, WORKER);
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#make-share').count(), 0, 'no share link in kiosk mode');
    assert.match(await page.locator('.answers [data-fact="insured_months"]').innerText(), /18 个月/, '1 年 6 个月 read as 18 months');
    // Opened again from the result, the two fields show what was given, and 下一步 keeps it.
    await clickAndWait(page, '.answers [data-edit="insured_months"]');
    assert.deepEqual([await page.inputValue('#fact-insured_months-years'), await page.inputValue('#fact-insured_months-months')], ['1', '6']);
    await clickAndWait(page, '#next');
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('.answers [data-fact="insured_months"]').innerText(), /18 个月/);
    await shot(env, page, '01-kiosk-result', { fullPage: false });

    await page.waitForFunction(() => document.querySelector('#app').dataset.wiped === '1', null, { timeout: 15000 });
    assert.equal(await screen(page), 'who', 'back at the start after the idle time');
    await shot(env, page, '02-kiosk-after-idle', { fullPage: false });
    // Nothing of the session comes back through the history.
    await page.goBack({ waitUntil: 'commit' }).catch(() => {});
    await page.waitForTimeout(300);
    if (page.url().startsWith(env.server.url)) {
      await page.waitForSelector('#app[data-screen]');
      assert.equal(await screen(page), 'who', 'Back after a wipe shows no earlier screen');
    }
    await page.goForward({ waitUntil: 'commit' }).catch(() => {});
    await page.waitForSelector('#app[data-screen]');
    await page.waitForTimeout(300);
    assert.equal(await screen(page), 'who', 'Forward after a wipe brings nothing back');
    await engineReady(page);
    await clickAndWait(page, 'button[data-program="skill_subsidy"]');
    assert.equal(await page.locator('#province').inputValue(), '', 'the region is forgotten');
    await page.selectOption('#province', '660000');
    await page.fill('#date', '2024-04-20');
    await clickAndWait(page, 'form.where button[type=submit]');
    assert.equal(await currentFact(page), 'worker_status');
    assert.equal(await page.locator('form[data-fact] input:checked').count(), 0, 'no answer survives the reset');
    await done();
  });

  test('"还在使用吗？" with a countdown before the wipe; a touch keeps the session', async () => {
    const { page, done } = await open(env, '?kiosk=1&idle=4', { viewport: { width: 1080, height: 1920 } });
    await choose(page, 'skill_subsidy', '660000', '2024-04-20');
    await page.locator('label.choice', { hasText: '企业在职职工' }).click();   // the time counts from here
    const dialog = page.locator('#idle-dialog');
    await dialog.waitFor({ state: 'visible', timeout: 6000 });
    assert.equal(await page.locator('#idle-title').innerText(), '还在使用吗？');
    const first = await page.locator('#idle-text').innerText();
    assert.match(first, /^2 秒后将清除全部回答并回到首页。$/, 'half of a short idle time (20 s of the usual 120 s)');
    // axe and the screenshot take most of a second on a loaded machine: done in
    // the first second of the countdown, so the last one is left for the touch.
    await axeCheck(page, 'idle prompt');
    await shot(env, page, '03-idle-prompt', { fullPage: false });
    await page.waitForFunction(() => /^1 秒/.test(document.querySelector('#idle-text').textContent), null, { timeout: 3000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'idle-stay', 'the way to stay has focus');
    await page.click('#idle-stay');
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await screen(page), 'question', 'the session goes on');
    assert.equal(await page.locator('form[data-fact] input:checked').count(), 1, 'with its answer');
    assert.equal(await page.evaluate(() => document.querySelector('#app').dataset.wiped), undefined);
    // Left alone, the prompt comes back and then everything is wiped.
    await dialog.waitFor({ state: 'visible', timeout: 6000 });
    await page.waitForFunction(() => document.querySelector('#app').dataset.wiped === '1', null, { timeout: 6000 });
    assert.equal(await dialog.isVisible(), false, 'the prompt closes with the wipe');
    assert.equal(await screen(page), 'who');
    await done();
  });

  test('?region= takes a prefecture code (371500 聊城) as well as a province', async () => {
    const { page, done } = await open(env, '?kiosk=1&region=371500', { viewport: { width: 1080, height: 1920 } });
    await engineReady(page);
    await clickAndWait(page, 'button[data-program="unemployment_benefit"]');
    assert.equal(await page.locator('#province').inputValue(), '370000');
    assert.equal(await page.locator('#city').inputValue(), '371500');
    assert.match(await page.locator('#city-note').innerText(), /未列出的城市请选全省/);
    await clickAndWait(page, 'form.where button[type=submit]');
    assert.match(await page.locator('form[data-fact] .crumb').innerText(), /山东省 聊城市/);
    // 聊城's 失业保险金: 90% of its minimum wage of 1820 元 = 1638 元 a month; 山东 grades no months of
    // its own, so 60 months of contributions give the national ceiling of 18: 1638 × 18 = 29484.
    await answerAll(page, { contribution_months: '60', separation_reason: '劳动合同到期终止' });
    assert.equal(await page.locator('#amount .per-month').innerText(), '每月 1,638.00 元');
    assert.equal(await page.locator('#amount-total').innerText(), '最长 18 个月，最多共 29,484.00 元（约 2.95 万元）');
    const yuan = await page.locator('#amount .yuan').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(yuan >= 36, `the monthly amount is large on a kiosk (${yuan} px)`);
    await shot(env, page, '04-kiosk-benefit', { fullPage: false });
    await done();

    const { page: p2, done: d2 } = await open(env, '?region=140000');
    await engineReady(p2);
    await clickAndWait(p2, 'button[data-program="stabilization_refund"]');
    assert.equal(await p2.locator('#province').inputValue(), '140000');
    assert.equal(await p2.locator('#city').inputValue(), '', 'the whole province');
    assert.deepEqual(await p2.locator('#city option').allInnerTexts(), ['全省 / 不选城市', '阳泉市']);
    assert.match(await p2.locator('#city-note').innerText(), /未列出的城市请选全省/, '山西 lists 阳泉 only: the note says what to do');
    await d2();
  });
});
