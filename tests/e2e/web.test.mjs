// The static page in a real browser: Debian's chromium, driven by
// playwright-core, against build/wasm/site served on 127.0.0.1.
//
// Every test fails if a request leaves 127.0.0.1 or the console shows an
// error. Screenshots go to test-artifacts/e2e/ (git-ignored).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const SITE = process.env.UIE_SITE_DIR || join(repo, 'build', 'wasm', 'site');
const ARTIFACTS = join(repo, 'test-artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = readFileSync(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TIMEZONE = 'Asia/Shanghai';

let server;
let browser;
const served = [];   // every path the server was asked for

before(async () => {
  if (!existsSync(join(SITE, 'index.html')) || !existsSync(join(SITE, 'estimator.wasm'))) {
    throw new Error(`${SITE} has no built site: run  cmake --preset wasm && cmake --build --preset wasm`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  rmSync(ARTIFACTS, { recursive: true, force: true });   // this run's screenshots only
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ root: SITE, port: 0 });
  server.server.on('request', (req) => served.push(req.url));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A fresh context per test, watched: requests that leave the page's origin
// are blocked and recorded, console errors and page errors are recorded.
async function open(path = '', { viewport = { width: 430, height: 900 }, expectErrors = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: TIMEZONE });
  const offsite = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url + path);
  await page.waitForSelector('#app[data-screen]');
  const done = async () => {
    const storage = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
    await context.close();
    assert.deepEqual(offsite, [], 'no request may leave 127.0.0.1');
    if (!expectErrors) assert.deepEqual(errors, [], 'the console shows no error');
    assert.deepEqual(storage, [0, 0, ''], 'nothing is stored in the browser');
    return errors;
  };
  return { page, done, errors };
}

const shot = (page, name, options = {}) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, ...options });

async function axeCheck(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () =>
    (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })));
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${label}: axe-core serious/critical violations`);
}

const screen = (page) => page.locator('#app').getAttribute('data-screen');
const currentFact = (page) => page.locator('form[data-fact]').getAttribute('data-fact');

async function choose(page, program, province, date, city) {
  await page.click(`button[data-program="${program}"]`);
  await page.waitForSelector('#app[data-screen="where"]');
  await page.selectOption('#province', province);
  if (city) await page.selectOption('#city', city);
  if (date) await page.fill('#date', date);
  await clickAndWait(page, 'form.where button[type=submit]');
}

// Clicks, then waits for the page to draw its next screen (app.mjs counts renders).
async function clickAndWait(page, selector) {
  const before = Number(await page.locator('#app').getAttribute('data-renders'));
  await page.click(selector);
  await page.waitForFunction((n) => {
    const app = document.querySelector('#app');
    return Number(app.dataset.renders) > n && !app.hasAttribute('aria-busy');
  }, before);
}

// Answers the question on screen: an option by its label, or typed text.
async function answer(page, value) {
  const form = page.locator('form[data-fact]');
  if (await form.locator('.choices').count()) {
    await form.locator('label.choice', { hasText: value }).first().click();
  } else {
    await form.locator('input').fill(value);
  }
  await clickAndWait(page, '#next');
}

// Answers whatever the engine asks, from `answers` (fact → value); an
// optional question without an answer is skipped. Returns the facts asked.
async function answerAll(page, answers) {
  const asked = [];
  while ((await screen(page)) === 'question') {
    const fact = await currentFact(page);
    asked.push(fact);
    assert.ok(asked.filter((f) => f === fact).length < 3, `stuck on ${fact}`);
    if (fact in answers) {
      await answer(page, answers[fact]);
    } else {
      assert.equal(await page.locator('#skip').count(), 1, `${fact} is required but the test has no answer for it`);
      await clickAndWait(page, '#skip');
    }
  }
  return asked;
}

const SHANXI_SME = {
  unit_type: '企业', size: '中小微企业', insured_headcount: '80', layoffs: '4', contribution_months: '24',
  contributions_paid: '56,789.12',
};

describe('the estimator page', () => {
  test('enterprise flow: 稳岗返还 in 山西, one question per screen, conditions with citations', async () => {
    const { page, done } = await open();
    await axeCheck(page, 'start screen');
    await shot(page, '01-start');
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    assert.equal(await screen(page), 'question');
    await axeCheck(page, 'question screen');
    await shot(page, '02-enterprise-question');
    const asked = await answerAll(page, SHANXI_SME);
    assert.deepEqual(asked.slice(0, 5), ['unit_type', 'insured_headcount', 'layoffs', 'contribution_months', 'contributions_paid'],
                     'required facts first, in the engine\'s order');
    assert.ok(asked.includes('size'), 'optional facts are offered after the required ones');
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    const amount = await page.locator('#amount').innerText();
    assert.match(amount, /34,073\.47 元/);
    assert.match(amount, /约 3\.41 万元/);
    assert.ok(await page.locator('li.condition.pass').count() >= 3);
    assert.equal(await page.locator('li.condition.fail').count(), 0);
    const cite = page.locator('li.condition details.cite').first();
    assert.equal(await cite.locator('blockquote').isVisible(), false, 'quotes are folded');
    await cite.locator('summary').click();
    assert.ok((await cite.locator('blockquote').innerText()).length > 5, 'the citation unfolds to the original text');
    assert.match(await page.locator('#disclaimer').innerText(), /以当地经办机构核定为准/);
    assert.match(await page.locator('section.policy').innerText(), /晋人社厅发〔2024〕28号/);
    await axeCheck(page, 'result screen');
    await shot(page, '03-enterprise-result');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.actions').isVisible(), false, 'no buttons on paper');
    await shot(page, '04-enterprise-print');
    await page.emulateMedia({ media: 'screen' });

    // The share link: the inputs in the fragment only; it reopens the same result.
    await page.click('#make-share');
    const link = await page.locator('#share-link').inputValue();
    assert.match(link, /#s=[A-Za-z0-9_-]+$/);
    assert.ok(!link.split('#')[0].includes('56789'), 'no fact before the fragment');
    const again = await page.context().newPage();
    await again.goto(link);
    await again.waitForSelector('#app[data-screen="result"]');
    assert.match(await again.locator('#amount').innerText(), /34,073\.47 元/);
    assert.ok(served.every((u) => !u.includes('s=') && !u.includes('56789')), 'the server never sees the inputs');
    await done();
  });

  test('worker flow: 技能提升补贴 in 兵团, a draft policy is marked as such', async () => {
    const { page, done } = await open();
    await choose(page, 'skill_subsidy', '660000', '2024-04-20');
    await answerAll(page, { worker_status: '企业在职职工', insured_months: '18', certificate: '职业技能等级证书', level: '五级' });
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    assert.match(await page.locator('#amount').innerText(), /1,000\.00 元/);
    assert.doesNotMatch(await page.locator('#amount').innerText(), /万元/, 'no 万 below 1 万元');
    assert.match(await page.locator('#draft').innerText(), /征求意见稿/);
    await axeCheck(page, 'worker result');
    await shot(page, '05-worker-result-draft');
    await done();
  });

  test('unemployed flow: 失业保险金 under national rules, on the default date (today)', async () => {
    const { page, done } = await open();
    await page.click('button[data-program="unemployment_benefit"]');
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE }).format(new Date());
    assert.equal(await page.locator('#date').inputValue(), expected, 'the date defaults to today');
    await page.selectOption('#province', '000000');
    await page.click('form.where button[type=submit]');
    await page.waitForSelector('form[data-fact]');
    await answerAll(page, { contribution_months: '24', involuntary: '是' });
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    assert.match(await page.locator('[data-field="max_months"]').innerText(), /12 个月/);
    assert.ok(await page.locator('li.condition').count() >= 2);
    await shot(page, '06-unemployed-result');
    await done();
  });

  test('a wrong input: the engine\'s message next to the question it names', async () => {
    const { page, done } = await open();
    await choose(page, 'stabilization_refund', '140000', '2024-07-15', '140300');   // 阳泉市
    assert.match(await page.locator('form[data-fact] .crumb').innerText(), /阳泉市/);
    await answer(page, '企业');
    await answer(page, '80');
    assert.equal(await currentFact(page), 'layoffs');

    await clickAndWait(page, '#next');
    assert.match(await page.locator('form[data-fact="layoffs"] .error').innerText(), /请先回答/);

    await answer(page, '-3');
    assert.equal(await currentFact(page), 'layoffs');
    const message = await page.locator('form[data-fact="layoffs"] .error').innerText();
    assert.match(message, /layoffs|裁员/);
    assert.equal(await page.locator('#fact-layoffs').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#fact-layoffs').inputValue(), '-3', 'what was typed stays for correction');
    await shot(page, '07-wrong-input');

    await answer(page, '81');   // more layoffs than insured employees: inconsistent_facts on /facts/layoffs
    assert.equal(await currentFact(page), 'layoffs');
    assert.match(await page.locator('form[data-fact="layoffs"] .error').innerText(), /81/);
    await axeCheck(page, 'question with an error');

    await answer(page, '4');
    assert.equal(await currentFact(page), 'contribution_months', 'corrected, the flow goes on');
    await done();
  });

  test('not eligible: the failed condition marked ✗ and the what-if hint', async () => {
    const { page, done } = await open();
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answerAll(page, { ...SHANXI_SME, size: '大型企业', insured_headcount: '500', layoffs: '30' });
    assert.equal(await screen(page), 'result', 'once a condition fails nothing more is asked');
    assert.equal(await page.locator('#verdict').innerText(), '✗ 不符合条件');
    assert.equal(await page.locator('#amount').count(), 0);
    const failed = page.locator('li.condition.fail');
    assert.equal(await failed.count(), 1);
    assert.match(await failed.innerText(), /✗/);
    assert.match(await failed.innerText(), /6\.00%/);
    assert.match(await page.locator('ul.whatif').innerText(), /27/, '5.5% × 500 = 27.5: at most 27 layoffs');
    await shot(page, '08-not-eligible');
    await done();
  });

  test('no policy in force: said plainly, with the latest one to estimate under', async () => {
    const { page, done } = await open();
    await choose(page, 'stabilization_refund', '140000', '2026-11-22');
    assert.equal(await screen(page), 'nopolicy');
    const text = await page.locator('#app').innerText();
    assert.match(text, /没有正在执行/);
    assert.match(text, /晋人社厅发〔2025〕13号/);
    assert.match(text, /2025-01-01 至 2025-12-31/);
    await axeCheck(page, 'no-policy screen');
    await shot(page, '09-no-policy');
    await page.click('#use-latest');
    await page.waitForSelector('form[data-fact]');
    await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#not-in-force').innerText(), /2025-12-31/);
    assert.match(await page.locator('#amount').innerText(), /34,073\.47 元/);
    await shot(page, '10-latest-policy-result');
    await done();
  });

  test('kiosk: full-screen layout, large targets, no share link, idle reset wipes every answer', async () => {
    const { page, done } = await open('?kiosk=1&idle=2', { viewport: { width: 1080, height: 1920 } });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('kiosk')));
    const small = await page.$$eval('button', (els) => els.filter((b) => b.offsetParent && b.getBoundingClientRect().height < 64)
      .map((b) => b.textContent));
    assert.deepEqual(small, [], 'every touch target is at least 64 px high');
    assert.match(await page.locator('#kiosk-note').innerText(), /2 秒/);

    await choose(page, 'skill_subsidy', '660000', '2024-04-20');
    await answerAll(page, { worker_status: '企业在职职工', insured_months: '18', certificate: '职业技能等级证书', level: '五级' });
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#make-share').count(), 0, 'no share link in kiosk mode');
    await shot(page, '11-kiosk-result', { fullPage: false });

    await page.waitForFunction(() => document.querySelector('#app').dataset.wiped === '1', null, { timeout: 10000 });
    assert.equal(await screen(page), 'who', 'back at the start after the idle time');
    await shot(page, '12-kiosk-after-idle', { fullPage: false });
    await page.click('button[data-program="skill_subsidy"]');
    assert.equal(await page.locator('#province').inputValue(), '', 'the region is forgotten');
    await page.selectOption('#province', '660000');
    await page.fill('#date', '2024-04-20');
    await page.click('form.where button[type=submit]');
    await page.waitForSelector('form[data-fact]');
    assert.equal(await currentFact(page), 'worker_status');
    assert.equal(await page.locator('form[data-fact] input:checked').count(), 0, 'no answer survives the reset');
    await done();
  });

  test('elder mode: large type and high contrast, still accessible; English as a switch', async () => {
    const { page, done } = await open();
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.click('#toggle-elder');
    assert.equal(await page.locator('#toggle-elder').getAttribute('aria-pressed'), 'true');
    const elder = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(elder >= base * 1.25, `elder font ${elder}px vs ${base}px`);
    await axeCheck(page, 'elder start');
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await axeCheck(page, 'elder question');
    await shot(page, '13-elder-question');

    await page.click('#toggle-lang');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('form[data-fact] h1').innerText(), 'Kind of insured unit');
    assert.equal(await page.locator('#next').innerText(), 'Next');
    await shot(page, '14-elder-english');
    await page.click('#toggle-lang');
    assert.equal(await page.locator('form[data-fact] h1').innerText(), '单位类型');
    await done();
  });

  test('privacy: the Content-Security-Policy blocks any other connection', async () => {
    const { page, done, errors } = await open('', { expectErrors: true });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
    const other = `http://127.0.0.1:${Number(new URL(server.url).port) + 1}/x`;
    const outcome = await page.evaluate(async (urls) => Promise.all(urls.map((u) =>
      fetch(u).then(() => 'connected', () => 'blocked'))), ['https://example.org/', other]);
    assert.deepEqual(outcome, ['blocked', 'blocked']);
    assert.ok(errors.some((e) => /Content Security Policy/.test(e)), 'blocked by the CSP, not by chance');
    assert.match(await page.locator('#privacy').innerText(), /不会上传.*不会被保存/);
    await done();
  });
});
