#!/usr/bin/env node
// Size and speed of what the browser gets. A report, not a test: it prints
// figures. Exit status 1 only when the download is over the budget.
//
//   node scripts/size-report.mjs [--site DIR] [--runs N]
//
// Size: every file of the built site (build/wasm/site; the page's own scripts
// there are minified), raw, gzip -9 and brotli -q 11, as the build also
// writes them beside each file for the server; the rule packs are compiled
// into the module and are shown for information. The single page loads
// estimator-lite (the engine without screening); estimator.js and .wasm (the
// whole engine) are the screening page's. Budget: everything the single page loads
// together at most 150 KB (150 × 1024 bytes) brotli. What a browser really
// transfers, headers included: scripts/page-speed.mjs.
// The screening page (screen.html, screen/**, shared/uie-screen.js) has a budget of its own: what
// it downloads (its files, the engine, the shared layer and styles) and the
// XLSX libraries it loads only for an XLSX file, at most 235 KB brotli (below); its
// files are no part of the single-estimate page's budget. (200 KB until
// 2026-12: reading a cell as the single page reads typed text, "1.2万", "5年",
// "中小微" — core/src/input/cell_text.cpp, issue 16 — costs the module 9 KB,
// after the rarely run code is compiled for size; the page was at 199.8 KB.
// 210 KB until 2026-12-06: the what-if of issue 19 — a reform read and applied
// to a copy of the rules read again from the embedded image, a policy's
// parameters, the batch tally and outcomes — costs the module 12 KB brotli
// (compiled for size; 9 KB of it the reform, 19 KB before the image writer was
// left out and the code compiled for size), and its panel 6 KB more, loaded
// only when opened; the page was at 205.9 KB. 230 KB until 2026-12-06 (issue 18):
// Engine::compare, which the result's comparison and the mini-program call
// in this module, costs it 3.6 KB brotli (compiled for size, its request
// copied fact by fact: 7 KB before), and the shared layer's citation links
// and receipt links 0.5 KB; the page was at 228.1 KB.)
// The receipt (测算凭证: web/receipt.mjs, receipt.css and the QR encoder
// vendor/qr.mjs) loads only when a receipt is opened or a kiosk shows a result:
// its files are listed apart, with a budget of their own (16 KB brotli), and
// are no part of the single page's 150 KB, which they would pass (the page was
// at 148.6 KB, the receipt is 12 KB).
// The comparison (与往年比较: web/compare.mjs, compare.css, compare-worker.js
// and shared/uie-compare.js) loads only when a result's comparison is opened,
// with the whole module (estimator.js/.wasm and estimator-batch.js, the
// screening page's, whose Engine::compare it calls): listed apart with a
// budget of its own (8 KB brotli for its files), no part of the single page's.
// Speed, in Node through the JS API (wasm/js/node.mjs): cold start (a fresh
// process: module import to the first result), and the time per call.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { comparison, library, receipt, screening } from './site-parts.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const BUDGET = 150 * 1024;
const SCREEN_BUDGET = 235 * 1024;
const RECEIPT_BUDGET = 16 * 1024;
const COMPARE_BUDGET = 8 * 1024;
// The screening page's own files (site-parts.mjs), and what of the rest it loads too.
const screeningUses = (name) => screening(name) || /^(estimator(-api)?\.(js|wasm)|shared\/uie-(words|answers|views|front)\.js|style\.css|dom\.mjs)$/.test(name);

// ---- a cold start, measured in a fresh process (run by the parent below) ----
if (process.argv[2] === '--cold-child') {
  const t0 = performance.now();
  const { loadEstimator } = await import(pathToFileURL(join(repo, 'wasm/js/node.mjs')).href);
  const estimator = await loadEstimator();
  const t1 = performance.now();
  const text = await estimator.estimateText(JSON.parse(process.argv[3]));
  const t2 = performance.now();
  if (!JSON.parse(text).ok) throw new Error(text);
  process.stdout.write(JSON.stringify({ ready: t1 - t0, first: t2 - t0 }));
  process.exit(0);
}

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const site = opt('--site', join(repo, 'build', 'wasm', 'site'));
const runs = Math.max(1, Number(opt('--runs', 7)));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]);
}

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const fmt = (n) => n.toLocaleString('en-US');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function table(rows) {
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  const line = (name, a, b, c) => `  ${name.padEnd(w)}  ${a.padStart(11)}  ${b.padStart(11)}  ${c.padStart(11)}`;
  console.log(line('file', 'raw', 'gzip -9', 'brotli 11'));
  for (const r of rows) console.log(line(r.name, fmt(r.raw), fmt(r.gzip), fmt(r.brotli)));
}

// The rules library (rules/: pages generated at build time) is a site of its own, reported
// apart below: the page only links to it, and nothing of it counts in the page's budget.
let siteFiles;
try {
  // The build's precompressed siblings (F.br, F.gz) are F itself, as sent: not counted twice.
  siteFiles = files(site).filter((f) => statSync(f).isFile() && !/\.(br|gz)$/.test(f) && !library(relative(site, f))).sort();
} catch {
  console.error(`size-report: no site in ${site}; build it: cmake --preset wasm && cmake --build --preset wasm`);
  process.exit(2);
}
// Loaded only on demand: the English words (on the first switch to English), the kiosk's idle clock, the share links.
const LAZY = /^((i18n-en|kiosk)\.mjs|shared\/uie-share\.js)$/;
const kindOf = (f) => (f.endsWith('.wasm') ? 'wasm' : /estimator(-lite|-api)?\.js$/.test(f) ? 'glue + API'
  : LAZY.test(relative(site, f)) ? 'on demand' : 'page');
const allRows = siteFiles.map((f) => ({ name: relative(site, f), kind: kindOf(f), ...sizes(readFileSync(f)) }));
const rows = allRows.filter((r) => !screening(r.name) && !receipt(r.name) && !comparison(r.name));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
                          { raw: 0, gzip: 0, brotli: 0 });

console.log(`What a browser downloads (${site}), bytes:`);
table([...rows, { name: 'TOTAL', ...total }]);
for (const kind of ['wasm', 'glue + API', 'page', 'on demand']) {
  const part = rows.filter((r) => r.kind === kind).reduce((t, r) => t + r.brotli, 0);
  console.log(`  ${kind.padEnd(11)} ${fmt(part)} B brotli`);
}
// rules/schema/ holds the editors' JSON Schemas, rules/reforms/ the example what-ifs: not compiled in.
const notPacks = [join(repo, 'rules', 'schema'), join(repo, 'rules', 'reforms')];
const packs = files(join(repo, 'rules')).filter((f) => f.endsWith('.json') && !notPacks.some((d) => f.startsWith(d + '/'))).map((f) => readFileSync(f));
const packSizes = sizes(Buffer.concat(packs));
console.log(`Rule packs (${packs.length} files, compiled into the module, so already counted above): ` +
            `${fmt(packSizes.raw)} raw, ${fmt(packSizes.gzip)} gzip, ${fmt(packSizes.brotli)} brotli (as one stream)`);
// The first question needs the page's own files only: the engine (glue, API, module) arrives in its Worker meanwhile.
const firstQuestion = rows.filter((r) => r.kind === 'page').reduce((t, r) => t + r.brotli, 0);
console.log(`Until the first question (the page's own files; the engine loads in its Worker meanwhile): ${kb(firstQuestion)} brotli`);
console.log(`With the engine, without what loads on demand: ${kb(rows.filter((r) => r.kind !== 'on demand').reduce((t, r) => t + r.brotli, 0))} brotli`);
const libraryRows = existsSync(join(site, 'rules'))
  ? files(join(site, 'rules')).filter((f) => !/\.(br|gz)$/.test(f)).map((f) => ({ name: relative(site, f), ...sizes(readFileSync(f)) }))
  : [];
if (libraryRows.length) {
  const sum = (pick) => libraryRows.reduce((t, r) => t + pick(r), 0);
  const search = libraryRows.filter((r) => /^rules\/(search\.js|search-index\.json)$/.test(r.name)).reduce((t, r) => t + r.brotli, 0);
  console.log(`The rules library (rules/, ${libraryRows.length} files, none loaded by the page): ${fmt(sum((r) => r.raw))} raw, ` +
              `${fmt(sum((r) => r.brotli))} B brotli in all; its search ${fmt(search)} B brotli, loaded by its index pages only`);
}
const pageWithin = total.brotli <= BUDGET;
console.log(`Budget: ${kb(total.brotli)} brotli of ${kb(BUDGET)}: ${pageWithin ? 'within budget' : 'OVER BUDGET'}`);

const receiptRows = allRows.filter((r) => receipt(r.name));
const receiptTotal = receiptRows.reduce((t, r) => t + r.brotli, 0);
console.log(`\nThe receipt (测算凭证), loaded only when a receipt is opened or a kiosk shows a result, bytes:`);
table(receiptRows);
const receiptWithin = receiptTotal <= RECEIPT_BUDGET;
console.log(`Receipt budget: ${kb(receiptTotal)} brotli of ${kb(RECEIPT_BUDGET)}: ${receiptWithin ? 'within budget' : 'OVER BUDGET'}`);

const compareRows = allRows.filter((r) => comparison(r.name));
const compareTotal = compareRows.reduce((t, r) => t + r.brotli, 0);
const wholeModule = allRows.filter((r) => /^estimator(-batch)?\.(js|wasm)$/.test(r.name)).reduce((t, r) => t + r.brotli, 0);
console.log(`\nThe comparison (与往年比较), loaded only when it is opened, bytes:`);
table(compareRows);
console.log(`  and the whole module it runs on (estimator.js/.wasm, estimator-batch.js: the screening page's): ${fmt(wholeModule)} B brotli`);
const compareWithin = compareTotal <= COMPARE_BUDGET;
console.log(`Comparison budget: ${kb(compareTotal)} brotli of ${kb(COMPARE_BUDGET)}: ${compareWithin ? 'within budget' : 'OVER BUDGET'}`);

const screenRows = allRows.filter((r) => screeningUses(r.name));
const screenTotal = screenRows.reduce((t, r) => t + r.brotli, 0);
const xlsxLibs = screenRows.filter((r) => r.name.startsWith('screen/vendor/')).reduce((t, r) => t + r.brotli, 0);
const whatIfFiles = screenRows.filter((r) => /^screen\/(whatif|reform-model)\.mjs$/.test(r.name)).reduce((t, r) => t + r.brotli, 0);
console.log(`\nThe screening page (screen.html): its own files, bytes:`);
table(allRows.filter((r) => screening(r.name)));
console.log(`  with the engine, the shared layer and the styles it also loads: ${fmt(screenTotal)} B brotli, ` +
            `of which ${fmt(xlsxLibs)} B (screen/vendor/) only when an XLSX file is read or written and ` +
            `${fmt(whatIfFiles)} B (screen/whatif.mjs, reform-model.mjs) only when the 测算方案 panel is opened`);
const screenWithin = screenTotal <= SCREEN_BUDGET;
console.log(`Screening budget: ${kb(screenTotal)} brotli of ${kb(SCREEN_BUDGET)}: ${screenWithin ? 'within budget' : 'OVER BUDGET'}`);
const within = pageWithin && screenWithin && receiptWithin && compareWithin;

// ---- speed ----
const REQUESTS = {
  stabilization_refund: { region: '140000', date: '2024-07-15', program: 'stabilization_refund',
    facts: { unit_type: 'enterprise', size: 'sme', contribution_months: 24, insured_headcount: 80, layoffs: 4, contributions_paid: 56789.12 } },
  skill_subsidy: { region: '660000', date: '2024-04-20', program: 'skill_subsidy',
    facts: { worker_status: 'employed', insured_months: 18, certificate: 'skill_level', level: 5 } },
  unemployment_benefit: { region: '000000', date: '2024-07-15', program: 'unemployment_benefit',
    facts: { contribution_months: 24, involuntary: true } },
  'invalid_fact error': { region: '140000', date: '2024-07-15', program: 'stabilization_refund',
    facts: { unit_type: 'enterprise', layoffs: 'three' } },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

console.log(`\nCold start in Node ${process.version} (fresh process each; ${runs} runs; import → ready → first result):`);
const cold = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-child',
    JSON.stringify(REQUESTS.stabilization_refund)], { encoding: 'utf8' });
  cold.push(JSON.parse(out));
}
console.log(`  ready (module loaded, rule packs compiled): median ${median(cold.map((c) => c.ready)).toFixed(1)} ms, ` +
            `min ${Math.min(...cold.map((c) => c.ready)).toFixed(1)} ms`);
console.log(`  first result:                               median ${median(cold.map((c) => c.first)).toFixed(1)} ms, ` +
            `min ${Math.min(...cold.map((c) => c.first)).toFixed(1)} ms`);

const { loadEstimator } = await import(pathToFileURL(join(repo, 'wasm/js/node.mjs')).href);
const estimator = await loadEstimator();
async function perCall(fn, n = 2000) {
  for (let i = 0; i < 200; i++) await fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) * 1000);
  }
  return `median ${median(times).toFixed(1)} µs, p95 ${pct(times, 0.95).toFixed(1)} µs`;
}
console.log('\nPer call through the JS API (object in, parsed object out; 2000 calls after 200 warm-up):');
for (const [name, req] of Object.entries(REQUESTS)) console.log(`  estimate ${name.padEnd(22)} ${await perCall(() => estimator.estimate(req))}`);
console.log(`  estimateText (JSON text in and out)  ${await perCall(() => estimator.estimateText(JSON.stringify(REQUESTS.stabilization_refund)))}`);
console.log(`  questions stabilization_refund      ${await perCall(() => estimator.questions({ region: '140000', date: '2024-07-15', program: 'stabilization_refund' }))}`);
console.log(`  catalog (cached text, parsed)        ${await perCall(() => estimator.catalog(), 500)}`);
process.exit(within ? 0 : 1);
