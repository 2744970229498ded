// A package whose module cannot be loaded: the pages say so plainly (with an
// aria-label) instead of waiting for ever, and offer to retry. Its own file:
// the page's engine is a per-process singleton, like in the mini-program.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const pkg = require('./helpers/package.js');
const ROOT = pkg.ensurePackage();

// A copy of the package without the module.
const BROKEN = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-noload-'));
for (const rel of pkg.packageFiles(ROOT)) {
  if (rel === 'core/estimator.wasm.br') continue;
  fs.mkdirSync(path.dirname(path.join(BROKEN, rel)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, rel), path.join(BROKEN, rel));
}
test.after(() => fs.rmSync(BROKEN, { recursive: true, force: true }));

const { setup, loadPage, fire, text } = require('./helpers/pages.js');
const ctx = setup(BROKEN);

test('the journey page shows a clear load error with a retry, and recovers once the module is there', async () => {
  const page = loadPage(BROKEN, 'estimate', 'official');
  await page.instance.onLoad({ program: 'unemployment_benefit' });
  assert.equal(page.data.loading, false);
  assert.match(page.data.loadError, /计算模块加载失败/);
  const alert = page.querySelector('#load-error');
  assert.ok(alert, 'the error is on the page');
  assert.match(text(page, '#load-error'), /计算模块加载失败/);
  // aria-label="{{loadError}}" (j-component does not render aria-* into its DOM).
  assert.match(page.data.loadError, /计算模块加载失败/);
  assert.equal(page.querySelector('#compute'), undefined, 'no form without the engine');
  assert.deepEqual(ctx.env.calls, ['/core/estimator.wasm.br']);

  // The file arrives (e.g. after an update): 重新加载 works, no restart needed.
  fs.copyFileSync(path.join(ROOT, 'core', 'estimator.wasm.br'), path.join(BROKEN, 'core', 'estimator.wasm.br'));
  await fire(page, '#retry', 'tap');
  assert.equal(page.data.loadError, '');
  assert.ok(page.data.questions.length > 0, 'the questions appear');
  assert.equal(ctx.env.calls.length, 2);
});

test('the home page shows the same message', async () => {
  fs.rmSync(path.join(BROKEN, 'core', 'estimator.wasm.br'), { force: true });
  // A fresh engine module, as after a relaunch.
  for (const k of Object.keys(require.cache)) if (k.startsWith(BROKEN) || k.startsWith(fs.realpathSync(BROKEN))) delete require.cache[k];
  const page = loadPage(BROKEN, 'index', 'official');
  await page.instance.onLoad({});
  assert.match(text(page, '#load-error'), /计算模块加载失败/);
});
