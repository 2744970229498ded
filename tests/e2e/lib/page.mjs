// The page in a real browser, for the e2e tests: Debian's chromium, driven by
// playwright-core, against build/wasm/site served on 127.0.0.1 by
// scripts/serve.mjs.
//
// Every page a test opens is watched: a request that leaves 127.0.0.1 is
// blocked and fails the test, as does an error on the console (the page's or
// the engine Worker's) and anything left in the browser's storage.
// Screenshots go to test-artifacts/e2e/<suite>/ (git-ignored), cleared when
// the suite starts, so they are that run's only.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../../../scripts/serve.mjs';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const SITE = process.env.UIE_SITE_DIR || join(repo, 'build', 'wasm', 'site');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = readFileSync(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export const TIMEZONE = 'Asia/Shanghai';

/** The page's modes, as a service hall or a person opens them. */
export const MODES = {
  default: '',
  elder: '?elder=1',
  kiosk: '?kiosk=1',
  english: '?lang=en',
  'english-elder': '?lang=en&elder=1',
};

/**
 * Starts the server and the browser for a suite (before/after hooks).
 * Returns an object whose fields are set once the suite runs:
 * { server, browser, served (every path asked for), requests ({ url, accept }: its
 * Accept-Encoding), artifacts }.
 */
export function suite(name) {
  const env = { server: null, browser: null, served: [], requests: [], artifacts: join(repo, 'test-artifacts', 'e2e', name) };
  before(async () => {
    if (!existsSync(join(SITE, 'index.html')) || !existsSync(join(SITE, 'estimator.wasm'))) {
      throw new Error(`${SITE} has no built site: run  cmake --preset wasm && cmake --build --preset wasm`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    rmSync(env.artifacts, { recursive: true, force: true });
    mkdirSync(env.artifacts, { recursive: true });
    env.server = await startServer({ root: SITE, port: 0 });
    env.server.server.on('request', (req) => {
      env.served.push(req.url);
      env.requests.push({ url: req.url, accept: req.headers['accept-encoding'] || '' });
    });
    env.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-default-apps'],
    });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens the page in a fresh context, watched. Returns { page, done, errors }:
 * await done() at the end of the test, which closes the context and asserts
 * that nothing left 127.0.0.1, nothing went to the console as an error and
 * nothing was stored.
 */
export async function open(env, path = '', { viewport = { width: 430, height: 900 }, expectErrors = false, wait = 'who' } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: TIMEZONE });
  const offsite = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(env.server.url) || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') errors.push(`worker: ${m.text()}`); }));
  await page.goto(env.server.url + path);
  if (wait) await page.waitForSelector(`#app[data-screen="${wait}"]`);
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

export const shot = (env, page, name, options = {}) =>
  page.screenshot({ path: join(env.artifacts, `${name}.png`), fullPage: true, ...options });

/** axe-core on the whole document: no violation of any impact. */
export async function axeCheck(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () =>
    (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })));
  assert.deepEqual(violations, [], `${label}: axe-core violations`);
}

export const screen = (page) => page.locator('#app').getAttribute('data-screen');
export const currentFact = (page) => page.locator('form[data-fact]').getAttribute('data-fact');

/** Unfolds the result's cited detail (folded below the headline), as a person would: one tap on its summary. */
export async function openDetail(page) {
  if (!(await page.locator('#detail').evaluate((d) => d.open))) await page.click('#detail > summary');
}

/** Waits until the engine has answered (the first screen is drawn before). */
export const engineReady = (page) => page.waitForSelector('#app[data-engine="ready"]');

// Clicks, then waits for the page to draw its next screen (app.mjs counts renders).
export async function clickAndWait(page, selector) {
  const before = Number(await page.locator('#app').getAttribute('data-renders'));
  await page.click(selector);
  await page.waitForFunction((n) => {
    const app = document.querySelector('#app');
    return Number(app.dataset.renders) > n && !app.hasAttribute('aria-busy');
  }, before);
}

/** Runs `act`, then waits for the next screen (for Back and Forward, keys, anything but a click). */
export async function andWait(page, act) {
  const before = Number(await page.locator('#app').getAttribute('data-renders'));
  await act();
  await page.waitForFunction((n) => {
    const app = document.querySelector('#app');
    return Number(app.dataset.renders) > n && !app.hasAttribute('aria-busy');
  }, before);
}

export async function choose(page, program, province, date, city) {
  await engineReady(page);
  await clickAndWait(page, `button[data-program="${program}"]`);
  await page.selectOption('#province', province);
  if (city) await page.selectOption('#city', city);
  if (date) await page.fill('#date', date);
  await clickAndWait(page, 'form.where button[type=submit]');
}

// Answers the question on screen: options by their labels (a list: all of
// them), or typed text.
export async function answer(page, value) {
  const form = page.locator('form[data-fact]');
  if (await form.locator('.choices').count()) {
    for (const v of [].concat(value)) await form.locator('label.choice', { hasText: v }).first().click();
  } else if (await form.locator('.field-input.split').count()) {
    // A kiosk's years and months: [years, months] into the two number fields.
    const [years, months] = Array.isArray(value) ? value : ['', value];
    await form.locator('input[id$="-years"]').fill(years);
    await form.locator('input[id$="-months"]').fill(months);
  } else {
    await form.locator('input').fill(value);
  }
  await clickAndWait(page, '#next');
}

// Answers whatever the engine asks, from `answers` (fact → value); an
// optional question without an answer is skipped. Returns the facts asked.
export async function answerAll(page, answers) {
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

/** The page is no wider than the viewport at 320, 360 and 390 px (then back to the width it had). */
export async function noSidewaysScroll(page, label) {
  const was = page.viewportSize();
  for (const width of [320, 360, 390]) {
    await page.setViewportSize({ width, height: was.height });
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${label} at ${width} px: the page is ${scroll} px wide`);
  }
  await page.setViewportSize(was);
}

export const SHANXI_SME = {
  unit_type: '企业', size: '中小微企业', insured_headcount: '80', layoffs: '4', contribution_months: '24',
  contributions_paid: '56,789.12',
};
