#!/usr/bin/env node
// Writes the rules library (法规库) of the site: static pages generated from
// the rule data when the site is built (wasm/assemble_site.cmake runs this
// after the module is built).
//
//   node scripts/rules-browser.mjs OUT_DIR      (OUT_DIR: build/wasm/site/rules)
//
// What the pages say comes from the engine itself (the whole wasm module,
// build/wasm/wasm/ or $UIE_WASM_DIR, through its JS API: catalog, questions,
// parameters), so inheritance is the engine's, not worked out again; the raw
// packs of rules/ add what the API does not expose (scripts/rules-browser/model.mjs).
//
// OUT_DIR/index.html            search, programs × regions × years, every document
// OUT_DIR/<policy-id>.html      one page per policy (ids as `estimate --catalog` lists them)
// OUT_DIR/en/…                  the same in English (quotes stay Chinese)
// OUT_DIR/search-index.json     document numbers and quotes, for search.js
// OUT_DIR/rules.css, search.js  from web/rules/ (the site's assembly copies them too); the
//                               pages use the site's style.css (../style.css) under rules.css
//
// Cite anchors use the shared layer's UieFront.citeAnchor, the function the
// page's links are made with, so a result's citation always lands.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadEstimator } from '../wasm/js/node.mjs';
import { citeRenderer, docLinker, indexBody, pageHtml, policyBody, WORDS } from './rules-browser/html.mjs';
import { buildModel, readPacks } from './rules-browser/model.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const { citeAnchor } = createRequire(import.meta.url)('../web/shared/uie-front.js');

/** Writes the library into `out`; returns what it wrote ({ policies: ids, files }). */
export async function writeRulesBrowser(out, { estimator } = {}) {
  const engine = estimator || await loadEstimator();
  const model = await buildModel(engine, readPacks(join(repo, 'rules')));
  const files = [];
  const write = (rel, text) => {
    mkdirSync(join(out, rel, '..'), { recursive: true });
    writeFileSync(join(out, rel), text);
    files.push(rel);
  };
  const regions = new Map();
  for (const r of model.catalog.regions) {
    regions.set(r.code, r);
    for (const c of r.children || []) regions.set(c.code, c);
  }
  const quotes = [];
  for (const lang of ['zh', 'en']) {
    const w = WORDS[lang];
    const en = lang === 'en';
    const dir = en ? 'en/' : '';
    const up = en ? '../' : '';
    const ctx = {
      policies: model.policies,
      link: docLinker(model.policies),
      regionName: (code) => {
        const r = regions.get(code);
        return r ? (en ? r.name_en || r.name : r.name) : code;
      },
      programTitle: (id) => {
        const p = model.catalog.programs.find((x) => x.id === id);
        return p ? (en ? p.title_en : p.title) : id;
      },
    };
    for (const policy of model.policies) {
      const found = [];
      const body = policyBody(w, policy, { ...ctx, cite: citeRenderer(w, citeAnchor, found) });
      write(`${dir}${policy.id}.html`, pageHtml({
        w, up, body, title: `${policy.doc_no} · ${w.library}`, alternate: en ? `../${policy.id}.html` : `en/${policy.id}.html`,
      }));
      // The search index is the Chinese pages' (the English ones hold the same quotes).
      if (!en) for (const q of found) quotes.push({ p: policy.id, ...q });
    }
    write(`${dir}index.html`, pageHtml({
      w, up, body: indexBody(w, model, ctx), title: w.libraryLong, alternate: en ? '../index.html' : 'en/index.html', script: 'search.js',
    }));
  }
  const policies = model.policies.map((p) => ({
    id: p.id, doc_no: p.doc_no, title: p.title, title_en: p.title_en, draft: p.draft,
  }));
  write('search-index.json', JSON.stringify({ policies, quotes }));
  for (const asset of ['rules.css', 'search.js']) {
    copyFileSync(join(repo, 'web', 'rules', asset), join(out, asset));
    files.push(asset);
  }
  return { policies: model.policies.map((p) => p.id), files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node scripts/rules-browser.mjs OUT_DIR\n');
    process.exit(2);
  }
  const { policies, files } = await writeRulesBrowser(out);
  process.stdout.write(`rules-browser: ${policies.length} policies, ${files.length} files in ${out}\n`);
  process.exit(0);
}
