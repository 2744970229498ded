// The estimator as the mini-program loads it: through WXWebAssembly, from the
// package path, in an emulated logic layer (helpers/wechat.js) with no
// WebAssembly, fetch, TextDecoder, process or eval.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { createRealm, createWXWebAssembly, nodeLikeProcess } = require('./helpers/wechat.js');
const pkg = require('./helpers/package.js');

const ROOT = pkg.ensurePackage();
const WASM_PATH = '/core/estimator.wasm.br';

function newRealm(options = {}) {
  return createRealm({ packageRoot: ROOT, ...options });
}

/** A copy of the package without some files (a broken install). */
function brokenPackage(without) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-broken-'));
  for (const rel of pkg.packageFiles(ROOT)) {
    if (without.includes(rel)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, rel), path.join(dir, rel));
  }
  return dir;
}

test('the emulated logic layer looks like WeChat: no WebAssembly, fetch, TextDecoder, process; eval and new Function refused', () => {
  const realm = newRealm();
  const seen = Object.fromEntries(realm.globals(['WebAssembly', 'fetch', 'TextDecoder', 'TextEncoder', 'process', 'Buffer', 'XMLHttpRequest', 'WXWebAssembly']));
  assert.deepEqual(seen, {
    WebAssembly: 'undefined', fetch: 'undefined', TextDecoder: 'undefined', TextEncoder: 'undefined',
    process: 'undefined', Buffer: 'undefined', XMLHttpRequest: 'undefined', WXWebAssembly: 'object',
  });
  // (The EvalError comes from the other realm, so it is matched by name.)
  assert.throws(() => realm.run('eval("1 + 1")'), { name: 'EvalError', message: /Code generation from strings disallowed/ });
  assert.throws(() => realm.run('new Function("return 1")'), { name: 'EvalError', message: /Code generation from strings disallowed/ });
  // require() of the package takes .js only, and nothing outside the package.
  const dir = brokenPackage([]);
  try {
    fs.writeFileSync(path.join(dir, 'core', 'probe.js'),
      'module.exports = [function () { return require("../app.json"); }, function () { return require("../../format.mjs"); }];');
    const [json, outside] = createRealm({ packageRoot: dir }).require('/core/probe.js');
    assert.throws(json, /\.js files only/);
    assert.throws(outside, /not defined|outside/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the shim enforces WeChat\'s instantiate rules: a package path, never bytes, URLs or page-relative paths', async () => {
  const { host } = createWXWebAssembly({ packageRoot: ROOT });
  const bytes = fs.readFileSync(path.join(pkg.builder.sourceDir(), 'estimator.wasm'));
  await assert.rejects(host.instantiate(bytes, {}), /path string/);
  await assert.rejects(host.instantiate('https://example.invalid/core/estimator.wasm', {}), /only code package paths/);
  await assert.rejects(host.instantiate('wxfile://usr/estimator.wasm', {}), /only code package paths/);
  await assert.rejects(host.instantiate('../core/estimator.wasm.br', {}), /package root/);
  await assert.rejects(host.instantiate('/core/estimator.js', {}), /\.wasm or \.wasm\.br/);
  await assert.rejects(host.instantiate('/../../etc/x.wasm', {}), /outside the code package|cannot load/);
  await assert.rejects(host.instantiate('/core/missing.wasm.br', {}), /cannot load/);
  assert.deepEqual(Object.keys(host).sort(), ['Global', 'Instance', 'Memory', 'Table', 'instantiate']);
});

test('the package loads the module through WXWebAssembly from its package path, once, and reuses it', async () => {
  const realm = newRealm();
  const engine = realm.require('/core/engine.js');
  assert.equal(engine.WASM_PATH, WASM_PATH);
  const a = await engine.getEstimator();
  const b = await engine.getEstimator();
  assert.equal(a, b, 'one estimator for the whole mini-program');
  const catalog = await a.catalog();
  assert.ok(Array.isArray(catalog.programs) && catalog.programs.length >= 3, 'the catalog lists the programs');
  for (let i = 0; i < 5; i++) {
    const r = await a.estimate({ region: '000000', date: '2026-11-22', program: 'unemployment_benefit', facts: {} });
    assert.equal(r.ok, true);
  }
  assert.deepEqual(realm.wxwasm.calls, [WASM_PATH], 'instantiated exactly once, from the package path');
  assert.equal(a.restarts, 0);
});

test('Chinese text crosses the boundary intact with no TextDecoder or TextEncoder', async () => {
  const realm = newRealm();
  const est = await realm.require('/core/engine.js').getEstimator();
  const catalog = await est.catalog();
  // Names come out of the wasm as UTF-8 and must decode to real characters.
  assert.ok(catalog.regions.some((r) => /^[\u4e00-\u9fff（）]+/.test(r.name)), 'region names are Chinese text');
  // And Chinese goes in: a string fact the engine echoes back in an error message or accepts.
  const res = await est.estimate({ region: '000000', date: '2026-11-22', program: 'nonexistent_程序', facts: {} });
  assert.equal(res.ok, false);
  assert.equal(res.error.code, 'unknown_program');
  assert.match(res.error.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
});

test('bad input gets an error response and the same instance keeps serving', async () => {
  const realm = newRealm();
  const est = await realm.require('/core/engine.js').getEstimator();
  const bad = JSON.parse(await est.estimateText('{"region": "1400'));
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'invalid_json');
  assert.equal(bad.error.path, '');
  const neg = await est.estimate({ region: '140000', date: '2024-07-15', program: 'stabilization_refund', facts: { layoffs: -3 } });
  assert.equal(neg.ok, false);
  assert.equal(neg.error.path, '/facts/layoffs');
  const good = await est.estimate({ region: '000000', date: '2026-11-22', program: 'unemployment_benefit', facts: { contribution_months: 30, involuntary: true } });
  assert.equal(good.ok, true);
  assert.equal(est.restarts, 0);
  assert.equal(realm.wxwasm.calls.length, 1);
});

// The pre-js guard (wasm/js/wx-prejs.js) as it appears in the built glue:
// as emcc writes it, or as the site's minifier does ("undefined"!=typeof WXWebAssembly?void 0:).
const PROCESS_GUARD = /var process\s*=\s*typeof WXWebAssembly\s*!==?\s*(["'])undefined\1\s*\?\s*undefined\s*:|"undefined"!=typeof WXWebAssembly\?void 0:/;

test('a Node-like process in the logic layer (DevTools on NW.js) does not send the glue down its Node path', async () => {
  const fake = nodeLikeProcess();
  const realm = newRealm({ process: fake.process });
  assert.equal(realm.run('typeof process.versions.node'), 'string', 'the realm has a process that says Node');
  fake.reads.length = 0;
  const est = await realm.require('/core/engine.js').getEstimator();
  const r = await est.estimate({ region: '000000', date: '2026-11-22', program: 'unemployment_benefit', facts: { contribution_months: 30, involuntary: true } });
  assert.equal(r.ok, true);
  assert.deepEqual(realm.wxwasm.calls, [WASM_PATH], 'loaded through WXWebAssembly from the package path');
  assert.deepEqual(fake.reads, [], 'the glue never looked at the process');

  // Without the guard the same glue takes its Node path and fails there:
  // the test would catch a build that loses it.
  const dir = brokenPackage([]);
  try {
    const glue = path.join(dir, 'core', 'estimator.js');
    const src = fs.readFileSync(glue, 'utf8');
    assert.match(src, PROCESS_GUARD, 'the built glue carries the guard from wasm/js/wx-prejs.js');
    // Unguarded: the process is read whatever the host (the emcc form's variable renamed away, the minified one's test made false).
    fs.writeFileSync(glue, src.replace(PROCESS_GUARD, (g) => (g.startsWith('var') ? 'var unguarded_process = typeof WXWebAssembly !== "undefined" ? undefined :' : '!1?void 0:')));
    const bare = nodeLikeProcess();
    const unguarded = createRealm({ packageRoot: dir, process: bare.process });
    await assert.rejects(unguarded.require('/core/engine.js').loadEstimator({ timeoutMs: 5000 }), (e) => e.code === 'load_failed');
    assert.ok(bare.reads.includes('versions'), `the unguarded glue read process.${bare.reads.join(', process.')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('either result shape of WXWebAssembly.instantiate works (Instance, or {instance, module})', async () => {
  for (const shape of ['instance', 'pair']) {
    const realm = newRealm({ shape });
    const est = await realm.require('/core/engine.js').getEstimator();
    const r = await est.estimate({ region: '000000', date: '2026-11-22', program: 'unemployment_benefit', facts: {} });
    assert.equal(r.ok, true, `shape ${shape}`);
  }
});

for (const [kind, what] of [[2, 'a wasm trap (unreachable)'], [1, 'an abort()']]) {
  test(`after ${what} the instance is replaced by a fresh one from the package, and the next call works`, async () => {
    const realm = newRealm();
    const engine = realm.require('/core/engine.js');
    const restarts = [];
    const est = await engine.loadEstimator({ onRestart: (e) => restarts.push(e) });
    const request = { region: '000000', date: '2026-11-22', program: 'unemployment_benefit', facts: { contribution_months: 30, involuntary: true } };
    const before = await est.estimateText(request);
    await assert.rejects(est._selfTestFault(kind), (e) => e.code === 'engine_failure');
    assert.equal(restarts.length, 1, 'the facade noticed the failure once');
    assert.match(engine.messageOf({ code: 'engine_failure' }), /重新/);
    const after = await est.estimateText(request);
    assert.equal(after, before, 'the fresh instance answers exactly as before');
    assert.equal(est.restarts, 1);
    assert.deepEqual(realm.wxwasm.calls, [WASM_PATH, WASM_PATH], 're-instantiated from the package path');
    assert.equal(realm.wxwasm.instances.length, 2);
    assert.notEqual(realm.wxwasm.instances[0], realm.wxwasm.instances[1]);
  });
}

test('a module missing from the package ends in a clear message, not a wait for ever; a later call tries again', async () => {
  const dir = brokenPackage(['core/estimator.wasm.br']);
  try {
    const realm = createRealm({ packageRoot: dir });
    const engine = realm.require('/core/engine.js');
    await assert.rejects(engine.getEstimator(), (e) => {
      assert.equal(e.code, 'load_failed');
      assert.match(e.message, /计算模块加载失败/);
      return true;
    });
    // Put the file back: the next call must load (the failure was not cached).
    fs.copyFileSync(path.join(ROOT, 'core', 'estimator.wasm.br'), path.join(dir, 'core', 'estimator.wasm.br'));
    const est = await engine.getEstimator();
    assert.equal((await est.estimate({ region: '000000', program: 'unemployment_benefit', date: '2026-11-22', facts: {} })).ok, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt module ends in a clear message', async () => {
  const dir = brokenPackage([]);
  try {
    fs.writeFileSync(path.join(dir, 'core', 'estimator.wasm.br'), Buffer.from('not brotli at all'));
    const realm = createRealm({ packageRoot: dir });
    await assert.rejects(realm.require('/core/engine.js').getEstimator(), /计算模块加载失败/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an instantiate that never settles ends in a clear timeout message', async () => {
  const realm = newRealm({ hang: true });
  const engine = realm.require('/core/engine.js');
  await assert.rejects(engine.loadEstimator({ timeoutMs: 20 }), (e) => {
    assert.equal(e.code, 'load_timeout');
    assert.match(e.message, /加载时间过长/);
    return true;
  });
});

test('without WXWebAssembly (WeChat too old) the message says to update WeChat', async () => {
  const realm = newRealm();
  realm.run('delete globalThis.WXWebAssembly;');
  const engine = realm.require('/core/engine.js');
  await assert.rejects(engine.getEstimator(), (e) => e.code === 'unsupported' && /升级/.test(e.message));
});

test('the packaged glue, facade and module are the very files the web page serves', () => {
  const site = pkg.builder.sourceDir();
  const zlib = require('node:zlib');
  for (const f of ['estimator.js', 'estimator-api.js']) {
    assert.ok(fs.readFileSync(path.join(ROOT, 'core', f)).equals(fs.readFileSync(path.join(site, f))), `core/${f} is the site's`);
  }
  const wasm = zlib.brotliDecompressSync(fs.readFileSync(path.join(ROOT, 'core', 'estimator.wasm.br')));
  assert.ok(wasm.equals(fs.readFileSync(path.join(site, 'estimator.wasm'))), 'estimator.wasm.br decodes to the site\'s estimator.wasm');
  assert.deepEqual(pkg.builder.staleFiles(), []);
});
