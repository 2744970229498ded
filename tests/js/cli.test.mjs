// The Node CLI wasm/estimate.mjs: the native CLI's command line over the
// WebAssembly build, and the contract's worked examples through it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { gb18030, screenFile } from '../e2e/lib/screen-file.mjs';
import { contractExamples, estimator, nativeCli, repo, requireBuild, scenarios, shared, wasmCli } from './lib/env.mjs';

requireBuild();
const run = (args, input) => spawnSync(process.execPath, [wasmCli, ...args], { input, cwd: repo, maxBuffer: 1 << 28 });
const SHANXI = contractExamples()[0].request;

test('--help and bad options', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout.toString(), /--jsonl/);
  for (const args of [['--bogus'], ['--today'], ['--today', '2024-7-1'], ['--pack', 'x.json']]) {
    const r = run(args, '');
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout.length, 0, args.join(' '));
    assert.match(r.stderr.toString(), /^estimate: /, args.join(' '));
  }
});

test('one request in, the exact response text of the JS API out', async () => {
  const r = run([], JSON.stringify(SHANXI));
  assert.equal(r.status, 0);
  assert.equal(r.stdout.toString(), `${await (await estimator()).estimateText(SHANXI)}\n`);
  const bad = run([], 'not json');
  assert.equal(bad.status, 0, 'an error response is still a response');
  assert.equal(JSON.parse(bad.stdout).error.code, 'invalid_json');
  const undated = run(['--today', '2024-07-15'], JSON.stringify({ ...SHANXI, date: undefined }));
  assert.equal(JSON.parse(undated.stdout).amount_fen, 3407347, '--today is the date of an undated request');
});

test('--jsonl: one response per line, in order, whatever the lines hold', () => {
  const lines = [
    JSON.stringify(SHANXI),
    '',
    'not json',
    `${JSON.stringify(contractExamples()[3].request)}\r`,
    ' '.repeat(70000),
    JSON.stringify(contractExamples()[1].request),
  ];
  const r = run(['--jsonl'], lines.join('\n'));   // no newline after the last line
  assert.equal(r.status, 0);
  const out = r.stdout.toString().split('\n');
  assert.equal(out.pop(), '', 'every response ends with a newline');
  assert.equal(out.length, lines.length);
  const responses = out.map((l) => JSON.parse(l));
  assert.equal(responses[0].amount_fen, 3407347);
  assert.equal(responses[1].error.code, 'invalid_json');
  assert.equal(responses[2].error.code, 'invalid_json');
  assert.equal(responses[3].amount_fen, 100000, 'a CRLF line is read without its CR');
  assert.deepEqual([responses[4].error.code, responses[4].error.path], ['invalid_request', ''], 'an oversized line');
  assert.equal(responses[5].eligible, false);
  assert.equal(run(['--jsonl'], '').stdout.length, 0, 'no input, no output');
});

test("the contract's worked examples pass through the wasm CLI (shared/tools/check-examples)", () => {
  const tool = join(shared, 'tools', 'check-examples');
  assert.ok(existsSync(tool), `${tool} is missing: shared/ must sit beside the repository`);
  const r = spawnSync('python3', [tool, process.execPath, wasmCli], { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /examples: 8 passed, 0 failed/);
});

// The same command line as the native CLI, on the same batch session: the
// same bytes out for the same bytes in, whatever the encoding and the flags.
test('--csv and --jsonl, with --screen, --lang and --encoding: byte for byte the native CLI', () => {
  const file = screenFile(1500);
  const scope = ['--region', '140000', '--date', '2024-07-15', '--program', 'stabilization_refund', '--today', '2026-11-22'];
  const native = (args, input) => spawnSync(nativeCli, args, { input, maxBuffer: 1 << 28 });
  const inputs = { 'UTF-8': Buffer.from(file.csv), 'UTF-8 with BOM': Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(file.csv)]),
                   GB18030: gb18030(file.csv) };
  for (const [name, input] of Object.entries(inputs)) {
    for (const extra of [[], ['--screen'], ['--lang', 'en'], ['--encoding', name === 'GB18030' ? 'gb18030' : 'utf-8']]) {
      const a = native(['--csv', ...scope, ...extra], input);
      const b = run(['--csv', ...scope, ...extra], input);
      assert.equal(b.status, 0, b.stderr.toString());
      assert.ok(a.stdout.equals(b.stdout), `${name} ${extra.join(' ')}: the outputs differ`);
    }
  }
  assert.ok(native(['--csv', ...scope], inputs.GB18030).stdout.includes(Buffer.from([0xCA, 0xC7])), 'GB18030 back as GB18030 (是)');
  const jsonl = scenarios().map((v) => JSON.stringify(v.request)).join('\n');
  for (const extra of [[], ['--screen'], ['--lang', 'en']]) {
    assert.ok(native(['--jsonl', '--today', '2026-11-22', ...extra], jsonl).stdout.equals(run(['--jsonl', '--today', '2026-11-22', ...extra], jsonl).stdout),
              `--jsonl ${extra.join(' ')}`);
  }
  // A header that cannot be read stops the table: the message, exit 2, as natively.
  const bad = 'unit_type,contribution_month\nenterprise,24\n';
  const [a, b] = [native(['--csv', ...scope], bad), run(['--csv', ...scope], bad)];
  assert.deepEqual([b.status, b.stdout.length, b.stderr.toString()], [a.status, a.stdout.length, a.stderr.toString()]);
  assert.equal(b.status, 2);
  for (const args of [['--jsonl', '--csv'], ['--screen'], ['--encoding', 'latin1'], ['--lang', 'fr']]) assert.equal(run(args, '').status, 2, args.join(' '));
});
