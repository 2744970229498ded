// The scenario matcher itself: it must accept what the README's rule accepts
// and reject everything else, or the scenario tests prove nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { match } from './lib/match.mjs';

const response = {
  ok: true,
  eligible: true,
  amount_fen: 3407347,
  amount_yuan: '34073.47',
  policy: { id: 'sx-2024-28', chain: ['a', 'b'], draft: false },
  conditions: [
    { id: 'layoff_rate', passed: true, text: '…' },
    { id: 'months', passed: null, text: '…' },
  ],
  missing: [],
  whatif: [{ fact: 'layoffs', max: 27, text: '…' }],
  notes: ['以当地经办机构核定为准', '本结果按山西省文件计算'],
};

test('scalars, partial objects and arrays', () => {
  assert.deepEqual(match({ ok: true, amount_fen: 3407347, policy: { id: 'sx-2024-28' } }, response), []);
  assert.equal(match({ amount_fen: 3407348 }, response).length, 1);
  assert.equal(match({ amount_yuan: 34073.47 }, response).length, 1, 'a string never equals a number');
  assert.equal(match({ policy: { chain: ['a'] } }, response).length, 1, 'arrays must have equal length');
  assert.equal(match({ policy: { chain: ['b', 'a'] } }, response).length, 2, 'arrays match in order');
  assert.equal(match({ missing: [] }, response).length, 0);
  assert.equal(match({ max_months: null }, response).length, 1, 'an absent key does not match null');
  assert.equal(match({ policy: 'sx-2024-28' }, response).length, 1);
});

test('conditions by id, whatif as "some element", notes_include as substrings', () => {
  assert.deepEqual(match({ conditions: { layoff_rate: true, months: null } }, response), []);
  assert.equal(match({ conditions: { layoff_rate: false } }, response).length, 1);
  assert.equal(match({ conditions: { months: false } }, response).length, 1, 'null is not false');
  assert.equal(match({ conditions: { nonexistent: true } }, response).length, 1);
  assert.deepEqual(match({ whatif: [{ fact: 'layoffs', max: 27 }] }, response), []);
  assert.equal(match({ whatif: [{ fact: 'layoffs', max: 28 }] }, response).length, 1);
  assert.deepEqual(match({ notes_include: ['经办机构', '山西省'] }, response), []);
  assert.equal(match({ notes_include: ['广东省'] }, response).length, 1);
});

test("the contract examples' error shorthand matches error.code and error.path", () => {
  const error = { ok: false, error: { code: 'invalid_fact', path: '/facts/layoffs', message: '…' } };
  assert.deepEqual(match({ ok: false, code: 'invalid_fact', path: '/facts/layoffs' }, error), []);
  assert.equal(match({ ok: false, code: 'invalid_json', path: '/facts/layoffs' }, error).length, 1);
  assert.deepEqual(match({ ok: false, error: { code: 'invalid_fact' } }, error), []);
  assert.equal(match({ ok: false, error: { path: '' } }, error).length, 1);
  assert.equal(match({ ok: true }, error).length, 1);
});

test('a condition may be {passed, cite}; an error may list message_includes', () => {
  const cited = {
    conditions: [{ id: 'a', passed: true, cite: { doc_no: '甲', clause: '二', quote: '原文' } }],
    error: { code: 'no_policy_in_force', message: '本工具没有收录2026年施行的文件' },
  };
  assert.deepEqual(match({ conditions: { a: { passed: true, cite: { clause: '二' } } } }, cited), []);
  assert.equal(match({ conditions: { a: { passed: true, cite: { clause: '三' } } } }, cited).length, 1);
  assert.equal(match({ conditions: { a: { passed: false, cite: { clause: '二' } } } }, cited).length, 1);
  assert.deepEqual(match({ error: { message_includes: ['没有收录', '2026'] } }, cited), []);
  assert.equal(match({ error: { message_includes: ['没有收录', '2027'] } }, cited).length, 1);
});
