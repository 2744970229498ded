// The benchmark harness (bench/run.mjs) on a handful of cases: every engine it measures
// agrees with the reference and the table comes out; an engine that disagrees makes it
// fail. No timing is asserted. Skipped, with the reason, when bench/'s own dependencies
// (the peer engines: npm ci --prefix bench) or the builds are not there; the test never
// installs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { missingDeps } from '../../bench/lib/install.mjs';
import { cliMissing } from '../../bench/lib/native.mjs';
import { wasmMissing } from '../../bench/lib/ours-build.mjs';
import { repo } from './lib/env.mjs';

const deps = missingDeps();
const skip = deps.length
  ? `bench dependencies not installed (${deps.join(', ')}): npm ci --prefix bench`
  : (wasmMissing() ?? cliMissing() ?? false);
if (skip) console.log(`bench smoke skipped: ${skip}`);

const TINY = ['--n=300', '--runs=1', '--rounds=1', '--cold=1', '--budget-ms=50', '--screen-n=1000', '--mem-n=10000'];
const tmp = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
const bench = (...args) => spawnSync(process.execPath, [join(repo, 'bench/run.mjs'), ...TINY, ...args], { cwd: repo, encoding: 'utf8' });
test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('one run over every engine: all agree with the reference, one table, every raw run kept', { skip }, () => {
  const out = join(tmp, 'results.json');
  const r = bench(`--out=${out}`);
  assert.equal(r.status, 0, r.stderr.slice(-3000));
  assert.match(r.stdout, /\| +\| engine \/ path +\| per answer or unit/);
  assert.match(r.stdout, /Ratios and targets/);
  const results = JSON.parse(readFileSync(out, 'utf8'));
  const measured = [...results.engines, ...results.screens, ...results.native].filter((x) => !x.skipped);
  const ids = measured.map((x) => x.id);
  for (const id of ['plain-js', 'json-logic-engine', 'zen-wasm', 'json-rules-engine', 'ours-wasm', 'ours-api', 'native-full']) {
    assert.ok(ids.includes(id), `${id} measured`);
  }
  for (const x of measured) {
    const c = x.benchRuns[0].correctness;
    assert.ok(c && c.checked >= 300 && c.disagree === 0, `${x.id}: ${JSON.stringify(c)}`);
    assert.equal(c.agree + c.refused, c.checked, x.id);
    assert.match(r.stdout, new RegExp(`\\| ${x.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${x.id} has a row`);
  }
  // units with 0 insured staff: refused by our contract (and only those), evaluated by the peers
  assert.ok(results.engines.find((e) => e.id === 'ours-wasm').benchRuns[0].correctness.refused > 0);
  assert.equal(results.engines.find((e) => e.id === 'plain-js').benchRuns[0].correctness.refused, 0);
});

test('an engine that gets one case wrong fails the run', { skip }, () => {
  const wrong = join(tmp, 'wrong-engine.mjs');
  writeFileSync(wrong, `import { evaluate } from ${JSON.stringify(join(repo, 'bench/rules/plain.mjs'))};
export default { name: 'wrong on case 7', async load() { return (c) => (c.id === 7 ? { ...evaluate(c), refund_fen: 1 } : evaluate(c)); } };\n`);
  const r = bench('--only=wrong-engine', `--add-engine=${wrong}`, `--out=${join(tmp, 'wrong.json')}`);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /wrong on case 7 .*NO: 1 of 320/);
  assert.match(r.stderr, /FAILED: wrong-engine disagrees with the reference on 1 of 320 cases/);
});
