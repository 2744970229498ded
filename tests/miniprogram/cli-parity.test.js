// The mini-program gives exactly the native CLI's answers: every scenario
// request (tests/scenarios/*.json, and the contract's worked examples) goes
// through the module as the mini-program loads it (WXWebAssembly, package
// path, .br, emulated logic layer) and through build/native/estimate; the
// response texts must be equal byte for byte.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const { createRealm } = require('./helpers/wechat.js');
const pkg = require('./helpers/package.js');

const ROOT = pkg.ensurePackage();

const cases = [...pkg.scenarioRequests(), ...pkg.exampleRequests()];

test('every scenario request: the mini-program module answers byte for byte as the native CLI', {
  skip: pkg.nativeAvailable() ? false : `native CLI not built (${pkg.NATIVE_CLI}); build it with: cmake --preset native && cmake --build --preset native`,
}, async (t) => {
  assert.ok(pkg.scenarioRequests().length > 0, 'tests/scenarios/*.json holds scenario requests');
  const realm = createRealm({ packageRoot: ROOT });
  const est = await realm.require('/core/engine.js').getEstimator();
  const texts = cases.map((c) => JSON.stringify(c.request));
  const native = pkg.nativeResponses(texts);
  let compared = 0;
  for (let i = 0; i < cases.length; i++) {
    const mine = await est.estimateText(texts[i]);
    assert.equal(mine, native[i], `${cases[i].name}: response differs from the CLI's`);
    compared++;
  }
  // The batch mode and the single-request mode of the CLI agree too (spot check).
  assert.equal(pkg.nativeResponse(texts[0]), native[0]);
  assert.equal(est.restarts, 0, 'no request trapped the module');
  assert.equal(realm.wxwasm.calls.length, 1, 'one instance served every request');
  t.diagnostic(`${compared} requests compared byte for byte (${pkg.scenarioRequests().length} scenarios, ${pkg.exampleRequests().length} worked examples)`);
});
