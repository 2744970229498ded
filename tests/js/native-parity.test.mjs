// The WebAssembly build answers byte for byte as the native build: every
// scenario vector, the contract examples and a set of hostile inputs, through
// both command lines. Skipped (with the reason) when build/native/estimate is
// absent; build it with  cmake --preset native && cmake --build --preset native
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

import { contractExamples, nativeCli, repo, requireBuild, scenarios, wasmCli } from './lib/env.mjs';

requireBuild();
const skip = existsSync(nativeCli) ? false : `${nativeCli} is absent: build the native preset to compare`;
const TODAY = '2026-11-22';   // both sides evaluate undated requests on the same day

function both(args, input) {
  const native = spawnSync(nativeCli, args, { input, cwd: repo, maxBuffer: 1 << 28 });
  const wasm = spawnSync(process.execPath, [wasmCli, ...args], { input, cwd: repo, maxBuffer: 1 << 28 });
  return { native, wasm };
}

function same(label, { native, wasm }) {
  assert.equal(native.status, 0, `${label}: native exit ${native.status} ${native.stderr}`);
  assert.equal(wasm.status, native.status, `${label}: exit status`);
  if (native.stdout.equals(wasm.stdout)) return;
  const a = native.stdout.toString().split('\n');
  const b = wasm.stdout.toString().split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  assert.fail(`${label}: line ${i + 1} differs\nnative: ${a[i]}\nwasm:   ${b[i]}`);
}

const HOSTILE = [
  '', 'not json', '{', '[]', 'null', '"x"', '{"region":"140000"}', '\ufeff{"region":"140000","program":"skill_subsidy","date":"2024-04-20","facts":{}}',
  '{"region":"140000","region":"140000","program":"skill_subsidy"}',
  '{"region":"\\ud800","program":"skill_subsidy"}', '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]',
  '{"region":"140000","program":"stabilization_refund","date":"2024-07-15","facts":{"layoffs":1e400}}',
  '{"region":"140000","program":"stabilization_refund","date":"2024-07-15","facts":{"contributions_paid":NaN}}',
  '{"region":"140000","program":"stabilization_refund","date":"2024-07-15","facts":{"layoffs":-0,"insured_headcount":3.0}}',
];

test('every scenario, example and hostile line: the same bytes from native and wasm (--jsonl)', { skip }, () => {
  const requests = [...scenarios().map((s) => s.request), ...contractExamples().map((e) => e.request)];
  const lines = [...requests.map((r) => JSON.stringify(r)), ...HOSTILE, ' '.repeat(70000), 'x'.repeat(65536)];
  same(`${lines.length} lines`, both(['--jsonl', '--today', TODAY], lines.join('\n')));
});

test('single requests, including invalid UTF-8 and an oversized one: the same bytes', { skip }, () => {
  const inputs = [
    Buffer.from(JSON.stringify(contractExamples()[0].request)),
    Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    Buffer.from(`${JSON.stringify(contractExamples()[2].request)}\r\n\r\n`),
    Buffer.alloc(200000, 0x20),
    Buffer.alloc(0),
  ];
  inputs.forEach((input, i) => same(`input ${i}`, both(['--today', TODAY], input)));
});

test('--catalog and --version: the same bytes', { skip }, () => {
  same('--catalog', both(['--catalog'], ''));
  same('--version', both(['--version'], ''));
});
