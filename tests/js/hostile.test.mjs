// Issue 4 on the WebAssembly build: the malformed-input corpus of
// tests/malformed/ through `node wasm/estimate.mjs`, with exactly the codes
// and paths the native engine gives (tests/hostile/corpus_test.cpp); 10 000
// hostile requests in a row, then a good one that still gets the right answer,
// through the CLI and through the JS API with no instance ever restarted.
//
// Skipped, saying so, only when the wasm build is absent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { loadCases } from '../malformed/corpus.mjs';
import { loadEstimator, wasmDir } from '../../wasm/js/node.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'wasm', 'estimate.mjs');
const built = ['estimator.js', 'estimator.wasm'].every((f) => existsSync(join(wasmDir(), f)));
const skip = built ? false
  : `the wasm build is absent (${wasmDir()}): cmake --preset wasm && cmake --build --preset wasm`;
const TODAY = '2024-07-15';

const GOOD = Buffer.from(JSON.stringify({
  region: '140000', date: '2024-07-15', program: 'stabilization_refund',
  facts: { unit_type: 'enterprise', size: 'sme', contribution_months: 24, insured_headcount: 80, layoffs: 4, contributions_paid: 56789.12 },
}));
const GOOD_FEN = 3407347;

const CODES = new Set(['invalid_json', 'invalid_request', 'unknown_region', 'unknown_program', 'unknown_fact',
  'invalid_fact', 'inconsistent_facts', 'no_policy_in_force', 'unknown_policy']);

// '' when `text` is the response `c.expect` asks for; else what differs.
function mismatch(c, text) {
  let r;
  try { r = JSON.parse(text); } catch { return `not JSON: ${text.slice(0, 200)}`; }
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') return 'no boolean ok';
  if (r.ok === false) {
    const e = r.error ?? {};
    if (!CODES.has(e.code) || typeof e.path !== 'string' || !(typeof e.message === 'string' && e.message)) {
      return `a malformed error: ${JSON.stringify(e).slice(0, 200)}`;
    }
  }
  if ('code' in c.expect) {
    if (r.ok !== false || r.error.code !== c.expect.code || r.error.path !== c.expect.path) {
      return `expected ${c.expect.code} at ${JSON.stringify(c.expect.path)}, got ${text.slice(0, 120)}`;
    }
    return '';
  }
  for (const [k, v] of Object.entries(c.expect)) {
    if (JSON.stringify(r[k]) !== JSON.stringify(v)) return `expected ${k} = ${JSON.stringify(v)}, got ${text.slice(0, 120)}`;
  }
  return '';
}

function runCli(args, input) {
  return spawnSync(process.execPath, [cli, ...args], { input, cwd: repo, maxBuffer: 1 << 30 });
}

const cases = loadCases();
const singleLine = cases.filter((c) => !c.bytes.includes(0x0a));

test('every malformed-corpus case through node wasm/estimate.mjs gets its expected code and path', { skip }, () => {
  assert.ok(cases.length > 400, 'the corpus is read');
  // The cases of one line each in one --jsonl run; the others, one run each.
  const r = runCli(['--jsonl', '--today', TODAY], Buffer.concat(singleLine.flatMap((c) => [c.bytes, Buffer.from('\n')])));
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString().split('\n');
  assert.equal(out.pop(), '');
  assert.equal(out.length, singleLine.length, 'one response per line');
  const wrong = singleLine.map((c, i) => [c.name, mismatch(c, out[i])]).filter(([, m]) => m);
  for (const c of cases.filter((x) => x.bytes.includes(0x0a))) {
    const one = runCli(['--today', TODAY], c.bytes);
    assert.equal(one.status, 0, `${c.name}: ${one.stderr}`);
    const m = mismatch(c, one.stdout.toString().replace(/\n$/, ''));
    if (m) wrong.push([c.name, m]);
  }
  assert.equal(wrong.length, 0, wrong.map(([n, m]) => `${n}: ${m}`).join('\n'));
});

test('10 000 hostile lines in a row through node wasm/estimate.mjs --jsonl, then a good one with the right answer', { skip }, () => {
  const lines = Array.from({ length: 10000 }, (_, i) => singleLine[i % singleLine.length]);
  const input = Buffer.concat([...lines.flatMap((c) => [c.bytes, Buffer.from('\n')]), GOOD, Buffer.from('\n')]);
  const r = runCli(['--jsonl', '--today', TODAY], input);
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString().split('\n');
  assert.equal(out.pop(), '');
  assert.equal(out.length, 10001, 'one response per line, nothing lost');
  const wrong = lines.map((c, i) => mismatch(c, out[i]) && `line ${i + 1} (${c.name}): ${mismatch(c, out[i])}`).filter(Boolean);
  assert.equal(wrong.length, 0, wrong.slice(0, 5).join('\n'));
  const last = JSON.parse(out[10000]);
  assert.equal(last.ok, true);
  assert.equal(last.eligible, true);
  assert.equal(last.amount_fen, GOOD_FEN);
});

test('10 000 hostile calls through the JS API never trap or restart the instance, and a good one is still right', { skip }, async () => {
  const restarts = [];
  const estimator = await loadEstimator({ onRestart: (e) => restarts.push(String(e)) });
  let wrong = 0;
  for (let i = 0; i < 10000; i++) {
    const c = cases[i % cases.length];
    if (mismatch(c, await estimator.estimateText(c.bytes, { today: TODAY }))) wrong++;
    if (i % 7 === 0) JSON.parse(await estimator.questionsText(c.bytes, { today: TODAY }));
  }
  assert.deepEqual(restarts, [], 'no call trapped or aborted');
  assert.equal(wrong, 0);
  const good = JSON.parse(await estimator.estimateText(GOOD));
  assert.equal(good.amount_fen, GOOD_FEN);
  assert.equal(estimator.restarts, 0);
});
