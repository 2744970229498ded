// 测算凭证 (web/receipt.mjs): the receipt of a 山西 2025 稳岗返还 estimate,
// its QR code read back from a screenshot by a decoder (jsQR, run in
// Chromium on the PNG) to the receipt's own link, that link opened in a fresh
// browser context to the same verdict and amount, a tampered record told
// apart ("规则已更新 … 结果不同"), one A4 page in print, axe in Chinese,
// English and elder mode, and the kiosk's "扫码带走结果" on the result screen
// with a link to the ordinary page. The receipt and the QR encoder are
// downloaded only once asked for. Screenshots: test-artifacts/e2e/receipt/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import {
  answerAll, axeCheck, choose, clickAndWait, noSidewaysScroll, open, repo, screen, shot, suite, SHANXI_SME, TIMEZONE,
} from './lib/page.mjs';

const env = suite('receipt');
const JSQR = readFileSync(join(repo, 'node_modules', 'jsqr', 'dist', 'jsQR.js'), 'utf8');
const LAZY = ['/receipt.mjs', '/receipt.css', '/vendor/qr.mjs'];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE }).format(new Date());

/** Decodes the QR code in a PNG (a screenshot) with jsQR, in a blank page of its own: the text, or null. */
async function decodeQr(png) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>decode</title>');
    await page.addScriptTag({ content: JSQR });
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
      const code = globalThis.jsQR(data, width, height);
      return code ? code.data : null;
    }, png.toString('base64'));
  } finally {
    await context.close();
  }
}

/** The QR code on screen as a phone would see it: a screenshot of the element, decoded. */
async function scanQr(page, selector) {
  await page.waitForSelector(`${selector}[data-qr="drawn"] svg`);
  return decodeQr(await page.locator(selector).screenshot());
}

/**
 * The page a link opens, in a fresh context (a new profile: nothing shared with the page that made it),
 * once it has said how the answer compares with the receipt.
 */
async function openLink(link, wait = 'result') {
  assert.ok(link.startsWith(env.server.url), `${link} is on the test server`);
  const opened = await open(env, link.slice(env.server.url.length), { wait });
  if (wait === 'result') {
    await opened.page.waitForFunction(() => /凭证|receipt/.test((document.querySelector('.notice') || {}).textContent || ''));
  }
  return opened;
}

/** A link with its recorded receipt changed (what a later build, or a tampered link, brings), and facts left out. */
async function tampered(page, link, change, drop = []) {
  return page.evaluate(([l, c, d]) => {
    const [base, fragment] = l.split('#');
    const shared = globalThis.UieFront.decodeShare(fragment);
    Object.assign(shared.receipt, c);
    for (const f of d) delete shared.facts[f];
    return `${base}#${globalThis.UieFront.encodeShare(shared)}`;
  }, [link, change, drop]);
}

async function shanxiResult(path = '') {
  const opened = await open(env, path, path.includes('kiosk') ? { viewport: { width: 1080, height: 1920 } } : undefined);
  await choose(opened.page, 'stabilization_refund', '140000', '2025-08-01');
  await answerAll(opened.page, SHANXI_SME);
  assert.equal(await screen(opened.page), 'result');
  return opened;
}

/**
 * The receipt printed: a screenshot of it in print media at the width of the
 * page's content box (A4 less the margins of @page receipt: 186 × 277 mm, at
 * 96 px an inch), and Chromium's PDF of it (the CSS page size), kept beside;
 * returns the PDF's pages.
 */
async function printed(page, name) {
  const was = page.viewportSize();
  await page.setViewportSize({ width: Math.round((186 / 25.4) * 96), height: Math.round((277 / 25.4) * 96) });
  await page.emulateMedia({ media: 'print' });
  try {
    await shot(env, page, `${name}-print`);
    const pdf = await page.pdf({ path: join(env.artifacts, `${name}.pdf`), preferCSSPageSize: true, printBackground: true });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(was);
  }
}

describe('测算凭证 (the receipt)', () => {
  test('a 山西 2025 稳岗返还 receipt: its QR code reads back to its link, which opens the same answer in a fresh profile', async () => {
    const { page, done } = await shanxiResult();
    const verdict = await page.locator('#verdict').innerText();
    const amount = await page.locator('#amount').innerText();
    assert.equal(verdict, '✓ 符合条件');
    assert.match(amount, /34,073\.47 元/);
    assert.deepEqual(env.served.filter((u) => LAZY.includes(u)), [], 'the receipt and the QR encoder are not downloaded with the page');

    await clickAndWait(page, '#open-receipt');
    assert.equal(await screen(page), 'receipt');
    await page.waitForSelector('#receipt-qr[data-qr="drawn"] svg');
    for (const f of LAZY) assert.ok(env.served.includes(f), `${f} is downloaded when the receipt opens`);
    const r = page.locator('#receipt');
    assert.equal(await page.locator('#receipt-h').innerText(), '测算凭证');
    assert.equal(await page.locator('#receipt-verdict').innerText(), verdict);
    assert.match(await page.locator('#receipt-amount').innerText(), /34,073\.47 元/);
    const field = (name) => page.locator(`#receipt-record [data-field="${name}"] dd`).innerText();
    assert.equal(await field('estimated'), today(), 'the date of the estimate: today');
    assert.equal(await field('date'), '2025-08-01', 'the date whose rules were applied');
    assert.equal(await field('policy'), 'sx-2025-13');
    const catalog = await page.evaluate(() => globalThis.UieEngine.catalog());
    assert.equal(await field('engine_version'), catalog.engine_version);
    assert.equal(await field('rules_hash'), catalog.rules_hash || '—');
    assert.match(catalog.rules_hash || '', /^[0-9a-f]{16}$/, 'the engine gives a 16-digit hash of its rules');
    // The inputs as the result lists them, each condition with its citation, the quotes, the policy.
    assert.match(await r.locator('.receipt-inputs [data-fact="insured_headcount"]').innerText(), /80/);
    assert.match(await r.locator('.receipt-inputs [data-fact="contributions_paid"]').innerText(), /56,789\.12/);
    assert.match(await page.locator('#receipt-skipped').innerText(), /^没有回答（跳过）：.*是否为劳务派遣单位$/, 'the skipped questions on one line');
    const conditions = r.locator('.receipt-conditions li');
    assert.ok(await conditions.count() >= 5, 'every condition');
    assert.equal(await r.locator('.receipt-conditions li:not(:has(.cite-ref))').count(), 0, 'each with its source');
    assert.match(await r.locator('.receipt-conditions').innerText(), /人社部发〔2025〕18号 一/);
    assert.match(await r.locator('.receipt-quotes').innerText(), /参保企业足额缴纳失业保险费12个月以上/);
    assert.match(await r.innerText(), /晋人社厅发〔2025〕13号/);
    assert.match(await r.innerText(), /以当地经办机构核定为准/);

    // The QR code, as a phone sees it: the link printed under it.
    const link = await page.locator('#receipt-link').innerText();
    assert.equal(await page.locator('#receipt-qr').getAttribute('data-link'), link);
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);
    assert.ok(link.length < 600, `the link is short enough for a QR code a phone reads easily (${link.length} characters)`);
    assert.ok(Number(await page.locator('#receipt-qr svg').getAttribute('data-modules')) <= 89, 'QR version 18 or below');
    assert.equal(await scanQr(page, '#receipt-qr'), link, 'the decoder reads the receipt\'s link back from the screenshot');
    await axeCheck(page, 'receipt (Chinese)');
    await noSidewaysScroll(page, 'receipt (Chinese)');
    await shot(env, page, '01-receipt-zh');

    // Opened in a fresh profile: the same answer, and it says so.
    const same = await openLink(link);
    assert.equal(await same.page.locator('#verdict').innerText(), verdict);
    assert.equal(await same.page.locator('#amount').innerText(), amount);
    const notice = await same.page.locator('.notice').innerText();
    assert.match(notice, new RegExp(`与凭证一致（${today()} 测算，规则 ${catalog.rules_hash}）`));
    await shot(env, same.page, '02-link-opened');
    await same.done();

    // A later build with other rules and another amount: said plainly, with what differs.
    const changed = await openLink(await tampered(page, link, { rules_hash: 'ffffffffffffffff', amount_fen: 3400000 }));
    assert.equal(await changed.page.locator('#amount').innerText(), amount, 'the answer is today\'s');
    assert.equal(await changed.page.locator('.notice').innerText(),
                 `已按分享链接中的内容测算。 规则已更新（凭证 ffffffffffffffff，现在 ${catalog.rules_hash}）：` +
                 '结果不同：金额原来 34,000.00 元，现在 34,073.47 元。');
    await shot(env, changed.page, '03-link-rules-changed');
    await changed.done();
    // A later build that needs an answer the receipt did not: the question, and what is not as it was.
    const asks = await openLink(await tampered(page, link, {}, ['layoffs']), 'question');
    await asks.page.waitForFunction(() => /凭证/.test((document.querySelector('.notice') || {}).textContent || ''));
    assert.equal(await asks.page.locator('form[data-fact]').getAttribute('data-fact'), 'layoffs');
    assert.equal(await asks.page.locator('.notice').innerText(),
                 '已按分享链接中的内容测算。 与凭证不一致：结果不同：结论原来 符合条件，现在 尚未确定；金额原来 34,073.47 元，现在 —。');
    await axeCheck(asks.page, 'a receipt\'s link that needs another answer');
    await asks.done();
    // Other rules, the same answer.
    const sameAnswer = await openLink(await tampered(page, link, { rules_hash: '0123456789abcdef' }));
    assert.match(await sameAnswer.page.locator('.notice').innerText(), new RegExp(`规则已更新（凭证 0123456789abcdef，现在 ${catalog.rules_hash}）：结果相同。`));
    await sameAnswer.done();
    // The same rules, another recorded verdict and policy (a tampered link): not as on the receipt.
    const other = await openLink(await tampered(page, link, { eligible: false, policy: 'sx-2024-28', amount_fen: null }));
    assert.equal(await other.page.locator('.notice').innerText(),
                 '已按分享链接中的内容测算。 与凭证不一致：结果不同：结论原来 不符合条件，现在 符合条件；金额原来 —，现在 34,073.47 元；' +
                 '政策原来 sx-2024-28（晋人社厅发〔2024〕28号），现在 sx-2025-13（晋人社厅发〔2025〕13号）。');
    await other.done();

    // Printed: one A4 page, without the page's bar, footer or buttons, the QR code 38 mm wide.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#receipt-print').isVisible(), false, 'no buttons on paper');
    assert.equal(await page.locator('footer').isVisible(), false, 'only the receipt on paper');
    const qrWidth = await page.locator('#receipt-qr svg').evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(Math.abs(qrWidth - (38 / 25.4) * 96) < 2, `the QR code is 38 mm wide on paper (${qrWidth} px)`);
    // A phone reads modules of 0.4 mm and more from paper at ease (0.33 mm is the usual floor).
    const modules = Number(await page.locator('#receipt-qr svg').getAttribute('data-modules')) + 8;
    assert.ok(38 / modules >= 0.4, `a module is ${(38 / modules).toFixed(2)} mm on paper`);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await printed(page, '04-receipt-zh'), 1, 'the receipt prints on one A4 page');

    // English, on the receipt itself.
    await clickAndWait(page, '#toggle-lang');
    assert.equal(await screen(page), 'receipt');
    assert.equal(await page.locator('#receipt-h').innerText(), 'Receipt of the estimate');
    assert.match(await page.locator('#receipt-amount').innerText(), /34,073\.47 yuan/);
    const enLink = await page.locator('#receipt-link').innerText();
    assert.match(enLink, /\?lang=en#s=/, 'the link opens in English');
    assert.equal(await scanQr(page, '#receipt-qr'), enLink);
    const enChanged = await openLink(await tampered(page, enLink, { amount_fen: 3400000 }));
    assert.equal(await enChanged.page.locator('.notice').innerText(), 'Estimated from the answers in the shared link. ' +
                 'Not as on the receipt: the result differs: the amount was 34,000.00 yuan, now 34,073.47 yuan.');
    await enChanged.done();
    await axeCheck(page, 'receipt (English)');
    await shot(env, page, '05-receipt-en');
    assert.equal(await printed(page, '05-receipt-en'), 1, 'the English receipt prints on one A4 page');
    await clickAndWait(page, '#toggle-lang');

    // Elder mode: larger on screen, still one page on paper.
    await page.click('#toggle-elder');
    await axeCheck(page, 'receipt (elder)');
    await noSidewaysScroll(page, 'receipt (elder)');
    await shot(env, page, '06-receipt-elder');
    assert.equal(await printed(page, '06-receipt-elder'), 1, 'the receipt prints on one A4 page in elder mode');

    // Back leads to the result.
    await clickAndWait(page, '#receipt-back');
    assert.equal(await screen(page), 'result');
    await done();
  });

  test('a 失业保险金 receipt: the monthly amount, the months and the total; the months recorded in its link', async () => {
    const { page, done } = await open(env);
    await choose(page, 'unemployment_benefit', '140000', '2025-07-01', '140300');
    await answerAll(page, { contribution_months: '5年', separation_reason: '被单位解除合同' });
    assert.equal(await screen(page), 'result');
    await clickAndWait(page, '#open-receipt');
    await page.waitForSelector('#receipt-qr[data-qr="drawn"] svg');
    // 阳泉 (山西): 90% of the minimum wage of 2150 元, at most 18 months (as tests/e2e/web.test.mjs).
    const amount = await page.locator('#receipt-amount').innerText();
    assert.match(amount, /每月 1,935\.00 元/);
    assert.match(amount, /最长 18 个月，最多共 34,830\.00 元/);
    const link = await page.locator('#receipt-link').innerText();
    const recorded = await page.evaluate((l) => globalThis.UieFront.decodeShare(l.split('#')[1]).receipt, link);
    assert.equal(recorded.months, 18);
    assert.equal(recorded.amount_fen, 193500);
    assert.equal(await scanQr(page, '#receipt-qr'), link);
    await axeCheck(page, 'benefit receipt');
    await shot(env, page, '08-receipt-benefit');
    assert.equal(await printed(page, '08-receipt-benefit'), 1, 'the benefit receipt prints on one A4 page');

    const changed = await openLink(await tampered(page, link, { months: 12 }));
    assert.match(await changed.page.locator('.notice').innerText(), /与凭证不一致：结果不同：月数原来 12 个月，现在 18 个月。$/);
    await changed.done();
    await done();
  });

  test('a receipt under the latest policy, not in force on the date asked, says so, and its link names that policy', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2026-03-02');
    assert.equal(await screen(page), 'nopolicy');
    await clickAndWait(page, '#use-latest');
    await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    const badge = await page.locator('#not-in-force').innerText();
    await clickAndWait(page, '#open-receipt');
    await page.waitForSelector('#receipt-qr[data-qr="drawn"] svg');
    assert.equal(await page.locator('#receipt-not-in-force').innerText(), badge, 'the same words as the result');
    assert.equal(await page.locator('#receipt-record [data-field="date"] dd').innerText(), '2026-03-02');
    const link = await page.locator('#receipt-link').innerText();
    const shared = await page.evaluate((l) => globalThis.UieFront.decodeShare(l.split('#')[1]), link);
    assert.equal(shared.policy, 'sx-2025-13', 'the link asks for the policy chosen');
    const again = await openLink(link);
    assert.equal(await again.page.locator('#not-in-force').innerText(), badge);
    assert.match(await again.page.locator('.notice').innerText(), /与凭证一致/);
    await again.done();
    await done();
  });

  test('kiosk: the result shows its QR code, 扫码带走结果, whose link opens the ordinary page with the same answer', async () => {
    const { page, done } = await shanxiResult('?kiosk=1&region=140000');
    const amount = await page.locator('#amount').innerText();
    const box = page.locator('#kiosk-qr');
    await page.waitForSelector('#kiosk-qr');
    assert.match(await box.locator('h2').innerText(), /扫码带走结果/);
    const link = await page.locator('#kiosk-qr-code').getAttribute('data-link');
    assert.equal(await scanQr(page, '#kiosk-qr-code'), link, 'the decoder reads the link back from the screenshot');
    assert.ok(!/kiosk|idle/.test(link), `no kiosk mode in the link: ${link}`);
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?region=140000#s=/);
    await axeCheck(page, 'kiosk result with its QR code');
    await noSidewaysScroll(page, 'kiosk result with its QR code');
    await box.scrollIntoViewIfNeeded();
    await shot(env, page, '07-kiosk-qr', { fullPage: false });

    const phone = await openLink(link);
    assert.equal(await phone.page.evaluate(() => document.documentElement.classList.contains('kiosk')), false, 'the ordinary page');
    assert.equal(await phone.page.locator('#amount').innerText(), amount);
    assert.match(await phone.page.locator('.notice').innerText(), /与凭证一致/);
    await phone.done();

    // A share link is still ignored in kiosk mode.
    const kioskLink = link.replace('/?region=140000#', '/?kiosk=1&region=140000#');
    const kiosk = await openLink(kioskLink, 'who');
    assert.equal(await screen(kiosk.page), 'who');
    await kiosk.done();
    await done();
  });
});
