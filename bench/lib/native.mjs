// The native CLI (build/native/estimate), measured as a process: its batch modes read
// standard input from a file and write standard output to a file; the time per item is
// (wall − start-up) / N, where start-up is the wall time of the same command on an empty
// batch. Peak memory is the process's VmHWM while 10⁶ CSV rows stream through a pipe.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { GOLDEN, streamCases } from './cases.mjs';
import { median } from './common.mjs';
import { CSV_HEADER, DATE, PROGRAM, REGION, TODAY, csvRow, fromAnswer, jsonlLine, refusal, screenResults } from './ours.mjs';
import { NATIVE_CLI } from './ours-build.mjs';
import { evaluate as reference } from '../rules/plain.mjs';

const SCREEN_CSV = ['--csv', '--screen', '--region', REGION, '--date', DATE, '--program', PROGRAM, '--today', TODAY];

// What each job runs, on which input, and how one output line becomes a verdict.
export const JOBS = {
  'native-full': { name: 'this project: native CLI --jsonl', args: ['--jsonl', '--today', TODAY], format: 'jsonl', verdict: (l) => fromAnswer(JSON.parse(l)) },
  'native-screen-csv': { name: 'this project: native CLI --csv --screen', args: SCREEN_CSV, format: 'csv', verdict: (l) => screenResults(l)[0] },
  'native-screen-jsonl': { name: 'this project: native CLI --jsonl --screen', args: ['--jsonl', '--screen', '--today', TODAY], format: 'jsonl', verdict: (l) => screenResults(l)[0] },
};

export function cliMissing() {
  return existsSync(NATIVE_CLI) ? null : `no native build at ${NATIVE_CLI} (cmake --preset native && cmake --build --preset native)`;
}

// Whether this build screens: one unit through `--csv --screen`, which must answer one
// compact line. Until it does, the screening rows say why they are missing.
export function screenMissing() {
  const missing = cliMissing();
  if (missing) return missing;
  const r = spawnSync(NATIVE_CLI, SCREEN_CSV, { input: `${CSV_HEADER}\n${csvRow(GOLDEN[0].input)}\n`, encoding: 'utf8' });
  if (r.status === 0 && /"eligible"/.test(r.stdout)) return null;
  return `estimate --csv --screen not in this build (exit ${r.status}: ${(r.stderr || r.stdout).split('\n')[0].slice(0, 80)})`;
}

// Input files, written once per (format, n, seed) under dir and reused by every run; the
// name carries a fingerprint of the first lines, so a change to the mapping makes new files.
export function inputFile(dir, format, n, seed) {
  mkdirSync(dir, { recursive: true });
  const line = format === 'csv' ? csvRow : jsonlLine;
  const first = streamCases(seed);
  const print = createHash('sha1').update(CSV_HEADER + Array.from({ length: 32 }, () => line(first())).join('\n')).digest('hex').slice(0, 8);
  const path = join(dir, `units-${n}-${seed}-${print}.${format}`);
  if (existsSync(path)) return path;
  const fd = openSync(path + '.part', 'w');
  if (format === 'csv') writeSync(fd, CSV_HEADER + '\n');
  const next = streamCases(seed);
  for (let done = 0; done < n; ) {
    const k = Math.min(10_000, n - done);
    writeSync(fd, Array.from({ length: k }, () => line(next())).join('\n') + '\n');
    done += k;
  }
  closeSync(fd);
  renameSync(path + '.part', path);
  return path;
}

// An empty batch of that format (CSV: the header alone), what start-up is measured on; and
// a batch of one clean request, what a native cold start (process start → answer) runs.
export function emptyFile(dir, format) {
  const path = join(dir, `empty.${format}`);
  writeFileSync(path, format === 'csv' ? CSV_HEADER + '\n' : '');
  return path;
}
export function oneRequestFile(dir) {
  const path = join(dir, 'one.jsonl');
  writeFileSync(path, jsonlLine(GOLDEN[0].input) + '\n');
  return path;
}

// One run: wall time of the process from spawn to exit, stdin and stdout on files.
export function timeRun(args, inPath, outPath) {
  const fdIn = openSync(inPath, 'r');
  const fdOut = openSync(outPath, 'w');
  const t0 = performance.now();
  const r = spawnSync(NATIVE_CLI, args, { stdio: [fdIn, fdOut, 'pipe'] });
  const ms = performance.now() - t0;
  closeSync(fdIn);
  closeSync(fdOut);
  if (r.status !== 0) throw new Error(`estimate ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

// One round of a job: `runs` full runs, each after an empty one (start-up), at least
// `startups` empty ones in all; each a fresh process. The last run leaves its output in outPath.
export function measureJob(job, { inPath, emptyPath, outPath, n, runs, startups = 3 }) {
  const startup = [];
  const wall = [];
  for (let i = runs; i < startups; i++) startup.push(timeRun(job.args, emptyPath, outPath));
  for (let i = 0; i < runs; i++) {
    startup.push(timeRun(job.args, emptyPath, outPath));
    wall.push(timeRun(job.args, inPath, outPath));
  }
  const s = median(startup);
  return { n, startup_ms: startup, wall_ms: wall, ns_per_eval_runs: wall.map((w) => ((w - s) * 1e6) / n) };
}

// Checks the last run's output, line by line, against the reference for the same cases.
export async function checkOutput(job, outPath, n, seed, t) {
  const next = streamCases(seed);
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(outPath), crlfDelay: Infinity })) {
    if (i >= n) {
      t.add('extra line', { line: line.slice(0, 100) }, { none: true });
      break;
    }
    const c = next();
    let got;
    try {
      got = job.verdict(line);
    } catch {
      got = { unparsable: line.slice(0, 200) };
    }
    t.add(c.id, got, reference(c), refusal(c));
    i++;
  }
  for (; i < n; i++) t.add(next().id, { no_line: true }, { line: true });
}

function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // the process has gone
  }
}

// Peak resident memory (VmHWM, read from /proc every 10 ms) while a CSV file streams through
// `--csv --screen` on a pipe. Standard input stays open until every answer is out (or 1 s
// passes without one), so the last reading sees the whole batch done.
export function memoryRun(csvPath, n) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(NATIVE_CLI, SCREEN_CSV, { stdio: ['pipe', 'pipe', 'pipe'] });
    let hwm = 0;
    let lines = 0;
    let lastOut = performance.now();
    let finalRead = null;
    const poll = setInterval(() => (hwm = Math.max(hwm, vmHwm(p.pid))), 10);
    p.stdout.on('data', (d) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
      lastOut = performance.now();
    });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdin.on('error', () => {}); // the CLI may exit early on bad input: reported by its status
    const src = createReadStream(csvPath);
    src.pipe(p.stdin, { end: false });
    src.on('end', function waitForAnswers() {
      if (lines < n && performance.now() - lastOut < 1000 && p.exitCode === null) return setTimeout(waitForAnswers, 5);
      finalRead = { lines, vm_hwm: vmHwm(p.pid) };
      hwm = Math.max(hwm, finalRead.vm_hwm);
      p.stdin.end();
    });
    p.on('error', reject);
    p.on('close', (status) => {
      clearInterval(poll);
      if (status !== 0) return reject(new Error(`estimate --csv --screen exited ${status}: ${err.slice(0, 300)}`));
      resolve({ units: n, lines, vm_hwm: hwm, all_answered_at_last_read: finalRead?.lines === n, wall_ms: performance.now() - t0 });
    });
  });
}

// The request parsers side by side (bench/native/parsers.cpp, built with the native
// preset): its lines as printed, or why not.
export function parsers(dir, seed) {
  const bin = join(dirname(NATIVE_CLI), 'bench/native/bench_parsers');
  if (!existsSync(bin)) return { skipped: `no ${bin} (cmake --build --preset native)` };
  const r = spawnSync(bin, [inputFile(dir, 'jsonl', 50_000, seed)], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().slice(0, 200) };
  return { text: r.stdout.trimEnd() };
}
