// The shared front-end layer is one plain script that every host loads
// unchanged: require() in Node and in the mini-program's logic layer (here
// the emulated WeChat realm of tests/miniprogram/helpers/wechat.js: no
// TextEncoder, no atob, no eval), a global in a page or a Web Worker (a bare
// script context with only `self`). Its syntax stays within ES2017, and it
// touches no DOM, Node or code-generation API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { repo } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const FILE = join(repo, 'web', 'shared', 'uie-front.js');
// The layer's files, in the order a page loads them (index.html; uie-share.js and uie-compare.js when
// first needed), and the journey on them.
const PARTS = ['uie-words.js', 'uie-answers.js', 'uie-views.js', 'uie-share.js', 'uie-front.js', 'journey.js', 'uie-compare.js', 'uie-screen.js'];
const SOURCES = PARTS.map((name) => [name, readFileSync(join(repo, 'web', 'shared', name), 'utf8')]);
const { createRealm } = require('../miniprogram/helpers/wechat.js');

// One sample of every part, as plain data, to compare between hosts.
const PROBE = `(function (F) {
  var q = { fact: 'm', type: 'count', unit: '个月', max: 1200 };
  return JSON.stringify([
    F.parseAnswer(q, '1年6个月'), F.parseAnswer({ type: 'money' }, '1.2万'), F.parseAnswer(q, 'x', { lang: 'en' }),
    F.moneyText(3407347, 'zh'), F.controlOf(q), F.encodeShare({ region: '140000', date: '2024-07-15', program: 'p', facts: { a: '中文' } }),
    F.decodeShare(F.encodeShare({ region: '1', date: 'd', program: 'p', facts: { b: '😀' } })),
    F.resultView({ eligible: false, conditions: [{ id: 'm', passed: false, text: 't' }], whatif: [{ condition: 'm', fact: 'm', text: 'w' }] },
                 { questions: [q], lang: 'zh' }).reasons,
  ]);
})`;

test('Node: require() gives the exports', () => {
  const F = require(FILE);
  assert.equal(typeof F.parseAnswer, 'function');
  assert.equal(typeof F.resultView, 'function');
});

test('the WeChat logic layer loads the same file with its require(), and every part works there', () => {
  const realm = createRealm({ packageRoot: join(repo, 'web', 'shared') });
  const F = realm.require('/uie-front.js');
  const inNode = vm.runInThisContext(PROBE)(require(FILE));
  assert.equal(realm.run(PROBE)(F), inNode);
  assert.deepEqual(JSON.parse(inNode)[0], { ok: true, value: 18, note: '1年6个月 = 18 个月' });
});

test('a page or a Web Worker: a plain script sets the global UieFront, with no module, require or DOM', () => {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('globalThis.self = globalThis;', context);
  for (const [name, source] of SOURCES) vm.runInContext(source, context, { filename: name });
  assert.equal(vm.runInContext('typeof UieFront.parseAnswer', context), 'function');
  assert.equal(vm.runInContext('typeof UieJourney.received', context), 'function');
  assert.equal(vm.runInContext('typeof UieFront.screeningColumns', context), 'function', 'uie-screen.js extends it');
  assert.equal(vm.runInContext(`(${PROBE})(self.UieFront)`, context), vm.runInThisContext(PROBE)(require(FILE)));
});

test('ES2017 syntax only, one script, no DOM, Node or code-generation API', () => {
  // acorn: npm's (a dependency of the test tools) or Debian's (emscripten needs it).
  let acorn;
  try { acorn = require('acorn'); } catch { acorn = require('/usr/share/nodejs/acorn'); }
  for (const [name, source] of SOURCES) {
    // The screening columns run only on the screening page (a desktop browser's Worker), never in WeChat: ES2018.
    const ecmaVersion = name === 'uie-screen.js' ? 2018 : 2017;
    assert.doesNotThrow(() => acorn.parse(source, { ecmaVersion, sourceType: 'script' }),
                        `${name} parses as an ES${ecmaVersion} script: no ?., ??, import/export`);
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');   // the words in comments do not count
    // require() only of a sibling of web/shared/, in the header's Node and mini-program branch.
    for (const banned of [/\beval\s*\(/, /\bnew Function\b/, /\bdocument\b/, /\bwindow\b/, /\bprocess\b/,
                          /\brequire\s*\((?!'\.\/[\w-]+\.js'\))/, /\bTextEncoder\b/, /\bTextDecoder\b/, /\batob\b/,
                          /\bbtoa\b/, /\bBigInt\b/, /\(\?<[=!]/, /\bBuffer\b/]) {
      assert.doesNotMatch(code, banned, `${name}: ${banned}`);
    }
  }
});
