// What the one wasm build must be to serve the web page, Node and the WeChat
// mini-program alike (shared/research/wechat-shell.md §0, §7): MVP features
// only, no eval, no import.meta, no exported globals, and a glue that runs
// where only WXWebAssembly exists.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { contractExamples, repo, requireBuild } from './lib/env.mjs';

const dir = requireBuild();
const wasmFile = join(dir, 'estimator.wasm');
const glue = readFileSync(join(dir, 'estimator.js'), 'utf8');
const facade = readFileSync(join(repo, 'wasm', 'js', 'estimator-api.js'), 'utf8');

function mvpCheck(file) {
  return spawnSync('wasm-opt', ['--mvp-features', file, '-o', '/dev/null'], { encoding: 'utf8' });
}

test('the wasm uses MVP features only (wasm-opt --mvp-features)', () => {
  const ok = mvpCheck(wasmFile);
  assert.equal(ok.error, undefined, 'wasm-opt (binaryen) must be installed');
  assert.equal(ok.status, 0, ok.stderr);

  // The check can fail: a one-function module using sign-extension (post-MVP).
  const tmp = mkdtempSync(join(tmpdir(), 'mvp-'));
  const signExt = join(tmp, 'sign-ext.wasm');
  writeFileSync(signExt, Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,       // magic, version 1
    0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,       // type: (i32) -> i32
    0x03, 0x02, 0x01, 0x00,                               // one function of that type
    0x0a, 0x07, 0x01, 0x05, 0x00, 0x20, 0x00, 0xc0, 0x0b, // local.get 0; i32.extend8_s; end
  ]));
  assert.ok(WebAssembly.validate(readFileSync(signExt)), 'the control module is valid wasm');
  assert.notEqual(mvpCheck(signExt).status, 0, 'wasm-opt --mvp-features rejects a post-MVP module');
});

test('no exported globals (not supported on iOS WeChat); memory, table and functions only', () => {
  const mod = new WebAssembly.Module(readFileSync(wasmFile));
  const kinds = new Set(WebAssembly.Module.exports(mod).map((x) => x.kind));
  assert.ok(!kinds.has('global'), [...kinds].join(','));
  assert.ok(kinds.has('memory') && kinds.has('function'));
  for (const i of WebAssembly.Module.imports(mod)) assert.ok(['env', 'wasi_snapshot_preview1'].includes(i.module), i.module);
});

test('no eval, new Function or import.meta in the glue or the facade', () => {
  for (const [name, text] of [['estimator.js', glue], ['estimator-api.js', facade]]) {
    assert.doesNotMatch(text, /new Function\s*\(/, name);
    assert.doesNotMatch(text, /\beval\s*\(/, name);
    assert.doesNotMatch(text, /import\.meta/, name);
  }
});

// A WeChat-like host: no WebAssembly, fetch, TextDecoder, window or process;
// WXWebAssembly.instantiate takes a package path only (wechat-shell.md §2).
function wechatSandbox() {
  const packageFiles = { '/core/estimator.wasm': readFileSync(wasmFile) };
  const NodeWasm = WebAssembly;
  const WXWebAssembly = {
    instantiate(path, imports) {
      if (typeof path !== 'string' || !(path in packageFiles)) {
        return Promise.reject(new TypeError(`WXWebAssembly.instantiate: not a package path: ${String(path)}`));
      }
      return NodeWasm.instantiate(packageFiles[path], imports);   // resolves { instance, module }
    },
    Memory: NodeWasm.Memory, Table: NodeWasm.Table, Global: NodeWasm.Global, Instance: NodeWasm.Instance,
    RuntimeError: NodeWasm.RuntimeError,
  };
  const context = vm.createContext({ WXWebAssembly, console, setTimeout, clearTimeout });
  vm.runInContext('delete globalThis.WebAssembly; delete globalThis.TextDecoder;', context);
  const load = (source, filename) => {
    const module = { exports: {} };
    vm.runInContext(`(function (module, exports) {${source}\n})`, context, { filename })(module, module.exports);
    return module.exports;
  };
  return { context, factory: load(glue, 'estimator.js'), api: load(facade, 'estimator-api.js') };
}

test('the same glue and facade run in a WeChat-like host through the instantiate hook', async () => {
  const { context, factory, api } = wechatSandbox();
  assert.equal(vm.runInContext('typeof WebAssembly + typeof TextDecoder + typeof window + typeof process', context),
               'undefinedundefinedundefinedundefined');
  const e = await api.createEstimator({
    factory,
    instantiate: (imports) => context.WXWebAssembly.instantiate('/core/estimator.wasm', imports),
  });
  for (const ex of contractExamples()) {
    const r = JSON.parse(await e.estimateText(JSON.stringify(ex.request)));
    assert.equal(r.ok, ex.expect.ok, ex.name);
    if (r.ok) for (const k of ['eligible', 'amount_fen']) if (k in ex.expect) assert.equal(r[k], ex.expect[k], ex.name);
  }
  const r = JSON.parse(await e.estimateText(JSON.stringify(contractExamples()[0].request)));
  assert.ok(r.conditions.every((c) => /[\u4e00-\u9fff]/.test(c.text)), 'Chinese text survives without TextDecoder');
  await assert.rejects(e._selfTestFault(2), { code: 'engine_failure' });
  assert.equal(JSON.parse(await e.estimateText(JSON.stringify(contractExamples()[0].request))).amount_fen, 3407347,
               'recovered by instantiating from the package path again');
});
