#!/usr/bin/env node
// A kiosk's day: N journeys one after another in one page (?kiosk=1), each
// chosen, answered to its result and started again with 重新开始, as walk-in
// visitors do. A report, not a test: after each tenth of the journeys it
// forces a garbage collection and prints the DOM nodes (document and
// detached, Chromium's Performance.getMetrics "Nodes"), the JS heap used and
// the event listeners, so a leak shows as a column that keeps growing.
//
//   node scripts/kiosk-soak.mjs [--journeys 1000] [--site DIR]
//
// Serves DIR (default build/wasm/site) with scripts/serve.mjs; Debian's chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : fallback);
const site = opt('--site', join(repo, 'build', 'wasm', 'site'));
const journeys = Math.max(10, Number(opt('--journeys', 1000)));
if (!existsSync(join(site, 'index.html'))) {
  console.error(`kiosk-soak: no site in ${site}: bash scripts/build.sh`);
  process.exit(2);
}

const server = await startServer({ root: site, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // No idle wipe during the run: the journeys themselves start over.
  await page.goto(`${server.url}?kiosk=1&idle=3600&region=660000`);
  await page.waitForSelector('#app[data-engine="ready"]');
  const renders = () => page.locator('#app').getAttribute('data-renders').then(Number);
  const clickAndWait = async (selector) => {
    const before = await renders();
    await page.click(selector);
    await page.waitForFunction((n) => Number(document.querySelector('#app').dataset.renders) > n &&
      !document.querySelector('#app').hasAttribute('aria-busy'), before);
  };
  const metrics = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return m;
  };
  const ANSWERS = { worker_status: '企业在职职工', insured_months: ['1', '6'], certificate: '职业技能等级证书', level: '五级/初级工' };
  console.log(`Kiosk soak: ${journeys} journeys (技能提升补贴, 兵团, 4 answers, result, 重新开始), chromium ${browser.version()}`);
  console.log('  journeys   DOM nodes   JS heap used   listeners');
  const first = await metrics();
  console.log(`  ${'0'.padStart(8)}   ${String(first.Nodes).padStart(9)}   ${(first.JSHeapUsedSize / 1048576).toFixed(2).padStart(9)} MB   ${String(first.JSEventListeners).padStart(9)}`);
  for (let j = 1; j <= journeys; j++) {
    await clickAndWait('button[data-program="skill_subsidy"]');
    await page.fill('#date', '2024-04-20');
    await clickAndWait('form.where button[type=submit]');
    while ((await page.locator('#app').getAttribute('data-screen')) === 'question') {
      const fact = await page.locator('form[data-fact]').getAttribute('data-fact');
      const value = ANSWERS[fact];
      const form = page.locator('form[data-fact]');
      if (value === undefined) await clickAndWait('#skip');
      else {
        if (Array.isArray(value)) {
          await form.locator('input[id$="-years"]').fill(value[0]);
          await form.locator('input[id$="-months"]').fill(value[1]);
        } else await form.locator('label.choice', { hasText: value }).first().click();
        await clickAndWait('#next');
      }
    }
    await clickAndWait('#restart');
    if (j % Math.max(1, Math.floor(journeys / 10)) === 0) {
      const m = await metrics();
      console.log(`  ${String(j).padStart(8)}   ${String(m.Nodes).padStart(9)}   ${(m.JSHeapUsedSize / 1048576).toFixed(2).padStart(9)} MB   ${String(m.JSEventListeners).padStart(9)}`);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
