// The mini-program turns typing into request values exactly as the shared
// front-end layer's plain conversion does (web/shared/uie-front.js), so the
// same typing gives the same request and hence the same answer; and it
// formats amounts the same way.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const pkg = require('./helpers/package.js');
const form = require(path.join(pkg.PACKAGE_ROOT, 'utils', 'form.js'));

const TYPINGS = ['', ' ', '0', '12', '-3', '+7', '2.5', '3.0', '１２３．５', '５，０００', '5,000', '56,789.12', '1 234', '12。5',
  '1e3', 'abc', '两年', '0x10', '９００７１９９２５４７４０９９３', '-0', '１２－３', ' 42 '];

test('typed answers become the same request values as in the shared layer', () => {
  const web = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'uie-front.js'));
  for (const type of ['money', 'count', 'integer', 'string', 'enum']) {
    for (const raw of TYPINGS) {
      assert.deepEqual(form.answerValue(type, raw), web.answerValue(type, raw), `${type} ${JSON.stringify(raw)}`);
    }
  }
  for (const raw of TYPINGS) assert.equal(form.asciiNumber(raw), web.asciiNumber(raw), JSON.stringify(raw));
});

test('amounts are formatted as in the shared layer', () => {
  const web = require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'uie-front.js'));
  for (const fen of [0, 1, 99, 100, 3407347, 123456789012, 100000000000000]) {
    assert.equal(form.yuanText(fen), web.yuanText(fen), String(fen));
  }
  const d = new Date(2026, 10, 22, 23, 59);
  assert.equal(form.today(d), web.today(d));
});

test('facts are built from answers in the questions\' order, blanks left out', () => {
  const questions = [
    { fact: 'unit_type', type: 'enum' }, { fact: 'layoffs', type: 'count' }, { fact: 'paid', type: 'money' },
    { fact: 'flag', type: 'bool' }, { fact: 'level', type: 'integer', options: [{ value: 5 }, { value: 4 }] },
    { fact: 'levels', type: 'level_list' }, { fact: 'since', type: 'date' }, { fact: 'note', type: 'string' },
  ];
  const facts = form.factsFrom(questions, {
    note: '  电工 ', levels: ['3', '5'], level: '4', flag: false, paid: '１,000.5', layoffs: '', unit_type: 'enterprise', since: '2026-01-05',
  });
  assert.deepEqual(Object.keys(facts), ['unit_type', 'paid', 'flag', 'level', 'levels', 'since', 'note']);
  assert.deepEqual(facts, { unit_type: 'enterprise', paid: '1000.5', flag: false, level: 4, levels: [5, 3], since: '2026-01-05', note: '电工' });
});

test('error pointers name the fact to show the message at', () => {
  assert.equal(form.factOfPath('/facts/layoffs'), 'layoffs');
  assert.equal(form.factOfPath('/facts/previous_levels_same_occupation/1'), 'previous_levels_same_occupation');
  assert.equal(form.factOfPath('/facts/a~1b'), 'a/b');
  assert.equal(form.factOfPath('/region'), null);
  assert.equal(form.factOfPath(''), null);
});

test('controls: WeChat native ones, chosen from the question type', () => {
  assert.equal(form.controlOf({ type: 'money' }), 'digit');
  assert.equal(form.controlOf({ type: 'count' }), 'number');
  assert.equal(form.controlOf({ type: 'enum', options: [] }), 'radio');
  assert.equal(form.controlOf({ type: 'bool', required: true }), 'yesno');
  assert.equal(form.controlOf({ type: 'bool', required: false }), 'switch');
  assert.equal(form.controlOf({ type: 'integer', min: -1200, max: 1200 }), 'text');
  assert.equal(form.controlOf({ type: 'integer', min: 1, max: 5, options: [{ value: 5 }] }), 'radio');
  assert.equal(form.controlOf({ type: 'date' }), 'date');
  assert.equal(form.controlOf({ type: 'level_list' }), 'checkbox');
});
