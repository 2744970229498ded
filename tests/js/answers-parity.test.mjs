// The single page and the screening cells read typed text alike: every case
// of tests/vectors/answers.json through the page's parseAnswer
// (web/shared/uie-front.js) with the engine's own questions for its scope,
// and through the engine's CSV cells (the wasm module's screenCsv: accepted
// where the page accepts, refused where it refuses). The native reading of the
// same cases, value by value, is tests/unit/cell_text_test.cpp.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, test } from 'node:test';

import { loadEstimator } from '../../wasm/js/node.mjs';

const F = createRequire(import.meta.url)('../../web/shared/uie-front.js');
const V = JSON.parse(readFileSync(new URL('../vectors/answers.json', import.meta.url), 'utf8'));
let est;
const questions = {};

before(async () => {
  est = await loadEstimator();
  for (const [program, scope] of Object.entries(V.scopes)) {
    questions[program] = (await est.questions({ ...scope, program, facts: {} })).questions;
  }
});

test('every case names a fact its scope asks, and both readings are tried', () => {
  assert.ok(V.cases.length >= 80);
  assert.ok(V.cases.some((c) => c.value === null) && V.cases.some((c) => c.value !== null));
  for (const c of V.cases) assert.ok(questions[c.program].some((q) => q.fact === c.fact), `${c.program}/${c.fact}`);
});

test('the page reads each text as the vectors say', () => {
  for (const c of V.cases) {
    const qs = questions[c.program];
    const r = F.parseAnswer(qs.find((q) => q.fact === c.fact), c.text, { questions: qs });
    const what = `${c.fact} ${JSON.stringify(c.text)}`;
    if (c.value === null) assert.equal(r.ok, false, `${what}: read as ${JSON.stringify(r.value)}`);
    else assert.deepEqual({ ok: r.ok, value: r.value }, { ok: true, value: c.value }, what);
  }
});

// A CSV with one column and one row per case: the engine's cell reading,
// accepted or refused with a message that names the fact's column.
test('a CSV cell is accepted where the page accepts the text, refused where it refuses', async () => {
  const cell = (t) => (/[",\n\r]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t);
  for (const c of V.cases) {
    const scope = V.scopes[c.program];
    const lines = await est.screenCsv(`${c.fact}\n${cell(c.text)}\n`, { ...scope, program: c.program });
    const line = JSON.parse(lines.trim());
    const what = `${c.fact} ${JSON.stringify(c.text)}: ${lines.trim().slice(0, 160)}`;
    if ((c.cell_value ?? c.value) === null) {
      assert.equal(line.ok, false, what);
      assert.equal(line.error.path, `/facts/${c.fact}`, what);
    } else {
      assert.notEqual(line.ok, false, what);
    }
  }
});
