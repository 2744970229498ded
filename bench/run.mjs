#!/usr/bin/env node
// This project's engine beside peer rule engines on the 2024 稳岗返还 rule, from one run:
// full explained answers (native CLI, wasm, JS API), screening per unit (native, wasm),
// cold start, peak memory over 10⁶ screened units and download size, beside the same rule
// in hand-written JS, json-logic-engine, GoRules ZEN (wasm) and json-rules-engine.
//
//   node bench/run.mjs            the full run (several minutes)
//   node bench/run.mjs --quick    a quick look (about a minute)
//   options: --n=20000 cases  --seed=202440  --runs=5 timed passes per process
//            --rounds=3 processes per measurement (interleaved)  --cold=7 cold starts
//            --budget-ms=4000 per timed pass  --screen-n=200000 native screening units
//            --mem-n=1000000 units for peak memory  --out=FILE (default build/bench/results-<time>.json)
//            --only=ID,... some engines only (file names in engines/ and screens/, native-full,
//            native-screen-csv, native-screen-jsonl)  --add-engine=FILE one more engine adapter
//
// Every measurement runs in a fresh process, rounds interleaved across engines so that the
// noise of a shared machine falls on all of them; figures are medians, and every raw run
// is kept in the results file. Exit status 1 when any engine disagrees with the reference
// or fails to run.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { BENCH, BUILD, median, tally, plainTally } from './lib/common.mjs';
import { ensureDeps, installedVersion } from './lib/install.mjs';
import * as native from './lib/native.mjs';
import { report } from './lib/report.mjs';

const log = (...a) => console.error(...a);
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`bad argument ${a} (see the top of bench/run.mjs)`);
    return [m[1], m[2] ?? 'true'];
  }),
);
const KNOWN = ['quick', 'n', 'seed', 'runs', 'rounds', 'cold', 'budget-ms', 'screen-n', 'mem-n', 'out', 'only', 'add-engine'];
if (args.help || Object.keys(args).some((k) => !KNOWN.includes(k))) {
  // the usage is the comment at the top of this file
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1);
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
  process.exit(args.help ? 0 : 2);
}
const quick = args.quick === 'true';
const opt = (name, full, fast) => Number(args[name] ?? (quick ? fast : full));
const P = {
  n: opt('n', 20000, 5000),
  seed: opt('seed', 202440, 202440),
  runs: opt('runs', 5, 3),
  rounds: opt('rounds', 3, 1),
  cold: opt('cold', 7, 3),
  budget_ms: opt('budget-ms', 4000, 1000),
  screen_n: opt('screen-n', 200000, 50000),
  mem_n: opt('mem-n', 1000000, 1000000),
  mem_small_n: 10000,
  chunk: 10000,
};
const ONLY = args.only ? args.only.split(',') : null;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const OUT = resolve(args.out ?? join(BUILD, 'bench', `results-${stamp}.json`));
const TMP = join(BUILD, 'bench', 'inputs'); // native batch files, reused across runs

ensureDeps(log);
mkdirSync(TMP, { recursive: true });

function runChild(mode, file, opts) {
  return new Promise((done) => {
    const argv = [join(BENCH, 'lib/child.mjs'), mode, file ?? '', JSON.stringify(opts ?? {})];
    const p = spawn(process.execPath, argv, { cwd: BENCH, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT@@'));
      const res = line ? JSON.parse(line.slice('@@RESULT@@'.length)) : { error: `exited ${code} without a result: ${err.slice(-1500)}` };
      res.load_avg = os.loadavg()[0];
      done(res);
    });
  });
}

async function adapter(file) {
  const a = (await import(pathToFileURL(file).href)).default;
  const avail = a.available ? a.available() : true;
  return {
    id: basename(file, '.mjs'),
    file,
    name: a.name,
    ours: !!a.ours,
    versions: Object.fromEntries((a.packages ?? []).map((p) => [p, installedVersion(p)])),
    skipped: avail === true ? null : String(avail),
    sizesOf: a.sizes,
  };
}
const wanted = (x) => !ONLY || ONLY.includes(x.id);
const filesIn = (dir) => readdirSync(join(BENCH, dir)).filter((f) => f.endsWith('.mjs')).sort().map((f) => join(BENCH, dir, f));
const engineFiles = [...filesIn('engines'), ...(args['add-engine'] ? [resolve(args['add-engine'])] : [])];
const engines = (await Promise.all(engineFiles.map(adapter))).filter(wanted);
const screens = (await Promise.all(filesIn('screens').map(adapter))).filter(wanted);
const nativeJobs = Object.entries(native.JOBS)
  .map(([id, job]) => ({ id, ...job }))
  .filter(wanted)
  .map((j) => ({ ...j, skipped: j.id === 'native-full' ? native.cliMissing() : native.screenMissing() }));
const live = (xs) => xs.filter((x) => !x.skipped);
const liveOne = (xs, id) => live(xs).find((x) => x.id === id);

log(`bench: ${P.n} cases, seed ${P.seed}, ${P.runs} timed passes × ${P.rounds} processes, ${P.cold} cold starts${quick ? ' (--quick)' : ''}`);
for (const x of [...engines, ...screens, ...nativeJobs].filter((x) => x.skipped)) log(`  not measured: ${x.id}: ${x.skipped}`);
const { measureEntries } = await import('./lib/sizes.mjs');
for (const e of live(engines)) if (e.sizesOf) e.sizes = await measureEntries(await e.sizesOf());

// ---- native batch files ----
const outPath = join(TMP, 'out.txt');
for (const j of live(nativeJobs)) {
  j.n = j.id === 'native-full' ? P.n : P.screen_n;
  j.inPath = native.inputFile(TMP, j.format, j.n, P.seed);
  j.emptyPath = native.emptyFile(TMP, j.format);
}
const nativeFull = liveOne(nativeJobs, 'native-full');

// ---- cold starts, interleaved ----
for (const e of [...engines, ...nativeJobs]) e.coldRuns = [];
const oneRequest = nativeFull && native.oneRequestFile(TMP);
for (let k = 0; k < P.cold; k++) {
  for (const e of live(engines)) e.coldRuns.push(await runChild('cold', e.file));
  if (nativeFull) nativeFull.coldRuns.push({ cold_ms: native.timeRun(nativeFull.args, oneRequest, outPath) });
}
if (P.cold) log('cold starts done');

// ---- rounds, interleaved; round 0 also checks every answer ----
const floor = { runs: [] };
for (const x of [...engines, ...screens, ...nativeJobs]) x.benchRuns = [];
const say = (r, id, res, fig) => log(`round ${r + 1}/${P.rounds} ${id}: ${res.error ? 'ERROR ' + res.error.slice(0, 300) : fig}`);
for (let r = 0; r < P.rounds; r++) {
  const check = r === 0;
  for (const e of live(engines)) {
    const res = await runChild('eval', e.file, { n: P.n, seed: P.seed, runs: P.runs, budgetMs: P.budget_ms, check });
    e.benchRuns.push(res);
    say(r, e.id, res, `${(res.ns_per_eval / 1e3).toFixed(2)} µs`);
  }
  if (liveOne(engines, 'ours-wasm')) floor.runs.push(await runChild('floor', null, { n: Math.min(P.n, 4000), seed: P.seed, runs: P.runs }));
  for (const s of live(screens)) {
    const res = await runChild('screen', s.file, { n: P.n, seed: P.seed, runs: P.runs, check });
    s.benchRuns.push(res);
    say(r, s.id, res, `${res.ns_per_eval?.toFixed(0)} ns/unit`);
  }
  for (const j of live(nativeJobs)) {
    let res;
    try {
      res = native.measureJob(j, { inPath: j.inPath, emptyPath: j.emptyPath, outPath, n: j.n, runs: P.runs });
      if (check) {
        const t = tally();
        await native.checkOutput(j, outPath, j.n, P.seed, t);
        res.correctness = plainTally(t);
      }
    } catch (err) {
      res = { error: String(err?.message ?? err) };
    }
    j.benchRuns.push(res);
    say(r, j.id, res, `${(median(res.ns_per_eval_runs ?? []) / 1e3).toFixed(2)} µs`);
  }
}

// ---- peak memory over 10⁶ screened units ----
const memory = {};
const wasmCsv = liveOne(screens, 'wasm-csv');
if (wasmCsv) memory.wasm = await runChild('screen-mem', wasmCsv.file, { n: P.mem_n, chunk: P.chunk, seed: P.seed });
if (liveOne(nativeJobs, 'native-screen-csv')) {
  try {
    memory.native = await native.memoryRun(native.inputFile(TMP, 'csv', P.mem_n, P.seed), P.mem_n);
    memory.native_small = await native.memoryRun(native.inputFile(TMP, 'csv', P.mem_small_n, P.seed), P.mem_small_n);
  } catch (err) {
    memory.native = { error: String(err?.message ?? err) };
  }
}
if (memory.wasm || memory.native) log('memory runs done');
// Why the engine has its own request parser (docs/engine.md): the same lines read four ways.
const parsers = native.parsers(TMP, P.seed);

rmSync(outPath, { force: true }); // the last batch's answers (up to ~100 MB); the inputs stay for the next run

const strip = ({ file, sizesOf, verdict, inPath, emptyPath, ...rest }) => rest;
const results = {
  generated: new Date().toISOString(),
  params: P,
  machine: {
    node: process.version,
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    load_avg_end: os.loadavg(),
  },
  engines: engines.map(strip),
  screens: screens.map(strip),
  native: nativeJobs.map(strip),
  floor,
  memory,
  parsers,
};
const { text, summary, failures } = report(results);
results.summary = summary;
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 1) + '\n');
console.log(text);
console.log(parsers.text ? `\nRequest parsers (native): ${parsers.text}` : `\nRequest parsers: not measured: ${parsers.skipped ?? parsers.error}`);
log(`raw runs: ${OUT}`);
if (failures.length) {
  log(`FAILED: ${failures.join('; ')}`);
  process.exitCode = 1;
}
