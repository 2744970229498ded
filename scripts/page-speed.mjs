#!/usr/bin/env node
// How fast the page becomes usable, and what it costs to download. A report,
// not a test: it prints figures and exits 0 (2 when it cannot run at all).
//
//   node scripts/page-speed.mjs [--site DIR]... [--runs N] [--path '?lang=en']
//
// Serves DIR (default build/wasm/site) with scripts/serve.mjs on 127.0.0.1 and
// loads it in Debian's chromium (playwright-core) with the HTTP cache off, in a
// fresh browser context per run, twice over: as is (desktop) and with the CPU
// slowed down 4× (Chrome DevTools Protocol Emulation.setCPUThrottlingRate).
// Network is not throttled: this measures the page, not a modem.
// Several --site: their runs alternate, so a busy machine weighs on each
// alike (e.g. a copy of an older site next to this one: before and after).
//
// Figures, from navigation start (in the page, by a script installed before
// any of the page's own):
// - "first question shown": the first screen's choices are in the DOM and
//   enabled (#app gets data-screen);
// - "clickable": a real click (CDP Input.dispatchMouseEvent) on the first
//   choice, sent as soon as it is shown, has been handled: shown + the wait
//   of that click for a busy main thread ("input delay");
// - "engine ready": the engine has answered its first call (#app gets
//   data-engine="ready"; the page may draw the first screen before that; a
//   page without that marker drew its first screen only once it was ready).
// "Finished before the first question": the bytes of the responses the
// server had finished writing when the first question was shown.
// "Transferred": bytes the server wrote (status line, headers and body, as
// sent, so compression shows), counted per response at the server, so the
// engine Worker's downloads count too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('usage: node scripts/page-speed.mjs [--site DIR]... [--runs N] [--path QUERY]\n');
  process.exit(0);
}
const sites = args.flatMap((a, i) => (a === '--site' && i + 1 < args.length ? [args[i + 1]] : []));
if (!sites.length) sites.push(join(repo, 'build', 'wasm', 'site'));
const runs = Math.max(1, Number(opt('--runs', 9)));
const path = opt('--path', '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

for (const site of sites) {
  if (!existsSync(join(site, 'index.html'))) {
    console.error(`page-speed: no site in ${site}; build it: cmake --preset wasm && cmake --build --preset wasm`);
    process.exit(2);
  }
}

// Runs in the page before its own scripts: notes when the first screen
// appears, when the engine is ready, and when the first click is handled.
function watchPage() {
  const marks = {};
  window.__speed = marks;
  new MutationObserver(() => {
    const app = document.getElementById('app');
    if (!app) return;
    if (marks.shown === undefined && app.dataset.screen && app.querySelector('button:not([disabled]), input:not([disabled])')) {
      marks.shown = performance.now();
      marks.screen = app.dataset.screen;
      // A page without the marker (before the engine moved to a Worker) drew nothing before its engine was ready.
      if (app.dataset.engine === undefined) marks.ready = marks.shown;
    }
    if (marks.ready === undefined && app.dataset.engine === 'ready') marks.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen', 'data-engine'] });
  addEventListener('pointerdown', (e) => {
    if (marks.clicked === undefined) marks.clicked = { at: performance.now(), delay: performance.now() - e.timeStamp };
  }, { capture: true });
}

async function once(browser, url, throttle, wire) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(watchPage);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  wire.clear();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__speed && window.__speed.shown !== undefined, null, { timeout: 30000, polling: 'raf' });
  const box = await page.locator('#app button').first().boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  await page.waitForFunction(() => window.__speed.ready !== undefined && window.__speed.clicked !== undefined, null, { timeout: 30000 });
  const marks = await page.evaluate(() => ({ ...window.__speed, origin: performance.timeOrigin }));
  await page.waitForLoadState('networkidle');
  await context.close();
  // What the server had finished writing when the first question was shown (the same machine's clock).
  const shownAt = marks.origin + marks.shown;
  const before = [...wire.values()].filter((w) => w.at <= shownAt).reduce((t, w) => t + w.bytes, 0);
  return { shown: marks.shown, clickable: marks.shown + marks.clicked.delay, delay: marks.clicked.delay, ready: marks.ready,
           bytes: new Map(wire), before };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (n) => n.toLocaleString('en-US');

// One server per site. Bytes on the wire per response: a socket serves its
// responses one after another, so what it wrote since its previous response
// is this response.
async function serve(site) {
  const server = await startServer({ root: site, port: 0 });
  const wire = new Map();   // path → { bytes, encoding }
  const written = new WeakMap();
  server.server.on('request', (req, res) => {
    const socket = req.socket;
    res.on('finish', () => {
      const total = socket.bytesWritten;
      const before = written.get(socket) || 0;
      written.set(socket, total);
      wire.set(new URL(req.url, 'http://x').pathname,
               { bytes: total - before, encoding: res.getHeader('content-encoding') || '', at: performance.timeOrigin + performance.now() });
    });
  });
  return { site, server, wire, url: server.url + path, runs: { 1: [], 4: [] }, bytes: null };
}

const line = (name, xs) =>
  `    ${name.padEnd(26)} median ${median(xs).toFixed(0).padStart(5)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

const served = [];
for (const site of sites) served.push(await serve(site));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-default-apps'],
});
try {
  console.log(`Page speed: cache off, fresh context per run, ${runs} runs each (plus one warm-up), chromium ${browser.version()}` +
              (served.length > 1 ? ', the sites\' runs alternating' : ''));
  for (const s of served) await once(browser, s.url, 1, s.wire);   // warm-up: the OS file cache and chromium's start
  for (const throttle of [1, 4]) {
    for (let i = 0; i < runs; i++) {
      for (const s of served) {
        const r = await once(browser, s.url, throttle, s.wire);
        s.runs[throttle].push(r);
        s.bytes = r.bytes;
      }
    }
  }
  for (const s of served) {
    console.log(`\n${s.site}  (${s.url})`);
    for (const [throttle, label] of [[1, 'desktop'], [4, '4× CPU throttle']]) {
      const rs = s.runs[throttle];
      console.log(`  ${label}:`);
      console.log(line('first question shown', rs.map((r) => r.shown)));
      console.log(line('first question clickable', rs.map((r) => r.clickable)));
      console.log(line('  (its input delay)', rs.map((r) => r.delay)));
      console.log(line('engine ready', rs.map((r) => r.ready)));
    }
    console.log('  transferred (bytes the server wrote: status line, headers, body):');
    let total = 0;
    for (const [p, { bytes, encoding }] of s.bytes) {
      total += bytes;
      console.log(`    ${p.padEnd(24)} ${fmt(bytes).padStart(9)}  ${encoding || 'identity'}`);
    }
    console.log(`    ${'TOTAL'.padEnd(24)} ${fmt(total).padStart(9)}  (${(total / 1024).toFixed(1)} KB)`);
    // The first question needs the page's own files; the engine's module arrives in its Worker meanwhile.
    const before = s.runs[4].map((r) => r.before);
    console.log(`    finished before the first question was shown (4× CPU): median ${fmt(median(before))} ` +
                `(${(median(before) / 1024).toFixed(1)} KB; min ${fmt(Math.min(...before))}, max ${fmt(Math.max(...before))})`);
  }
} finally {
  await browser.close();
  for (const s of served) await s.server.close();
}
