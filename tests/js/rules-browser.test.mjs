// The rules library (scripts/rules-browser.mjs): it lists every policy the
// native CLI's catalog lists, each page holds every cite the engine can show
// under its policy (so a result's link always lands), and the anchors are the
// shared layer's citeAnchor, checked here against known FNV-1a values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { writeRulesBrowser } from '../../scripts/rules-browser.mjs';
import { estimator, nativeCli, repo, scenarios } from './lib/env.mjs';

const F = createRequire(import.meta.url)(join(repo, 'web', 'shared', 'uie-front.js'));

// FNV-1a 32-bit written again from its definition, over Node's own UTF-8, to check the shared layer's.
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe('citeAnchor', () => {
  test('known vectors, ASCII and Chinese', () => {
    assert.equal(fnv1a('a'), 'e40c292c', 'the reference is FNV-1a (its published value for "a")');
    assert.equal(F.citeAnchor({ doc_no: '', clause: '', quote: '' }), 'ec741ef7');
    assert.equal(F.citeAnchor({ doc_no: 'X', clause: 'Y', quote: 'Z' }), 'd9c2b81e');
    assert.equal(F.citeAnchor({ doc_no: '人社部发〔2025〕18号', clause: '一', quote: '参保企业足额缴纳失业保险费12个月以上' }), 'c5bba65f');
    assert.equal(F.citeAnchor({ clause: 'Y', quote: 'Z' }), F.citeAnchor({ doc_no: '', clause: 'Y', quote: 'Z' }), 'a missing part is empty');
    // Four-byte characters and a lone surrogate (written as U+FFFD, as TextEncoder does).
    for (const text of ['𠀋', 'a\ud800b', '〔〕“”…']) assert.equal(F.citeAnchor({ doc_no: text, clause: '', quote: '' }), fnv1a(`${text}\u0001\u0001`));
  });

  test('citeHref: the policy\'s page and the anchor; English pages under en/', () => {
    const cite = { doc_no: 'X', clause: 'Y', quote: 'Z' };
    assert.equal(F.citeHref('sx-2025-13', cite), 'rules/sx-2025-13.html#q-d9c2b81e');
    assert.equal(F.citeHref('sx-2025-13', cite, 'en'), 'rules/en/sx-2025-13.html#q-d9c2b81e');
  });
});

describe('the generated library', () => {
  let out;
  let engine;
  const page = (id, lang = '') => readFileSync(join(out, lang, `${id}.html`), 'utf8');
  const idsOf = (html) => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'uie-rules-'));
    engine = await estimator();
    await writeRulesBrowser(out, { estimator: engine });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  test('every policy of `estimate --catalog` has a page in both languages, linked from the index', () => {
    const catalog = JSON.parse(execFileSync(nativeCli, ['--catalog'], { encoding: 'utf8' }));
    assert.ok(catalog.policies.length >= 30);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const indexEn = readFileSync(join(out, 'en', 'index.html'), 'utf8');
    const search = JSON.parse(readFileSync(join(out, 'search-index.json'), 'utf8'));
    for (const p of catalog.policies) {
      assert.ok(page(p.id).includes(`<h1><span>${p.doc_no.replace(/&/g, '&amp;')}</span></h1>`) ||
                page(p.id).includes(`>${p.doc_no}</span></h1>`), `${p.id}: its page is headed by its number`);
      assert.ok(page(p.id, 'en').includes('<html lang="en">'), `${p.id}: its English page`);
      assert.ok(index.includes(`href="${p.id}.html"`), `${p.id}: linked from the index`);
      assert.ok(indexEn.includes(`href="${p.id}.html"`), `${p.id}: linked from the English index`);
      assert.ok(search.policies.some((x) => x.id === p.id && x.doc_no === p.doc_no), `${p.id}: searchable by its number`);
    }
  });

  test('no page repeats an id; the pages load no script but the index\'s search', () => {
    const catalog = JSON.parse(execFileSync(nativeCli, ['--catalog'], { encoding: 'utf8' }));
    for (const p of catalog.policies) {
      for (const lang of ['', 'en']) {
        const html = page(p.id, lang);
        const ids = idsOf(html);
        assert.equal(new Set(ids).size, ids.length, `${lang}/${p.id}: ids are unique`);
        assert.ok(!/<script|<style|\sstyle=|\son[a-z]+=/i.test(html), `${lang}/${p.id}: no script or inline style (the CSP)`);
      }
    }
  });

  test('each page holds every cite questions and parameters give under its policy, on any day of it', async () => {
    const catalog = await engine.catalog();
    let checked = 0;
    for (const p of catalog.policies) {
      const ids = new Set(idsOf(page(p.id)));
      const idsEn = new Set(idsOf(page(p.id, 'en')));
      for (const v of p.programs) {
        // Its first day, its last (or a late day of an open one) and the middle: versions change within some.
        const last = v.valid_to || '2026-12-31';
        const mid = new Date((Date.parse(v.valid_from) + Date.parse(last)) / 2).toISOString().slice(0, 10);
        for (const date of [v.valid_from, mid, last]) {
          const request = { program: v.program, region: p.region, date, policy: p.id };
          const q = await engine.questions(request);
          const params = await engine.parameters(request);
          assert.ok(q.ok && params.ok, `${p.id} ${v.program} ${date}`);
          const cites = [
            ...q.conditions.map((c) => c.cite),
            ...q.questions.map((x) => x.cite),
            ...params.params.flatMap((x) => [x.cite, ...x.when.map((w) => w.cite)]),
          ].filter((c) => c && c.doc_no);
          for (const cite of cites) {
            const id = `q-${F.citeAnchor(cite)}`;
            assert.ok(ids.has(id), `${p.id} ${v.program} ${date}: ${cite.doc_no} ${cite.clause} 「${cite.quote}」 has no ${id}`);
            assert.ok(idsEn.has(id), `en/${p.id}: ${id}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 500, `${checked} cites checked`);
  });

  test('every condition of every scenario\'s answer links to its place (the element holds the quote)', async () => {
    let checked = 0;
    for (const s of scenarios()) {
      const res = await engine.estimate(s.request);
      if (!res.ok) continue;
      const html = page(res.policy.id);
      for (const c of res.conditions) {
        if (!c.cite || !c.cite.doc_no) continue;
        const at = html.indexOf(`id="q-${F.citeAnchor(c.cite)}"`);
        assert.ok(at >= 0, `${s.file} «${s.name}»: ${res.policy.id} lacks ${c.cite.doc_no} ${c.cite.clause}`);
        const element = html.slice(at, html.indexOf('</div>', at));
        const quote = c.cite.quote.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        assert.ok(element.includes(quote), `${s.file} «${s.name}»: the element holds the quote`);
        checked++;
      }
    }
    assert.ok(checked > 200, `${checked} conditions checked`);
  });

  test('what changed: 晋人社厅发〔2025〕13号 against 〔2024〕28号, which had a parameter 13号 does not', () => {
    const html = page('sx-2025-13');
    const refund = html.slice(html.indexOf('id="x-stabilization_refund"'), html.indexOf('</section>', html.indexOf('id="x-stabilization_refund"')));
    assert.match(refund, /上一份政策：<a href="sx-2024-28.html">晋人社厅发〔2024〕28号<\/a>/);
    assert.match(refund, /取消<\/span> 参数：[^<]*<code>large_avg_headcount_min<\/code>/);
  });
});
