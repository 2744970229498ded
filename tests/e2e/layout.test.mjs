// Layout in every mode and language: nothing scrolls sideways at 320, 360 or
// 390 px; axe-core finds no violation on any screen; in elder and kiosk mode
// a 360×640 phone shows a slim header, the answer and 下一步 on the first
// screen, targets of 44 px and more, a focus ring of at least 3:1, the focus
// on the answer on arrival and on the faulty field after an error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  andWait, answer, answerAll, axeCheck, choose, clickAndWait, engineReady, MODES, noSidewaysScroll, open, screen, shot, suite, SHANXI_SME,
} from './lib/page.mjs';

const env = suite('layout');

// Every screen of a journey with an error and a failed result, checked as it comes.
async function journey(page, mode, check) {
  await engineReady(page);
  await check('who');
  await clickAndWait(page, 'button[data-program="stabilization_refund"]');
  await page.selectOption('#province', '140000');
  await page.selectOption('#city', '140300');
  await page.fill('#date', '2024-07-15');
  await check('where');
  await clickAndWait(page, 'form.where button[type=submit]');
  await check('question-choices');
  await answer(page, mode.startsWith('english') ? 'Enterprise' : '企业');
  await page.fill('#fact-insured_headcount', '1234567890123456789012345678901234567890');
  await clickAndWait(page, '#next');
  await check('question-error');
  await answer(page, '500');
  await answer(page, '30');
  assert.equal(await screen(page), 'result');
  if (await page.locator('#make-share').count()) await page.click('#make-share');
  await check('result');
  await clickAndWait(page, '#asks [data-edit="contribution_months"]');   // a question still to answer
  // A kiosk takes years and months in two number fields.
  if (mode.startsWith('kiosk')) await page.fill('#fact-contribution_months-years', '2');
  else await page.fill('#fact-contribution_months', '2年');
  await check('question-typed');
}

describe('layout', () => {
  for (const [mode, query] of Object.entries(MODES)) {
    test(`${mode}: no sideways scrolling at 320/360/390 px, and no axe violation, on every screen`, async () => {
      const { page, done } = await open(env, query, { viewport: { width: 390, height: 844 } });
      await journey(page, mode, async (name) => {
        await noSidewaysScroll(page, `${mode} ${name}`);
        await axeCheck(page, `${mode} ${name}`);
        if (name === 'result' || name === 'question-error') {
          await page.setViewportSize({ width: 320, height: 640 });
          await shot(env, page, `${mode}-${name}-320`);
          await page.setViewportSize({ width: 390, height: 844 });
        }
      });
      await done();
    });
  }

  // 失业保险金: how the job ended (7 long choices) and the monthly amount, in every mode, down to 320 px.
  for (const [mode, query] of [...Object.entries(MODES), ['kiosk-elder', '?kiosk=1&elder=1']]) {
    test(`${mode}: 失业保险金's seven choices and its monthly amount fit at 320/360/390 px, with no axe violation`, async () => {
      const english = mode.startsWith('english');
      const { page, done } = await open(env, query, { viewport: { width: 320, height: 640 } });
      await choose(page, 'unemployment_benefit', '140000', '2025-07-01', '140300');
      await answer(page, '60');
      const choices = page.locator('form[data-fact="separation_reason"] label.choice');
      assert.equal(await choices.count(), 7);
      await noSidewaysScroll(page, `${mode} separation_reason`);
      await axeCheck(page, `${mode} separation_reason`);
      const boxes = await choices.evaluateAll((els) => els.map((l) => {
        const r = l.getBoundingClientRect();
        const text = l.querySelector('span').getBoundingClientRect();
        return { h: r.height, right: r.right, textRight: text.right, clipped: l.scrollWidth > l.clientWidth };
      }));
      for (const b of boxes) {
        assert.ok(b.h >= 44 && !b.clipped && b.textRight <= b.right, `${mode}: a choice wraps inside its box (${JSON.stringify(b)})`);
      }
      await shot(env, page, `${mode}-separation-reason-320`);
      await answer(page, english ? 'The employer ended it' : '被单位解除合同');
      await clickAndWait(page, '#skip-rest');
      assert.equal(await screen(page), 'result');
      const perMonth = await page.locator('#amount .per-month').innerText();
      assert.equal(perMonth, english ? '1,935.00 yuan a month' : '每月 1,935.00 元');
      assert.match(await page.locator('#amount-total').innerText(), english ? /34,830\.00 yuan/ : /34,830\.00 元/);
      await noSidewaysScroll(page, `${mode} benefit result`);
      await axeCheck(page, `${mode} benefit result`);
      await shot(env, page, `${mode}-benefit-result-320`, { fullPage: false });
      await done();
    });
  }

  test('no sideways scrolling on the other screens: no policy, check boxes, candidates, idle prompt', async () => {
    // Each screen in elder mode, in Chinese and then in English.
    const both = async (page, label) => {
      await noSidewaysScroll(page, `${label} (zh)`);
      await andWait(page, () => page.click('#toggle-lang'));
      await noSidewaysScroll(page, `${label} (en)`);
      await axeCheck(page, `${label} (en)`);
      await andWait(page, () => page.click('#toggle-lang'));
    };
    const { page, done } = await open(env, '?elder=1', { viewport: { width: 320, height: 640 } });
    await choose(page, 'stabilization_refund', '140000', '2026-11-22');
    assert.equal(await screen(page), 'nopolicy');
    await both(page, 'no policy');
    await clickAndWait(page, '#use-latest');
    const { size, ...unsized } = SHANXI_SME;
    await answerAll(page, unsized);
    await both(page, 'result with candidates');
    await done();
    const { page: p2, done: d2 } = await open(env, '?elder=1', { viewport: { width: 320, height: 640 } });
    await choose(p2, 'skill_subsidy', '660000', '2024-04-20');
    await answerAll(p2, { worker_status: '企业在职职工', insured_months: '18', certificate: '职业技能等级证书', level: '四级/中级工' });
    await clickAndWait(p2, '.answers [data-edit="previous_levels_same_occupation"]');
    assert.equal(await p2.locator('form[data-fact="previous_levels_same_occupation"] input[type=checkbox]').count(), 5);
    await both(p2, 'check boxes');
    await d2();
    const { page: p3, done: d3 } = await open(env, '?kiosk=1&idle=2', { viewport: { width: 320, height: 640 } });
    await p3.locator('#idle-dialog').waitFor({ state: 'visible', timeout: 5000 });
    await noSidewaysScroll(p3, 'kiosk idle prompt');
    await d3();
  });

  for (const [mode, query] of [['elder', '?elder=1'], ['kiosk', '?kiosk=1'], ['english-elder', '?lang=en&elder=1'],
                               ['kiosk-elder', '?kiosk=1&elder=1']]) {
    test(`${mode} on a 360×640 phone: slim header, answer and 下一步 on the first screen, big targets, strong focus`, async () => {
      const { page, done } = await open(env, query, { viewport: { width: 360, height: 640 } });
      const header = await page.locator('header.bar').boundingBox();
      assert.ok(header.height <= 64, `the header is ${header.height} px high`);
      const toggles = await page.$$eval('.toggles button', (els) => els.map((b) => [b.textContent, b.getBoundingClientRect().height]));
      for (const [text, h] of toggles) assert.ok(h <= 52, `“${text}” stays on one line (${h} px)`);
      await choose(page, 'stabilization_refund', '140000', '2024-07-15');
      for (const fact of ['unit_type', 'insured_headcount']) {
        const next = await page.locator('#next').boundingBox();
        assert.ok(next.y >= 0 && next.y + next.height <= 640, `${fact}: 下一步 in view (${next.y}–${next.y + next.height})`);
        const first = await page.locator('form[data-fact] .choices label, form[data-fact] .field-input input').first().boundingBox();
        assert.ok(first.y + first.height <= next.y, `${fact}: the answer is above the Next bar, on the first screen`);
        const focused = await page.evaluate(() => document.activeElement.closest('form[data-fact]') !== null &&
          document.activeElement.matches('input'));
        assert.ok(focused, `${fact}: the answer has the focus on arrival`);
        await shot(env, page, `${mode}-360x640-${fact}`, { fullPage: false });
        if (fact === 'unit_type') {
          const targets = await page.$$eval('form[data-fact] .choices label', (els) => els.map((l) => l.getBoundingClientRect().height));
          for (const h of targets) assert.ok(h >= 44, `a choice is ${h} px high`);
          const radio = await page.locator('form[data-fact] .choices input').first().boundingBox();
          assert.ok(radio.height >= 30, `the radio button itself scales (${radio.height} px)`);
          await answer(page, mode.startsWith('english') ? 'Enterprise' : '企业');
        }
      }
      const buttons = await page.$$eval('main button', (els) => els.filter((b) => b.offsetParent).map((b) => [b.textContent, b.getBoundingClientRect().height]));
      for (const [text, h] of buttons) assert.ok(h >= 44, `“${text}” is ${h} px high`);

      // The focus ring: at least 3:1 against what surrounds it, on the page and on the bar.
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(ringContrast, '#next');
      assert.ok(ring.width >= 2 && ring.contrast >= 3, `focus ring on the page: ${JSON.stringify(ring)}`);
      const barRing = await page.evaluate(ringContrast, '#toggle-elder');
      assert.ok(barRing.width >= 2 && barRing.contrast >= 3, `focus ring on the bar: ${JSON.stringify(barRing)}`);

      // After an error, the focus is on the faulty field.
      await page.fill('#fact-insured_headcount', '-5');
      await clickAndWait(page, '#next');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'fact-insured_headcount');
      assert.equal(await page.locator('#fact-insured_headcount').getAttribute('aria-invalid'), 'true');
      await shot(env, page, `${mode}-360x640-error`, { fullPage: false });
      await done();
    });
  }
});

// In the page: focuses `selector` as the keyboard would, and gives the
// outline's width and its contrast against the background behind it.
function ringContrast(selector) {
  const el = document.querySelector(selector);
  el.focus({ focusVisible: true });
  const style = getComputedStyle(el);
  const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = el.parentElement;
  while (bg && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bg).backgroundColor)) bg = bg.parentElement;
  const a = lum(rgb(style.outlineColor));
  const b = lum(rgb(getComputedStyle(bg || document.body).backgroundColor));
  return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor,
           contrast: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 };
}
