// One measurement in one fresh Node process; prints one line "@@RESULT@@{json}".
//
//   cold        <engine>  import → load() → first answer, timed; nothing else
//   eval        <engine>  every case checked against the reference, then timed passes
//   floor                 TextDecoder + JSON.parse of our own full responses (the text floor)
//   screen      <screen>  one batch call over all cases, checked, then timed calls
//   screen-mem  <screen>  10⁶ units screened in chunks: peak RSS and wasm memory
//
// <engine> is a file of engines/, <screen> one of screens/; options come as JSON.
const T_START = performance.now(); // Node's own start-up is before this
import { pathToFileURL } from 'node:url';

const [mode, file, optsJson] = process.argv.slice(2);
const opts = optsJson ? JSON.parse(optsJson) : {};
const emit = (obj) => process.stdout.write('@@RESULT@@' + JSON.stringify(obj) + '\n');
const isThenable = (x) => x !== null && typeof x === 'object' && typeof x.then === 'function';
const importAdapter = async () => (await import(pathToFileURL(file).href)).default;

async function cold() {
  const { GOLDEN } = await import('./cases.mjs'); // the bench's own data: before the clock starts
  const { sameResult } = await import('./common.mjs');
  const t0 = performance.now();
  const adapter = await importAdapter();
  const evaluate = await adapter.load();
  const t1 = performance.now();
  let r = evaluate(GOLDEN[0].input); // a clean medium enterprise, which every engine answers
  if (isThenable(r)) r = await r;
  const t2 = performance.now();
  emit({ node_bootstrap_ms: T_START, load_ms: t1 - t0, first_ms: t2 - t1, cold_ms: t2 - t0, first_ok: sameResult(r, GOLDEN[0].expected) });
}

// Timed loops live in small functions of their own so that V8 optimises them as such.
// A pass makes `count` calls, going round the case list as often as it takes.
function loopSync(ev, cases, count) {
  let s = 0;
  for (let done = 0; done < count; ) {
    const k = Math.min(cases.length, count - done);
    for (let i = 0; i < k; i++) s += ev(cases[i]).refund_fen | 0;
    done += k;
  }
  return s;
}
async function loopAsync(ev, cases, count) {
  let s = 0;
  for (let done = 0; done < count; ) {
    const k = Math.min(cases.length, count - done);
    for (let i = 0; i < k; i++) s += (await ev(cases[i])).refund_fen | 0;
    done += k;
  }
  return s;
}

async function evalMode() {
  const { generateCases, GOLDEN } = await import('./cases.mjs');
  const { evaluate: reference } = await import('../rules/plain.mjs');
  const { tally, plainTally, median } = await import('./common.mjs');
  const { n, seed, runs, budgetMs, check } = opts;
  const cases = generateCases(n, seed);
  const adapter = await importAdapter();
  const refusal = adapter.refusal ?? (() => null);
  const ev = await adapter.load();
  const isAsync = isThenable(ev(cases[0]));

  // Correctness on every case (round 0), which is also the warm-up; later rounds only warm up.
  const t = tally();
  const all = check ? [...GOLDEN.map((g) => [g.input, g.expected]), ...cases.map((c) => [c, reference(c)])] : cases.slice(0, 2000).map((c) => [c, null]);
  const tc = performance.now();
  for (const [c, expected] of all) {
    let r;
    try {
      r = ev(c);
      if (isAsync) r = await r;
    } catch (e) {
      r = { threw: String(e?.message ?? e) };
    }
    if (expected) t.add(c.id, r, expected, refusal(c));
  }
  const estNs = ((performance.now() - tc) * 1e6) / all.length;

  // Sequential calls; a pass lasts about budgetMs: a fast engine goes round the cases many
  // times (a pass of a few ms would time the JIT warming up), a slow one does fewer than n.
  // Untimed quarter passes first, for at least 250 ms, let the JIT settle.
  const count = Math.max(2000, Math.floor((budgetMs * 1e6) / Math.max(estNs, 1)));
  const pass = (k) => (isAsync ? loopAsync(ev, cases, k) : loopSync(ev, cases, k));
  const tw = performance.now();
  do await pass(Math.ceil(count / 4));
  while (performance.now() - tw < 250);
  const ns = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await pass(count);
    ns.push(((performance.now() - t0) * 1e6) / count);
  }
  emit({ api: isAsync ? 'async' : 'sync', calls_per_pass: count, ns_per_eval_runs: ns, ns_per_eval: median(ns), correctness: check ? plainTally(t) : null });
}

// The floor of a text contract: what it costs in JS just to decode our own full responses
// from UTF-8 and JSON.parse them, whatever computes them. Responses are made untimed.
function loopDecodeParse(bytes) {
  const dec = new TextDecoder();
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += JSON.parse(dec.decode(bytes[i])).ok ? 1 : 0;
  return s;
}
function loopDecode(bytes) {
  const dec = new TextDecoder();
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += dec.decode(bytes[i]).length;
  return s;
}
function loopParse(texts) {
  let s = 0;
  for (let i = 0; i < texts.length; i++) s += JSON.parse(texts[i]).ok ? 1 : 0;
  return s;
}
async function floorMode() {
  const { generateCases } = await import('./cases.mjs');
  const { TODAY, toRequest } = await import('./ours.mjs');
  const { loadModule } = await import('./ours-build.mjs');
  const { median } = await import('./common.mjs');
  const cases = generateCases(opts.n, opts.seed);
  const Module = await loadModule();
  const texts = cases.map((c) => Module.estimate(JSON.stringify(toRequest(c)), TODAY));
  const enc = new TextEncoder();
  const bytes = texts.map((x) => enc.encode(x));
  const per = (f, arg) => {
    f(arg); // warm-up
    const ns = [];
    for (let r = 0; r < opts.runs; r++) {
      const t0 = performance.now();
      f(arg);
      ns.push(((performance.now() - t0) * 1e6) / arg.length);
    }
    return ns;
  };
  const both = per(loopDecodeParse, bytes);
  const decode = per(loopDecode, bytes);
  const parse = per(loopParse, texts);
  emit({
    n_texts: texts.length,
    mean_bytes: bytes.reduce((s, b) => s + b.length, 0) / bytes.length,
    ns_per_eval_runs: both,
    ns_per_eval: median(both),
    decode_ns: median(decode),
    parse_ns: median(parse),
  });
}

// Verdicts of one batch call checked against the reference, case by case, in order.
async function checkBatch(out, cases, t) {
  const { screenResults } = await import('./ours.mjs');
  const { evaluate: reference } = await import('../rules/plain.mjs');
  const { refusal } = await import('./ours.mjs');
  const got = screenResults(out);
  cases.forEach((c, i) => t.add(c.id, got[i] ?? { no_line: true }, reference(c), refusal(c)));
  if (got.length > cases.length) t.add('extra lines', { lines: got.length }, { lines: cases.length });
}

async function screenMode() {
  const { generateCases, GOLDEN } = await import('./cases.mjs');
  const { tally, plainTally, median } = await import('./common.mjs');
  const { n, seed, runs, check } = opts;
  const adapter = await importAdapter();
  const cases = generateCases(n, seed);
  const input = adapter.input(cases); // the office's file: made before, not timed
  const run = await adapter.load();
  let t = null;
  if (check) {
    t = tally();
    const golden = GOLDEN.map((g) => g.input);
    await checkBatch(await run(adapter.input(golden)), golden, t);
  }
  const tw = performance.now();
  let out = await run(input); // warm-up, and the verdicts checked below (untimed)
  const calls = Math.max(1, Math.ceil(200 / (performance.now() - tw))); // a pass of about 200 ms
  if (check) await checkBatch(out, cases, t);
  const ns = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) {
      out = run(input);
      if (isThenable(out)) out = await out;
    }
    ns.push(((performance.now() - t0) * 1e6) / (n * calls));
  }
  emit({ n_timed: n, calls_per_pass: calls, input_bytes: input.length, output_bytes: out.length, ns_per_eval_runs: ns, ns_per_eval: median(ns), correctness: t && plainTally(t) });
}

// Memory while screening opts.n units in chunks of opts.chunk (each chunk's verdicts are
// checked too, so that a chunk screened wrong cannot look cheap).
async function screenMemMode() {
  const { streamCases } = await import('./cases.mjs');
  const { tally, plainTally } = await import('./common.mjs');
  const { n, chunk, seed } = opts;
  const adapter = await importAdapter();
  const next = streamCases(seed);
  const rss0 = process.memoryUsage().rss;
  const run = await adapter.load();
  const wasm = () => (run.memoryBytes ? run.memoryBytes() : null);
  const loaded = { rss: process.memoryUsage().rss, wasm: wasm() };
  const peak = { ...loaded };
  const t = tally();
  const t0 = performance.now();
  for (let done = 0; done < n; done += chunk) {
    const cases = Array.from({ length: Math.min(chunk, n - done) }, next);
    let out = run(adapter.input(cases));
    if (isThenable(out)) out = await out;
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
    peak.wasm = Math.max(peak.wasm ?? 0, wasm() ?? 0) || null;
    await checkBatch(out, cases, t);
  }
  const c = plainTally(t);
  c.examples = c.examples.slice(0, 3);
  emit({
    units: n,
    chunk,
    wall_ms: performance.now() - t0,
    rss_before_load: rss0,
    after_load: loaded,
    peak,
    max_rss_process: process.resourceUsage().maxRSS * 1024,
    correctness: c,
  });
}

try {
  const modes = { cold, eval: evalMode, floor: floorMode, screen: screenMode, 'screen-mem': screenMemMode };
  if (!modes[mode]) throw new Error(`unknown mode ${mode}`);
  await modes[mode]();
} catch (e) {
  emit({ error: String(e?.stack ?? e) });
}
process.exit(0); // open handles (wasm runtimes) must not keep the process alive
