// The page's pure helpers (web/format.mjs): money text, typed answers, share links.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answerValue, asciiNumber, decodeShare, encodeShare, today, wanText, yuanText } from '../../web/format.mjs';

test('yuan text from integer fen: two decimals, grouped', () => {
  assert.equal(yuanText(0), '0.00');
  assert.equal(yuanText(5), '0.05');
  assert.equal(yuanText(100000), '1,000.00');
  assert.equal(yuanText(3407347), '34,073.47');
  assert.equal(yuanText(123456789012), '1,234,567,890.12');
});

test('万元 only from 1 万元 up, rounded half up at 0.01 万元', () => {
  assert.equal(wanText(999999), null);
  assert.deepEqual(wanText(1000000), { text: '1.00', exact: true });
  assert.deepEqual(wanText(3407347), { text: '3.41', exact: false });
  assert.deepEqual(wanText(3405000), { text: '3.41', exact: false }, '3.405 万 rounds half up');
  assert.deepEqual(wanText(3404999), { text: '3.40', exact: false });
  assert.deepEqual(wanText(123450000000), { text: '123,450.00', exact: true }, '12.345 亿元');
});

test('typed answers: full-width digits and separators, money stays a decimal string', () => {
  assert.equal(asciiNumber('１２，３４５．６７'), '12345.67');
  assert.equal(answerValue('money', ' 56,789.12 '), '56789.12');
  assert.equal(answerValue('money', '-3'), '-3', 'the engine, not the page, rejects it');
  assert.equal(answerValue('count', '４'), 4);
  assert.equal(answerValue('count', '3.5'), 3.5, 'sent as typed; the engine says it must be whole');
  assert.equal(answerValue('count', 'three'), 'three');
  assert.equal(answerValue('integer', '-12'), -12);
  assert.equal(answerValue('count', '99999999999999999999'), '99999999999999999999', 'beyond exact doubles: sent as text');
});

test('share links carry the inputs in the fragment and round-trip', () => {
  const inputs = { region: '140300', date: '2024-07-15', program: 'stabilization_refund',
                   facts: { unit_type: 'enterprise', layoffs: 4, contributions_paid: '56789.12', note: '中文' }, policy: null };
  const fragment = encodeShare(inputs);
  assert.match(fragment, /^s=[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeShare(`#${fragment}`), inputs);
  assert.deepEqual(decodeShare(encodeShare({ ...inputs, policy: 'sx-2024-28' })).policy, 'sx-2024-28');
  for (const junk of ['', '#', '#s=', '#s=!!!', '#x=abc', `#s=${btoa('{"v":2}')}`, `#s=${btoa('[1]')}`]) {
    assert.equal(decodeShare(junk), null, junk);
  }
});

test('today is the local calendar day', () => {
  assert.equal(today(new Date(2026, 10, 2, 23, 59)), '2026-11-02');
});
