#!/usr/bin/env node
// The four personas of the estimator, each to its result, in three modes: a
// phone (390×844), elder mode on a small phone (360×640) and a kiosk
// (1080×1920): a screenshot of the result's first screen each, in
// test-artifacts/personas/, and a line saying the verdict and where the
// headline block ends (it should end within the screen's height). A report
// for a person to look at, not a test.
//
//   node scripts/persona-shots.mjs [--site DIR]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const at = process.argv.indexOf('--site');
const server = await startServer({ root: at > 0 ? process.argv[at + 1] : join(repo, 'build', 'wasm', 'site'), port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const out = join(repo, 'test-artifacts', 'personas');
mkdirSync(out, { recursive: true });
// An HR officer asking in 2026 (only the 2025 policy exists), a worker with a certificate, a worker who
// resigned, a 58-year-old laid off after 9 years 3 months (the extension to retirement).
const PERSONAS = {
  'hr-2026': { program: 'stabilization_refund', province: '140000', date: '2026-11-22', latest: true,
    answers: { unit_type: '企业', insured_headcount: '80', layoffs: '4', contribution_months: '24', contributions_paid: '56789.12', size: '中小微企业' } },
  'worker-skill': { program: 'skill_subsidy', province: '660000', date: '2024-04-20',
    answers: { worker_status: '企业在职职工', insured_months: ['1', '6'], certificate: '职业技能等级证书', level: '四级/中级工' } },
  'resigned': { program: 'unemployment_benefit', province: '140000', city: '140300', date: '2025-07-01',
    answers: { contribution_months: ['5', '0'], separation_reason: '我自己辞职' } },
  'dismissed-58': { program: 'unemployment_benefit', province: '140000', city: '140300', date: '2025-07-01',
    answers: { contribution_months: ['9', '3'], separation_reason: '被单位解除合同', benefit_months_used: '0', birth_month: ['1967', '3'], retirement_group: '男职工' } },
};
const MODES = { phone: ['', { width: 390, height: 844 }], elder: ['?elder=1', { width: 360, height: 640 }], kiosk: ['?kiosk=1&idle=3600', { width: 1080, height: 1920 }] };
for (const [mode, [q, viewport]] of Object.entries(MODES)) {
  for (const [name, p] of Object.entries(PERSONAS)) {
    const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(server.url + q);
    await page.waitForSelector('#app[data-engine="ready"]');
    const wait = async (act) => { const n = Number(await page.locator('#app').getAttribute('data-renders')); await act();
      await page.waitForFunction((k) => Number(document.querySelector('#app').dataset.renders) > k && !document.querySelector('#app').hasAttribute('aria-busy'), n); };
    await wait(() => page.click(`button[data-program="${p.program}"]`));
    await page.selectOption('#province', p.province);
    if (p.city) await page.selectOption('#city', p.city);
    await page.fill('#date', p.date);
    await wait(() => page.click('form.where button[type=submit]'));
    if (p.latest) await wait(() => page.click('#use-latest'));
    for (let i = 0; i < 30 && (await page.locator('#app').getAttribute('data-screen')) === 'question'; i++) {
      const fact = await page.locator('form[data-fact]').getAttribute('data-fact');
      const v = p.answers[fact];
      const form = page.locator('form[data-fact]');
      if (v === undefined) { await wait(() => page.click('#skip')); continue; }
      if (await form.locator('.choices').count()) await form.locator('label.choice', { hasText: v }).first().click();
      else if (await form.locator('.field-input.split').count()) {
        const [a, b] = Array.isArray(v) ? v : ['', v];
        await form.locator('input[id$="-years"]').fill(a); await form.locator('input[id$="-months"]').fill(b);
      } else await form.locator('input').fill(Array.isArray(v) ? (fact === 'birth_month' ? `${v[0]}-0${v[1]}` : `${v[0]}年${v[1]}个月`) : v);
      await wait(() => page.click('#next'));
    }
    await page.screenshot({ path: `${out}/${mode}-${name}.png` });
    const bottom = await page.locator('#headline').evaluate((el) => el.getBoundingClientRect().bottom);
    console.log(mode, name, await page.locator('#verdict').innerText(), `headline bottom ${Math.round(bottom)} of ${viewport.height}`);
    await ctx.close();
  }
}
await browser.close(); await server.close();
