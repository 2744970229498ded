// The receipt's link (测算凭证, web/receipt.mjs): the share link of the shared
// layer (web/shared/uie-views.js encodeShare/decodeShare) with what the
// receipt showed recorded under `r`. It round-trips; links made before the
// receipt still open, and a build that knows no `r` still reads the inputs of
// one that has it; anything else — too long, not ours, a recorded value of
// another form — is refused (null, which the page shows as "分享链接无法识别"),
// never thrown. The longest link the engine's questions allow fits a QR code
// a phone reads easily, which a decoder (jsQR) reads back.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { estimator } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const F = require('../../web/shared/uie-front.js');
const qrcode = require('qrcode-generator');
const jsQR = require('jsqr');

const INPUTS = { region: '140000', date: '2025-08-01', program: 'stabilization_refund', policy: null,
                 facts: { unit_type: 'enterprise', size: 'sme', insured_headcount: 80, layoffs: 4, contribution_months: 24,
                          contributions_paid: '56789.12' } };
const RECEIPT = { policy: 'sx-2025-13', eligible: true, amount_fen: 3407347, candidates: null, months: null,
                  rules_hash: '46d508e40145f7ac', engine_version: '0.1.0', estimated: '2026-12-07' };
const b64 = (json) => Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8').toString('base64url');
const payload = (fragment) => JSON.parse(Buffer.from(fragment.replace(/^#?s=/, ''), 'base64url').toString('utf8'));

test('a receipt\'s link round-trips: decode(encode(x)) is x, every recorded value in its form', () => {
  const cases = [
    { ...INPUTS, receipt: RECEIPT },
    { ...INPUTS, policy: 'sx-2025-13', receipt: { ...RECEIPT, amount_fen: null, candidates: { large: 1703674, sme: 3407347 } } },
    { ...INPUTS, receipt: { ...RECEIPT, eligible: null, amount_fen: null, rules_hash: null, engine_version: null } },
    { ...INPUTS, receipt: { ...RECEIPT, eligible: false, amount_fen: 0, months: 0 } },
    { region: '440100', date: '2025-08-01', program: 'unemployment_benefit', policy: null,
      facts: { contribution_months: 120, separation_reason: 'dismissed', note: '中文 😀' },
      receipt: { ...RECEIPT, policy: 'gz-2021-benefit', amount_fen: 228000, months: 24 } },
  ];
  for (const x of cases) {
    const fragment = F.encodeShare(x);
    assert.match(fragment, /^s=[A-Za-z0-9_-]+$/);
    assert.deepEqual(F.decodeShare(`#${fragment}`), x);
  }
  // Short keys, and only what was recorded: a null is left out.
  assert.deepEqual(payload(F.encodeShare(cases[0])).r,
                   { p: 'sx-2025-13', e: true, a: 3407347, h: '46d508e40145f7ac', g: '0.1.0', d: '2026-12-07' });
});

test('links made before the receipt still open, and a receipt\'s link is one an older build reads', () => {
  // A link as the page made it before (its bytes are the browser's TextEncoder + btoa).
  const old = `#s=${b64({ v: 1, region: '140000', date: '2025-08-01', program: 'stabilization_refund', facts: INPUTS.facts })}`;
  const opened = F.decodeShare(old);
  assert.deepEqual(opened, INPUTS);
  assert.equal('receipt' in opened, false, 'no receipt where none was recorded');
  assert.equal(F.encodeShare(INPUTS), old.slice(1), 'a link without a receipt is written as before, byte for byte');
  // The older decoder asked for v 1 and the five inputs, and ignored any other key: `r` is one more key.
  const p = payload(F.encodeShare({ ...INPUTS, receipt: RECEIPT }));
  assert.equal(p.v, 1);
  assert.deepEqual(Object.keys(p), ['v', 'region', 'date', 'program', 'facts', 'r']);
  // Keys a later build may add to `r` are passed over.
  const later = F.decodeShare(`s=${b64({ ...payload(F.encodeShare({ ...INPUTS, receipt: RECEIPT })), r: { ...p.r, z: [1, 2] } })}`);
  assert.deepEqual(later.receipt, RECEIPT);
});

test('a fragment that is not one of ours, or a recorded value of another form, is refused without a throw', () => {
  const link = (r) => `#s=${b64({ v: 1, region: '140000', date: '2025-08-01', program: 'stabilization_refund', facts: {}, r })}`;
  const good = link({ p: 'sx-2025-13', e: true, a: 1 });
  assert.equal(F.decodeShare(good).receipt.amount_fen, 1);
  const refused = {
    'r an array': link([1]),
    'r a string': link('x'),
    'r null': link(null),
    'a string amount': link({ a: '3407347' }),
    'a negative amount': link({ a: -1 }),
    'a fraction of a fen': link({ a: 1.5 }),
    'an amount past 2^53': link({ a: 2 ** 53 }),
    'an amount of 16 digits': link({ a: 1e15 }),
    'an amount as an object': link({ a: { fen: 1 } }),
    'an amount of 1e21': link({ a: 1e21 }),
    'eligible as a string': link({ e: 'true' }),
    'eligible as 1': link({ e: 1 }),
    'markup as a policy id': link({ p: '<img src=x onerror=alert(1)>' }),
    'a policy id of 65 characters': link({ p: 'x'.repeat(65) }),
    'an empty policy id': link({ p: '' }),
    'a hash not in hex': link({ h: 'ZZZZZZZZZZZZZZZZ' }),
    'a hash of 7 digits': link({ h: 'abcdef1' }),
    'an upper-case hash': link({ h: '46D508E40145F7AC' }),
    'an engine version with a space': link({ g: '0.1 beta' }),
    'a date not YYYY-MM-DD': link({ d: '7/12/2026' }),
    'months past 1200': link({ m: 1201 }),
    'months as text': link({ m: '24' }),
    'candidates as a list': link({ c: [1, 2] }),
    'an empty candidates object': link({ c: {} }),
    'a candidate of another form': link({ c: { sme: 'much' } }),
    'a candidate key with markup': link({ c: { '<b>': 1 } }),
    'nine candidates': link({ c: Object.fromEntries('abcdefghi'.split('').map((k) => [k, 1])) }),
    'a fragment longer than SHARE_MAX': `#s=${'A'.repeat(F.SHARE_MAX + 1)}`,
    'padding': `${good}=`,
    'two fragments': `${good}&s=abc`,
    'not JSON': `#s=${b64('{"v":1,')}`,
    'JSON nested 3000 deep': `#s=${b64('['.repeat(3000) + ']'.repeat(3000))}`,
    'v 2': `#s=${b64({ v: 2, region: '1', date: 'd', program: 'p', facts: {} })}`,
  };
  for (const [what, fragment] of Object.entries(refused)) {
    assert.equal(F.decodeShare(fragment), null, what);
  }
  for (const junk of [undefined, null, 42, {}, [], '#', '#s=', '#s=a', '#r=abc']) {
    assert.doesNotThrow(() => F.decodeShare(junk));
    assert.equal(F.decodeShare(junk), null, String(junk));
  }
  // Exactly SHARE_MAX characters after "s=" are still read (then refused here only as not being JSON).
  assert.equal(F.SHARE_MAX, 4096);
  const atLimit = `#s=${b64({ v: 1, region: '1', date: 'd', program: 'p', facts: { pad: 'x'.repeat(3000) } })}`;
  assert.ok(atLimit.length - 3 <= F.SHARE_MAX);
  assert.notEqual(F.decodeShare(atLimit), null, 'a fragment within the limit opens');
});

/** The link's QR code as the receipt draws it (error correction M), rendered 3 px a module with its quiet zone, decoded by jsQR. */
function qrRoundTrip(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const scale = 3;
  const side = (n + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [my, mx] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
      if (my < 0 || mx < 0 || my >= n || mx >= n || !qr.isDark(my, mx)) continue;
      rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  const code = jsQR(rgba, side, side);
  return { modules: n, version: (n - 17) / 4, decoded: code ? code.data : null };
}

test('the longest link the engine\'s questions allow fits a QR code a phone reads easily (version 25 or less), and reads back', async () => {
  const e = await estimator();
  const catalog = await e.catalog();
  // Every question of a program answered with its longest value: the longest choice, all of a list, big numbers.
  const longest = (q) => {
    const options = (q.options || []).map((o) => o.value);
    if (/list$/.test(q.type)) return options.length ? options : [5, 4, 3, 2, 1];
    if (options.length) return options.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
    if (q.type === 'bool' || q.type === 'boolean') return true;
    if (q.type === 'date') return '2026-12-31';
    if (q.type === 'month') return '1966-12';
    if (q.type === 'money' || /_fen$|paid|wage|standard/.test(q.fact)) return '99999999.99';
    return q.max !== undefined ? q.max : 999999;
  };
  const lengths = [];
  for (const [region, program] of [['440100', 'unemployment_benefit'], ['140000', 'stabilization_refund'], ['660000', 'skill_subsidy'],
                                   ['371500', 'unemployment_benefit']]) {
    const scope = { region, date: '2025-08-01', program };
    const q = await e.questions({ ...scope, facts: {} });
    assert.equal(q.ok, true, JSON.stringify(q.error));
    const facts = Object.fromEntries(q.questions.map((x) => [x.fact, longest(x)]));
    // Each value one its question allows (together they may contradict each other: a longer link than any receipt's).
    const answer = await e.estimate({ ...scope, facts });
    assert.ok(answer.ok || answer.error.code === 'inconsistent_facts', `${program}: ${JSON.stringify(answer.error)}`);
    const longestPolicy = catalog.policies.map((p) => p.id).reduce((a, b) => (b.length > a.length ? b : a));
    const receipt = { policy: longestPolicy, eligible: false, amount_fen: 99999999999, candidates: { large: 99999999999, sme: 99999999999 },
                      months: 1200, rules_hash: 'f'.repeat(16), engine_version: catalog.engine_version, estimated: '2026-12-31' };
    const url = `http://192.168.100.200:8000/?lang=en&elder=1&region=${region}#${F.encodeShare({ ...scope, facts, policy: longestPolicy, receipt })}`;
    const { version, decoded } = qrRoundTrip(url);
    lengths.push(`${program} ${region}: ${Object.keys(facts).length} facts, ${url.length} characters, QR version ${version}`);
    assert.ok(url.length <= 1000, `${program}: ${url.length} characters`);
    assert.ok(version <= 25, `${program}: QR version ${version}`);
    assert.equal(decoded, url, `${program}: the decoder reads the link back`);
  }
  console.log(`# the longest links: ${lengths.join('; ')}`);
});
