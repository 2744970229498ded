// The estimator page in a real browser: the three journeys, the forgiving
// input, the result that leads with the reason, share links, and privacy.
// Helpers, and the checks every test gets (nothing leaves 127.0.0.1, no
// console error, nothing stored): lib/page.mjs.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

import {
  andWait, answer, answerAll, axeCheck, choose, clickAndWait, currentFact, engineReady, open, openDetail, screen, shot, suite, SHANXI_SME, TIMEZONE,
} from './lib/page.mjs';

const env = suite('journeys');

describe('the estimator page', () => {
  test('the engine runs in a Worker; the first question is drawn before it is ready', async () => {
    const { page, done } = await open(env, '', { wait: null });
    await page.waitForSelector('#app[data-screen="who"]');
    await engineReady(page);
    assert.equal(page.workers().length, 1, 'one engine Worker');
    assert.ok(env.served.some((u) => u === '/estimator-lite.wasm'), 'the Worker fetched the module (estimator-lite, the engine without screening)');
    assert.equal(await page.evaluate(() => typeof globalThis.createUieModule), 'undefined', 'no engine on the page itself');
    assert.equal(await page.locator('.card[data-program="stabilization_refund"] .card-what').innerText(), '失业保险稳岗返还',
                 'the titles fill in once the catalog arrives');
    await done();
  });

  test('enterprise flow: 稳岗返还 in 山西, one question per screen, conditions with citations', async () => {
    const { page, done } = await open(env);
    await axeCheck(page, 'start screen');
    await shot(env, page, '01-start');
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    assert.equal(await screen(page), 'question');
    await shot(env, page, '02-enterprise-question');
    const asked = await answerAll(page, SHANXI_SME);
    assert.deepEqual(asked.slice(0, 5), ['unit_type', 'insured_headcount', 'layoffs', 'contribution_months', 'contributions_paid'],
                     'required facts first, in the engine\'s order');
    assert.ok(asked.includes('size'), 'optional facts are offered after the required ones');
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    const amount = await page.locator('#amount').innerText();
    assert.match(amount, /34,073\.47 元/);
    assert.match(amount, /约 3\.41 万元/);
    assert.equal(await page.locator('.reasons').count(), 0, 'nothing failed, nothing undecided: no reasons block');
    assert.equal(await page.locator('.all-conditions').isVisible(), false, 'the cited detail is folded below the headline');
    await openDetail(page);
    assert.ok(await page.locator('.all-conditions li.condition.pass').count() >= 3);
    const cite = page.locator('.all-conditions li.condition details.cite').first();
    assert.equal(await cite.locator('blockquote').isVisible(), false, 'quotes are folded');
    await cite.locator('summary').click();
    assert.ok((await cite.locator('blockquote').innerText()).length > 5, 'the citation unfolds to the original text');
    assert.match(await page.locator('#disclaimer').innerText(), /以当地经办机构核定为准/);
    assert.match(await page.locator('section.policy').innerText(), /晋人社厅发〔2024〕28号/);
    await axeCheck(page, 'result screen');
    await shot(env, page, '03-enterprise-result');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.actions').isVisible(), false, 'no buttons on paper');
    await shot(env, page, '04-enterprise-print');
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
    assert.ok(env.served.every((u) => !u.includes('s=') && !u.includes('56789')), 'the server never sees the inputs');
    await done();
  });

  test('typed forms: 万 and 元 in money, 年 for months, 人 and Chinese numerals in counts; each says what it became', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answer(page, '企业');
    await page.fill('#fact-insured_headcount', '八十人');
    assert.equal(await page.locator('#fact-insured_headcount-note').innerText(), '八十人 = 80 人', 'said while typing');
    await clickAndWait(page, '#next');
    await answer(page, '4人');
    assert.equal(await currentFact(page), 'contribution_months');
    await page.fill('#fact-contribution_months', '2年');
    assert.equal(await page.locator('#fact-contribution_months-note').innerText(), '2年 = 24 个月');
    await shot(env, page, '05-typed-years');
    await clickAndWait(page, '#next');
    await page.fill('#fact-contributions_paid', '5.678912万元');
    assert.equal(await page.locator('#fact-contributions_paid-note').innerText(), '5.678912万元 = 56,789.12 元');
    await clickAndWait(page, '#next');
    await answerAll(page, { size: '中小微企业' });
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#amount').innerText(), /34,073\.47 元/, 'the same result as the plain numbers');
    const summary = await page.locator('.answers').innerText();
    for (const text of ['80 人', '4 人', '24 个月', '56,789.12 元', '中小微企业']) assert.ok(summary.includes(text), `${text} in the summary`);
    await done();
  });

  test('a wrong entry: plain words with an example next to the field, focus on it; an emptied field is empty', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15', '140300');   // 阳泉市
    assert.match(await page.locator('form[data-fact] .crumb').innerText(), /阳泉市/);
    await answer(page, '企业');
    await answer(page, '80');
    assert.equal(await currentFact(page), 'layoffs');

    await clickAndWait(page, '#next');
    assert.match(await page.locator('form[data-fact="layoffs"] .error').innerText(), /请先回答/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fact-layoffs', 'focus on the faulty field');

    await answer(page, '-3');
    assert.equal(await currentFact(page), 'layoffs');
    const message = await page.locator('form[data-fact="layoffs"] .error').innerText();
    assert.match(message, /不能是负数.*例如 12/);
    assert.doesNotMatch(message, /layoffs|[a-z]_[a-z]/, 'no internal id');
    assert.equal(await page.locator('#fact-layoffs').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#fact-layoffs').inputValue(), '-3', 'what was typed stays for correction');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fact-layoffs');
    await shot(env, page, '06-wrong-input');

    // Cleared after the error: empty stays empty, the old bad value does not come back.
    await page.fill('#fact-layoffs', '');
    await clickAndWait(page, '#next');
    assert.equal(await page.locator('#fact-layoffs').inputValue(), '');
    assert.match(await page.locator('form[data-fact="layoffs"] .error').innerText(), /请先回答/);

    await answer(page, '81');   // more layoffs than insured employees: the engine's inconsistent_facts on /facts/layoffs
    assert.equal(await currentFact(page), 'layoffs');
    const conflict = await page.locator('form[data-fact="layoffs"] .error').innerText();
    assert.match(conflict, /81/);
    assert.doesNotMatch(conflict, /layoffs|insured_headcount/);
    await axeCheck(page, 'question with an error');

    await answer(page, '4');
    assert.equal(await currentFact(page), 'contribution_months', 'corrected, the flow goes on');
    await done();
  });

  test('worker flow: 技能提升补贴 in 兵团, levels as choices and earlier levels as check boxes; a draft is marked', async () => {
    const { page, done } = await open(env);
    await choose(page, 'skill_subsidy', '660000', '2024-04-20');
    await answerAll(page, { worker_status: '企业在职职工', insured_months: '18', certificate: '职业技能等级证书', level: '四级/中级工',
                            claims_this_year: '0', training_subsidy_received: '否', previous_levels_same_occupation: [] });
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    assert.match(await page.locator('#draft').innerText(), /征求意见稿/);
    assert.match(await page.locator('.answers [data-fact="previous_levels_same_occupation"]').innerText(), /无/,
                 'no box ticked: answered "none"');

    // Earlier levels: check boxes with the level names; ticking the same level fails.
    await clickAndWait(page, '.answers [data-edit="previous_levels_same_occupation"]');
    const boxes = page.locator('form[data-fact="previous_levels_same_occupation"] input[type=checkbox]');
    assert.equal(await boxes.count(), 5);
    assert.equal(await page.locator('form[data-fact] input[type=text]').count(), 0, 'no free-text box');
    await shot(env, page, '07-levels-checkboxes');
    await answer(page, ['四级/中级工', '五级/初级工']);
    assert.equal(await screen(page), 'result', 'the edit returns straight to the result');
    assert.equal(await page.locator('#verdict').innerText(), '✗ 不符合条件');
    assert.match(await page.locator('.answers [data-fact="previous_levels_same_occupation"]').innerText(), /五级\/初级工、四级\/中级工/);
    await axeCheck(page, 'worker result');
    await shot(env, page, '08-worker-result');
    await done();
  });

  test('unemployed flow: 失业保险金 under national rules, on the default date (today)', async () => {
    const { page, done } = await open(env);
    await engineReady(page);
    await clickAndWait(page, 'button[data-program="unemployment_benefit"]');
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE }).format(new Date());
    assert.equal(await page.locator('#date').inputValue(), expected, 'the date defaults to today');
    await page.selectOption('#province', '000000');
    await clickAndWait(page, 'form.where button[type=submit]');
    // "其他情况 / 说不清" decides nothing: the engine then asks 非因本人意愿 itself.
    // The national rules hold no monthly standard: the person's own figure is offered, last.
    const asked = await answerAll(page, { contribution_months: '2年', separation_reason: '其他情况', involuntary: '是' });
    assert.deepEqual(asked.slice(0, 3), ['contribution_months', 'separation_reason', 'involuntary']);
    assert.equal(asked.at(-1), 'local_monthly_standard', 'where no standard is held, the figure is offered (skipped here)');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    assert.match(await page.locator('#amount').innerText(), /金额由当地规定/);
    assert.equal(await page.locator('#amount-ask').innerText(), '回答「当地失业保险金月标准」');
    await clickAndWait(page, '#amount-ask');
    assert.equal(await currentFact(page), 'local_monthly_standard');
    await answer(page, '1800元');
    assert.equal(await screen(page), 'result', 'straight back to the result');
    await openDetail(page);
    assert.match(await page.locator('[data-field="max_months"]').innerText(), /最长可领（国家规定的上限）\s*12 个月/);
    // 1 to 5 years of contributions: at most 12 months (社会保险法 第四十六条); 1800 × 12 = 21600.
    assert.match(await page.locator('#amount .per-month').innerText(), /^每月 1,800\.00 元$/);
    assert.equal(await page.locator('#amount-total').innerText(), '最长 12 个月，最多共 21,600.00 元（2.16 万元）');
    assert.ok(await page.locator('.all-conditions li.condition').count() >= 2);
    await shot(env, page, '09-unemployed-result');
    await done();
  });

  test('失业保险金 in 阳泉: how the job ended in plain words, then 每月 1,935.00 元 and the total over the national ceiling', async () => {
    const { page, done } = await open(env, '', { viewport: { width: 390, height: 844 } });
    await choose(page, 'unemployment_benefit', '140000', '2025-07-01', '140300');
    await answer(page, '5年');
    assert.equal(await currentFact(page), 'separation_reason', 'the engine asks how the job ended');
    assert.equal(await page.locator('#fact-separation_reason-label').innerText(), '上一份工作是怎么结束的');
    const choices = await page.locator('form[data-fact="separation_reason"] label.choice').allInnerTexts();
    assert.equal(choices.length, 7);
    assert.ok(choices.some((c) => c.startsWith('被单位解除合同')), choices.join(' | '));
    assert.equal(await page.locator('#skip').count(), 0, 'the engine needs the answer: no skip');
    assert.doesNotMatch(await page.locator('form[data-fact] .crumb').innerText(), /可选/);
    await axeCheck(page, 'separation_reason');
    await shot(env, page, '13-separation-reason');
    await answer(page, '被单位解除合同');
    await clickAndWait(page, '#skip-rest');
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    // 山西: 90% of the 一类 minimum wage of 2150 元 = 1935 元 a month; no schedule of its own, so 60 months
    // of contributions give the national ceiling for 5 to 10 years, 18 months: 1935 × 18 = 34830.
    assert.equal(await page.locator('#amount .per-month').innerText(), '每月 1,935.00 元');
    assert.equal(await page.locator('#amount-total').innerText(), '最长 18 个月，最多共 34,830.00 元（约 3.48 万元）');
    assert.match(await page.locator('#amount-cap').innerText(), /省里可以规定更短的期限/);
    const fontSize = (sel) => page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(await fontSize('#amount .yuan') > await fontSize('#amount-total'), 'the monthly amount is the headline');
    await openDetail(page);
    assert.match(await page.locator('[data-field="total_fen"]').innerText(), /最多合计金额\s*34,830\.00 元/);
    assert.match(await page.locator('.answers [data-fact="separation_reason"]').innerText(), /被单位解除合同/);
    // Verdict, then the amount, on the first screen of a phone.
    const bottom = await page.locator('#amount-total').evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom <= 844, `the total is on the first screen (bottom at ${bottom} px)`);
    await axeCheck(page, 'benefit result');
    await shot(env, page, '14-benefit-result', { fullPage: false });
    await done();
  });

  test('失业保险金 in English: the monthly amount and the total in English, the choice by its English words', async () => {
    const { page, done } = await open(env, '?lang=en');
    await choose(page, 'unemployment_benefit', '140000', '2025-07-01', '140300');
    await answerAll(page, { contribution_months: '5 years', separation_reason: 'The employer ended it' });
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ Eligible');
    const lines = [await page.locator('#amount .per-month').innerText(), await page.locator('#amount-total').innerText(),
                   await page.locator('#amount-cap').innerText()];
    assert.deepEqual(lines.slice(0, 2), ['1,935.00 yuan a month', 'At most 18 months: up to 34,830.00 yuan in all']);
    assert.match(lines[2], /province may set a shorter one/);
    for (const line of lines) assert.doesNotMatch(line, /\p{Script=Han}/u, `no Chinese in “${line}”`);
    await openDetail(page);
    for (const key of ['max_months', 'total_fen']) {
      assert.doesNotMatch(await page.locator(`[data-field="${key}"]`).innerText(), /\p{Script=Han}/u, key);
    }
    assert.match(await page.locator('[data-field="max_months"]').innerText(), /Longest entitlement \(national ceiling\)\s*18 months/);
    await axeCheck(page, 'English benefit result');
    await shot(env, page, '15-benefit-english');
    await done();
  });

  test('not eligible: the failed reason right under the verdict, its what-if with it, one tap to change that answer', async () => {
    const { page, done } = await open(env, '', { viewport: { width: 390, height: 844 } });
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answerAll(page, { ...SHANXI_SME, size: '大型企业', insured_headcount: '500', layoffs: '30' });
    assert.equal(await screen(page), 'result', 'once a condition fails nothing more is asked');
    assert.equal(await page.locator('#verdict').innerText(), '✗ 不符合条件');
    assert.equal(await page.locator('#amount').count(), 0);
    const reason = page.locator('.reasons li.condition.fail');
    assert.equal(await reason.count(), 1);
    assert.match(await reason.innerText(), /6\.00%/);
    assert.match(await reason.locator('.whatif').innerText(), /怎样才能符合：.*27/, '5.5% × 500 = 27.5: at most 27 layoffs');
    // Reading order: verdict, then the reason; the first screen of a phone shows both.
    await openDetail(page);
    const order = await page.evaluate(() => ['#verdict', '.reasons', '.answers', '.all-conditions']
      .map((sel) => document.querySelector(sel).getBoundingClientRect().top));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'verdict, reasons, answers, full list');
    const whatifBottom = await reason.locator('.whatif').evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(whatifBottom <= 844, `the what-if is on the first screen (bottom at ${whatifBottom} px)`);
    await shot(env, page, '10-not-eligible', { fullPage: false });
    await shot(env, page, '10-not-eligible-full');

    await clickAndWait(page, '.reasons [data-edit="layoffs"]');
    assert.equal(await currentFact(page), 'layoffs');
    assert.equal(await page.locator('#fact-layoffs').inputValue(), '30', 'the answer given is there to change');
    assert.match(await page.locator('#back').innerText(), /回到结果/);
    await answer(page, '27');
    // Now the rate passes, the required facts never asked (nothing could change a "no") are asked, and nothing else.
    const asked = await answerAll(page, SHANXI_SME);
    assert.deepEqual(asked, ['contribution_months', 'contributions_paid']);
    assert.equal(await screen(page), 'result', 'then straight back to the result');
    assert.equal(await page.locator('#verdict').innerText(), '✓ 符合条件');
    assert.match(await page.locator('.answers [data-fact="seriously_dishonest"]').innerText(), /未回答/,
                 'the optional questions wait on the result, to be answered from there');
    await done();
  });

  test('every "?" reason links to its question, and answering it returns to the result', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    const { size, ...rest } = SHANXI_SME;
    await answerAll(page, rest);   // size skipped: the amount depends on it
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#amount').innerText(), /大型企业.*17,036\.74 元[\s\S]*中小微企业.*34,073\.47 元/);
    const skipped = page.locator('.answers [data-fact="size"]');
    assert.match(await skipped.innerText(), /未回答/);
    await clickAndWait(page, '.answers [data-edit="size"]');
    await answer(page, '中小微企业');
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#amount').innerText(), /^金额\s*34,073\.47 元/);

    // A result with undecided conditions (a shared link without every answer).
    const F = createRequire(import.meta.url)('../../web/shared/uie-front.js');
    const { page: shared, done: done2 } = await open(env, `#${F.encodeShare({ region: '660000', date: '2024-04-20', program: 'skill_subsidy',
                                                                           facts: { worker_status: 'employed', insured_months: 18, certificate: 'skill_level' } })}`,
    { wait: 'question' });
    assert.equal(await currentFact(shared), 'level', 'a shared link without a required answer asks for it');
    await done2();
    await done();
  });

  test('no policy in force: said plainly, with the latest one to estimate under', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2026-11-22');
    assert.equal(await screen(page), 'nopolicy');
    const text = await page.locator('#app').innerText();
    assert.match(text, /没有正在执行/);
    assert.match(text, /晋人社厅发〔2025〕13号/);
    assert.match(text, /2025-01-01 至 2025-12-31/);
    await axeCheck(page, 'no-policy screen');
    await shot(env, page, '11-no-policy');
    await clickAndWait(page, '#use-latest');
    await answerAll(page, SHANXI_SME);
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('#not-in-force').innerText(), /2025-12-31/);
    assert.match(await page.locator('#amount').innerText(), /34,073\.47 元/);
    await done();
  });

  test('English: words, units, errors and amounts in English; the Chinese-policy notice from the first question', async () => {
    const { page, done } = await open(env, '?lang=en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Every engine call asks for English (texts come back in English where the rules have them).
    await page.evaluate(() => {
      globalThis.__langs = [];
      for (const name of ['estimate', 'questions']) {
        const call = globalThis.UieEngine[name];
        globalThis.UieEngine[name] = (request, options) => { globalThis.__langs.push(options && options.lang); return call(request, options); };
      }
    });
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    assert.match(await page.locator('#policy-lang').innerText(), /quotes .* original Chinese/, 'said on the first question');
    assert.equal(await page.locator('form[data-fact="unit_type"] .help').innerText(),
      'Choose the kind of unit it was registered as for social insurance.', 'help from rules/programs.json help_en');
    await answer(page, 'Enterprise');
    assert.equal(await page.locator('form[data-fact] .unit').innerText(), 'people');
    await answer(page, 'eighty');
    const error = await page.locator('form[data-fact] .error').innerText();
    assert.equal(error, 'Please enter a whole number, digits only, for example 12.');
    await answer(page, '80');
    await answer(page, '4');
    await page.fill('#fact-contribution_months', '2 years');
    assert.equal(await page.locator('#fact-contribution_months-note').innerText(), '2 years = 24 months');
    await clickAndWait(page, '#next');
    await answerAll(page, { contributions_paid: '56789.12', size: 'Small, medium or micro' });
    assert.equal(await page.locator('#verdict').innerText(), '✓ Eligible');
    const amount = await page.locator('#amount').innerText();
    assert.match(amount, /34,073\.47 yuan/);
    assert.doesNotMatch(amount, /万|10,000 yuan/, 'no "×10,000 yuan (万元)"');
    assert.match(await page.locator('.answers').innerText(), /24 months/);
    await openDetail(page);
    assert.ok(await page.locator('#policy-lang').isVisible(), 'and on the result');
    // The conditions and notes come from the packs' text_en: English, with only the
    // document numbers and citation tags in Chinese.
    const layoff = await page.locator('.all-conditions [data-condition="layoff_rate"] .text').innerText();
    assert.match(layoff, /Last year's layoff rate 5(\.0+)?% \(4÷80\), not above 5\.5%/);
    const sentences = await page.locator('.all-conditions .condition .text, .notes li').allInnerTexts();
    assert.ok(sentences.length >= 5, JSON.stringify(sentences));
    for (const text of sentences) {
      const rest = text.replace(/（[^（）]*）/g, '').replace(/\p{Script=Han}+〔\d{4}〕\d+号/gu, '').replace(/“[^”]*”/g, '');
      assert.doesNotMatch(rest, /\p{Script=Han}/u, `Chinese in an English sentence: ${text}`);
    }
    assert.equal(await page.locator('.notes li').first().getAttribute('lang'), null, 'an English note is not marked as Chinese');
    const langs = await page.evaluate(() => globalThis.__langs);
    assert.ok(langs.length >= 5 && langs.every((l) => l === 'en'), JSON.stringify(langs));
    await axeCheck(page, 'English result');
    await shot(env, page, '12-english-result');
    await done();
  });

  test('at a glance: a no shows no entitlement, and the verdict with its reason fits a phone screen', async () => {
    const { page, done } = await open(env, '', { viewport: { width: 390, height: 844 } });
    await choose(page, 'unemployment_benefit', '140000', '2025-07-01', '140300');
    await answerAll(page, { contribution_months: '5年', separation_reason: '我自己辞职' });
    assert.equal(await screen(page), 'result');
    assert.equal(await page.locator('#verdict').innerText(), '✗ 不符合条件');
    assert.equal(await page.locator('[data-field$="_months"], [data-field="total_fen"], #amount').count(), 0,
                 'no months, total or amount: nothing reads as granted under a no');
    assert.doesNotMatch(await page.locator('#headline').innerText(), /个月|元/);
    assert.equal(await page.locator('.reasons [data-edit="involuntary"]').count(), 0,
                 'the reason does not offer to change a derived fact beside the answer it came from');
    const bottom = await page.locator('#headline').evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom <= 844, `the verdict and its reason fit the first screen (bottom at ${bottom} px)`);
    await shot(env, page, '16-resigned', { fullPage: false });
    await done();
  });

  test('at a glance: a yes under another year\'s policy names that year, never a plain green tick', async () => {
    const { page, done } = await open(env, '', { viewport: { width: 390, height: 844 } });
    await choose(page, 'stabilization_refund', '140000', '2026-11-22');
    await clickAndWait(page, '#use-latest');
    await answerAll(page, SHANXI_SME);
    const verdict = page.locator('#verdict');
    assert.equal(await verdict.innerText(), '! 按2025年政策：符合条件；本工具未收录2026年的文件');
    assert.equal(await verdict.getAttribute('class'), 'verdict other', 'not the green of a plain yes');
    await shot(env, page, '17-other-year', { fullPage: false });
    await done();
  });

  test('change one thing from the result: a new date keeps every answer and asks again what 上年 meant, naming the year', async () => {
    const { page, done } = await open(env);
    await choose(page, 'stabilization_refund', '140000', '2024-07-15');
    await answerAll(page, SHANXI_SME);
    assert.match(await page.locator('.answers').innerText(), /上年末（2023年末）单位参保人数/);
    // A date typed and then left by Back changes nothing that was computed.
    const before = await page.locator('#headline').innerText();
    await clickAndWait(page, '#rescope');
    await page.fill('#date', '2025-06-01');
    await andWait(page, () => page.goBack());
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('.crumb').innerText(), /2024-07-15/);
    assert.equal(await page.locator('#headline').innerText(), before, 'the same result, for the same date');
    await clickAndWait(page, '#rescope');
    assert.equal(await page.locator('#date').inputValue(), '2024-07-15', 'the form starts from the date of the result');
    assert.equal(await screen(page), 'where');
    assert.equal(await page.locator('#province').inputValue(), '140000', 'the place is kept');
    await page.fill('#date', '2025-03-01');
    await clickAndWait(page, 'form.where button[type=submit]');
    const again = [];
    while ((await screen(page)) === 'question') {
      again.push(await currentFact(page));
      assert.match(await page.locator('form[data-fact] h1').innerText(), /（2024年(末|度)）/, 'the label names the year');
      assert.equal(await page.locator('#skip').count(), 0, 'a re-asked answer is not skipped');
      assert.notEqual(await page.locator('form[data-fact] input').first().inputValue(), '', 'it starts from the answer given');
      await clickAndWait(page, '#next');
    }
    assert.deepEqual(again.sort(), ['contributions_paid', 'insured_headcount', 'layoffs']);
    assert.equal(await screen(page), 'result');
    assert.match(await page.locator('.crumb').innerText(), /2025-03-01/);
    assert.match(await page.locator('.answers').innerText(), /企业/, 'the other answers are kept');
    await done();
  });

  test('privacy: the Content-Security-Policy blocks any other connection', async () => {
    const { page, done, errors } = await open(env, '', { expectErrors: true });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
    const other = `http://127.0.0.1:${Number(new URL(env.server.url).port) + 1}/x`;
    const outcome = await page.evaluate(async (urls) => Promise.all(urls.map((u) =>
      fetch(u).then(() => 'connected', () => 'blocked'))), ['https://example.org/', other]);
    assert.deepEqual(outcome, ['blocked', 'blocked']);
    assert.ok(errors.some((e) => /Content Security Policy/.test(e)), 'blocked by the CSP, not by chance');
    assert.match(await page.locator('#privacy').innerText(), /不会上传.*不会被保存/);
    await done();
  });
});
