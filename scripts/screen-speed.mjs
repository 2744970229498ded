#!/usr/bin/env node
// How fast the screening page and `estimate --csv` are. A report, not a test:
// it prints figures.
//
//   node scripts/screen-speed.mjs [--rows N] [--runs R] [--cli-rows M] [--xlsx] [--throttle K] [--quotes] [--whatif]
//
// Page: a generated office file of N units (default 100 000; the e2e tests'
// generator: Chinese headers, bad rows, formula-like cells) is handed to the
// page's file input in Chromium (build/wasm/site served on 127.0.0.1), and
// the time from the file's arrival to the summary drawn is read off the page
// (uieScreenTiming: dropped → file read and headers recognised → summary),
// R runs each in a fresh page; --xlsx does the same with the file as XLSX;
// --throttle K slows the page's main thread K times (DevTools' CPU throttling:
// an office PC, say 4). It cannot slow the Worker, where the screening and
// the what-if run: asked to, Chromium answers "Operation is only supported for
// pages, not workers" (2026-12-06). Their time on a K× slower PC is estimated
// as K × the unthrottled time, an upper bound; --quotes also times the same units as a quote-free CSV
// (a database export) and as one with every cell quoted, and their ratio;
// --whatif also times the 测算方案 panel after each screen: a lower SME rate
// run on the whole file, from the click to the comparison and the changed
// units drawn (#app[data-whatif-ms]; the screening before it not counted).
// CLI: build/native/estimate --csv (the table) and --csv --screen on M units
// (default 1 000 000), with the peak memory (GNU time) when /usr/bin/time is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { HEADER, screenFile, xlsx } from '../tests/e2e/lib/screen-file.mjs';
import { startServer } from './serve.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
};
const rows = opt('--rows', 100000);
const runs = opt('--runs', 3);
const cliRows = opt('--cli-rows', 1000000);
const throttle = opt('--throttle', 1);
const whatif = args.includes('--whatif');
const site = join(repo, 'build', 'wasm', 'site');
const estimate = join(repo, 'build', 'native', 'estimate');
const dir = mkdtempSync(join(tmpdir(), 'uie-screen-speed-'));
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pageRuns(path, label) {
  const server = await startServer({ root: site, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}screen.html?region=140000&date=2024-07-15`);
      await page.waitForSelector('#app[data-engine="ready"]');
      if (throttle > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.setInputFiles('#file', path);
      await page.waitForFunction(() => document.querySelector('#app').dataset.screened === '1', null, { timeout: 120000 });
      const t = await page.evaluate(() => globalThis.uieScreenTiming());
      const total = await page.locator('#count-total').textContent();
      results.push({ read: t.read - t.dropped, summary: t.summary - t.dropped, total, whatif: whatif ? await whatIfRun(page) : null });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const mb = (statSync(path).size / 1048576).toFixed(1);
  console.log(`page, ${label} (${mb} MB, ${results[0].total} units${throttle > 1 ? `, CPU ${throttle}× slower` : ''}), file given → summary drawn, ${runs} runs:`);
  for (const r of results) console.log(`  read and headers ${ms(r.read)}, summary ${ms(r.summary)}${r.whatif === null ? '' : `; 测算方案 ${ms(r.whatif)}`}`);
  const m = median(results.map((r) => r.summary));
  const wm = whatif ? median(results.map((r) => r.whatif)) : 0;
  console.log(`  median: ${ms(m)}${whatif ? `; 测算方案 (the whole file under a reform) median ${ms(wm)}` : ''}`);
  if (whatif && throttle === 1) console.log(`  on a 4× slower PC (4 × the Worker's unthrottled time, an upper bound): 测算方案 ${ms(4 * wm)}`);
  return m;
}

// The 测算方案 panel on the screened page: the SME rate lowered to 40%, run.
async function whatIfRun(page) {
  await page.click('#open-whatif');
  await page.waitForSelector('#param-refund_rate_sme');
  await page.fill('#param-refund_rate_sme', '40%');
  await page.dispatchEvent('#param-refund_rate_sme', 'change');
  await page.click('#run-whatif');
  await page.waitForFunction(() => document.querySelector('#app').dataset.whatif === '1', null, { timeout: 300000 });
  return Number(await page.locator('#app').getAttribute('data-whatif-ms'));
}

// The same units as CSV with no quote at all (amounts without thousands
// separators, names without commas) and with every cell quoted.
function quoting(file) {
  const lines = (rows, cell) => [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  const plain = file.rows.map((r) => r.map((c) => c.replace(/,/g, '').replace(/"/g, '')));
  return { free: lines(plain, (c) => c), quoted: lines(plain, (c) => `"${c}"`) };
}

try {
  if (!existsSync(join(site, 'screen.html'))) throw new Error(`${site} has no screening page: build the wasm preset`);
  const file = screenFile(rows);
  const csvPath = join(dir, 'units.csv');
  writeFileSync(csvPath, file.csv);
  await pageRuns(csvPath, 'CSV, UTF-8');
  if (args.includes('--quotes')) {
    const q = quoting(file);
    writeFileSync(join(dir, 'free.csv'), q.free);
    writeFileSync(join(dir, 'quoted.csv'), q.quoted);
    const free = await pageRuns(join(dir, 'free.csv'), 'CSV without a single quote');
    const quoted = await pageRuns(join(dir, 'quoted.csv'), 'CSV with every cell quoted');
    console.log(`  quote-free ÷ every cell quoted: ${(free / quoted).toFixed(2)}×`);
  }
  if (args.includes('--xlsx')) {
    const xlsxPath = join(dir, 'units.xlsx');
    writeFileSync(xlsxPath, await xlsx(site, file.rows));
    await pageRuns(xlsxPath, 'XLSX');
  }
  if (cliRows > 0 && existsSync(estimate)) {
    const big = join(dir, 'big.csv');
    writeFileSync(big, screenFile(cliRows, 2).csv);
    const mb = (statSync(big).size / 1048576).toFixed(0);
    for (const [label, flags] of [['--csv (the table)', ['--csv']], ['--csv --screen (compact lines)', ['--csv', '--screen']]]) {
      const scope = ['--region', '140000', '--date', '2024-07-15', '--program', 'stabilization_refund'];
      const shell = `${existsSync('/usr/bin/time') ? "/usr/bin/time -f '%e s, peak %M KB' " : ''}'${estimate}' ${[...flags, ...scope].join(' ')} < '${big}' > /dev/null`;
      const t0 = performance.now();
      const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8' });
      const wall = performance.now() - t0;
      console.log(`estimate ${label}, ${cliRows.toLocaleString('en-US')} units (${mb} MB): ${ms(wall)}${r.stderr ? ` (${r.stderr.trim()})` : ''}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
