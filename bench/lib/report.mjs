// The table and the ratios against issue 8's targets, from one run's raw results.
// Returns { text, summary, failures }: failures name every engine that disagreed with
// the reference or failed to run (they make the run exit non-zero).
import { median } from './common.mjs';

const fmtTime = (ns) => (ns == null ? '–' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(ns >= 1e5 ? 0 : 1)} µs` : `${ns.toFixed(ns >= 10 ? 0 : 1)} ns`);
const fmtRate = (ns) => (ns ? `${Math.round(1e9 / ns).toLocaleString('en-US')}/s` : '–');
const fmtMs = (ms) => (ms == null ? '–' : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`);
const MiB = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const KiB = (b) => (b / 1024).toFixed(1);
const fmtSize = (s) => (s?.total ? `${KiB(s.total.raw)} / ${KiB(s.total.gzip)} / ${KiB(s.total.brotli)}` : '–');
const times = (x) => (x == null ? '–' : `${x.toFixed(x >= 10 ? 0 : 2)}×`);

// Median over processes of each process's median (one bad process cannot move it).
const perProcess = (runs) => median(runs.filter((r) => !r.error).map((r) => r.ns_per_eval ?? median(r.ns_per_eval_runs)));

function agreement(runs, failures, what) {
  const err = runs.find((r) => r.error);
  if (err) {
    failures.push(`${what}: ${err.error.split('\n')[0].slice(0, 200)}`);
    return 'ERROR';
  }
  const c = runs[0]?.correctness;
  if (!c) return '–';
  if (c.disagree) {
    failures.push(`${what} disagrees with the reference on ${c.disagree} of ${c.checked} cases (examples in the results file)`);
    return `NO: ${c.disagree} of ${c.checked}`;
  }
  return `yes, ${c.agree.toLocaleString('en-US')}${c.refused ? ` + ${c.refused} refused` : ''}`;
}

function coldOf(e, failures) {
  const ok = (e.coldRuns ?? []).filter((r) => !r.error);
  const bad = (e.coldRuns ?? []).find((r) => r.error || r.first_ok === false);
  if (bad) failures.push(`${e.id} cold start: ${bad.error ? bad.error.split('\n')[0] : 'wrong first answer'}`);
  return median(ok.map((r) => r.cold_ms));
}

export function report(R) {
  const failures = [];
  const rows = [];
  const S = {}; // the figures the targets are judged on
  const row = (section, name, x) => rows.push([section, name, x.per ?? '–', x.rate ?? '–', x.cold ?? '–', x.mem ?? '–', x.size ?? '–', x.agrees ?? '–']);
  const notMeasured = [];
  const skip = (section, x) => {
    row(section, x.name, { per: 'not measured' });
    notMeasured.push(`${x.name}: ${x.skipped}`);
  };
  // In this order, those of the run (--only may have left some out).
  const pick = (list, ids) => ids.map((id) => list.find((x) => x.id === id)).filter(Boolean);

  // full explained answers
  for (const j of pick(R.native, ['native-full'])) {
    if (j.skipped) { skip('full answer', j); continue; }
    S.native_full_ns = perProcess(j.benchRuns);
    S.native_cold_ms = median(j.coldRuns.map((r) => r.cold_ms));
    row('full answer', `${j.name} (per answer = (wall − start-up) / ${j.n.toLocaleString('en-US')})`, {
      per: fmtTime(S.native_full_ns), rate: fmtRate(S.native_full_ns), cold: S.native_cold_ms && `${fmtMs(S.native_cold_ms)} (process)`,
      agrees: agreement(j.benchRuns, failures, j.id),
    });
  }
  for (const e of pick(R.engines, ['ours-wasm', 'ours-api'])) {
    if (e.skipped) { skip('full answer', e); continue; }
    const ns = perProcess(e.benchRuns);
    const cold = coldOf(e, failures);
    S[`${e.id}_ns`] = ns;
    S[`${e.id}_cold_ms`] = cold;
    if (e.sizes) S.page_download = e.sizes.total;
    row('full answer', e.name, {
      per: fmtTime(ns), rate: fmtRate(ns), cold: fmtMs(cold),
      size: e.sizes ? `${fmtSize(e.sizes)} (the page: ${e.sizes.files.length} files)` : 'the same page',
      agrees: agreement(e.benchRuns, failures, e.id),
    });
  }
  const fl = R.floor.runs.filter((r) => !r.error);
  if (R.floor.runs.find((r) => r.error)) failures.push(`text floor: ${R.floor.runs.find((r) => r.error).error.split('\n')[0]}`);
  if (fl.length) {
    S.floor_ns = perProcess(fl);
    row('text floor', `TextDecoder + JSON.parse of our own answers (${KiB(median(fl.map((r) => r.mean_bytes)))} KiB mean; decode ${fmtTime(median(fl.map((r) => r.decode_ns)))}, parse ${fmtTime(median(fl.map((r) => r.parse_ns)))})`, {
      per: fmtTime(S.floor_ns), rate: fmtRate(S.floor_ns),
    });
  }

  // screening per unit
  for (const j of pick(R.native, ['native-screen-csv', 'native-screen-jsonl'])) {
    if (j.skipped) { skip('screening', j); continue; }
    const ns = perProcess(j.benchRuns);
    S[`${j.id}_ns`] = ns;
    let mem;
    const m = j.id === 'native-screen-csv' && R.memory.native;
    if (m?.error) failures.push(`native memory run: ${m.error}`);
    else if (m) {
      S.native_mem = m.vm_hwm;
      S.native_mem_small = R.memory.native_small.vm_hwm;
      mem = `VmHWM ${MiB(m.vm_hwm)} (${MiB(S.native_mem_small)} at ${R.memory.native_small.units.toLocaleString('en-US')})`;
    }
    row('screening', `${j.name} (${j.n.toLocaleString('en-US')} units)`, { per: fmtTime(ns), rate: fmtRate(ns), mem, agrees: agreement(j.benchRuns, failures, j.id) });
  }
  for (const s of pick(R.screens, ['wasm-csv', 'wasm-jsonl', 'api-csv', 'api-session'])) {
    if (s.skipped) { skip('screening', s); continue; }
    const ns = perProcess(s.benchRuns);
    S[`${s.id}_ns`] = ns;
    let mem;
    const m = s.id === 'wasm-csv' && R.memory.wasm;
    if (m?.error) failures.push(`wasm memory run: ${m.error.split('\n')[0]}`);
    else if (m) {
      if (m.correctness.disagree) failures.push(`wasm memory run disagrees on ${m.correctness.disagree} of ${m.correctness.checked} units`);
      S.wasm_mem = m;
      mem = `RSS ${MiB(m.max_rss_process)}, wasm ${MiB(m.peak.wasm)} (loaded: ${MiB(m.after_load.rss)}, ${MiB(m.after_load.wasm)})`;
    }
    row('screening', `${s.name} (${s.benchRuns[0]?.n_timed?.toLocaleString('en-US')} units a call)`, { per: fmtTime(ns), rate: fmtRate(ns), mem, agrees: agreement(s.benchRuns, failures, s.id) });
  }

  // peers: a bare verdict
  const peerNs = (e) => (e.skipped ? Infinity : perProcess(e.benchRuns) ?? Infinity);
  for (const e of R.engines.filter((x) => !x.ours).sort((a, b) => peerNs(a) - peerNs(b))) {
    if (e.skipped) { skip('bare verdict', e); continue; }
    const ns = perProcess(e.benchRuns);
    S[`${e.id}_ns`] = ns;
    const v = Object.values(e.versions).join(', ');
    row('bare verdict', `${e.name}${v ? ` · ${v}` : ''}${e.benchRuns[0]?.api === 'async' ? ' (async, awaited)' : ''}`, {
      per: fmtTime(ns), rate: fmtRate(ns), cold: fmtMs(coldOf(e, failures)), size: fmtSize(e.sizes),
      agrees: agreement(e.benchRuns, failures, e.id),
    });
  }

  const head = ['', 'engine / path', 'per answer or unit', 'per second', 'cold start', `peak memory, ${R.params.mem_n.toLocaleString('en-US')} units screened`, 'download KiB raw / gzip / brotli', 'agrees with the reference'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((x, i) => String(x).padEnd(widths[i])).join(' | ') + ' |';

  // ratios and targets (issue 8)
  const ratio = (a, b) => (a && b ? a / b : null);
  const T = [];
  const target = (label, value, shown, goal, met) => T.push({ label, value, shown, goal, met: value == null ? null : met });
  const wasmNs = S['ours-wasm_ns'];
  const zen = S['zen-wasm_ns'];
  const jle = S['json-logic-engine_ns'];
  const scr = S['wasm-csv_ns'];
  const r1 = ratio(wasmNs, S.floor_ns);
  target('full answer, wasm sync ÷ text floor', r1, times(r1), '≤ 1.5×', r1 <= 1.5);
  const r2 = ratio(wasmNs, zen);
  target("full answer, wasm sync ÷ ZEN's bare verdict", r2, times(r2), '≤ 1.5×', r2 <= 1.5);
  const nps = S.native_full_ns && 1e9 / S.native_full_ns;
  target('native full answers per second, one core', nps, fmtRate(S.native_full_ns), '≥ 200,000/s', nps >= 2e5);
  target('wasm screening per unit (screenCsv)', scr, fmtTime(scr), '≤ 1 µs', scr <= 1000);
  const r3 = ratio(scr, jle);
  target('wasm screening per unit ÷ json-logic-engine compiled per eval', r3, times(r3), '≤ 1×', r3 <= 1);
  const others = ['zen-wasm', 'json-rules-engine'].map((id) => S[`${id}_ns`]).filter(Boolean);
  target('wasm screening ÷ fastest other peer (ZEN, json-rules-engine)', scr && ratio(scr, Math.min(...others)), times(scr && ratio(scr, Math.min(...others))), '< 1×', scr < Math.min(...others));
  const ups = S['native-screen-csv_ns'] && 1e9 / S['native-screen-csv_ns'];
  target('native screened units per second, one core (CSV)', ups, fmtRate(S['native-screen-csv_ns']), '≥ 1,000,000/s', ups >= 1e6);
  // Issue 16: the batch session.
  target('native screened units per second, one core (CSV), issue 16', ups, fmtRate(S['native-screen-csv_ns']), '≥ 2,000,000/s', ups >= 2e6);
  const flat = ratio(S.native_mem, S.native_mem_small);
  target(`native memory, VmHWM at ${R.params.mem_n.toLocaleString('en-US')} ÷ at ${R.params.mem_small_n.toLocaleString('en-US')} units`, flat, times(flat), 'flat (≤ 1.1×)', flat <= 1.1);
  const wflat = S.wasm_mem && ratio(S.wasm_mem.peak.wasm, S.wasm_mem.after_load.wasm);
  target('wasm memory after the screening ÷ after load', wflat, times(wflat), 'flat (≤ 1.1×)', wflat <= 1.1);
  for (const id of ['ours-wasm', 'ours-api']) {
    const c = S[`${id}_cold_ms`];
    target(`cold start, ${id === 'ours-wasm' ? 'wasm module' : 'JS API'} (Node: import → first answer)`, c, fmtMs(c), '≤ 30 ms', c <= 30);
  }
  const br = S.page_download?.brotli;
  target('everything the page downloads, brotli', br, br && `${KiB(br)} KiB`, '≤ 100 KiB', br <= 100 * 1024);
  const tw = [Math.max(...T.map((t) => t.label.length)), Math.max(...T.map((t) => String(t.shown).length)), Math.max(...T.map((t) => t.goal.length))];
  const verdict = (t) => (t.met == null ? 'not measured' : t.met ? 'met' : 'missed');

  const P = R.params;
  const text = [
    `稳岗返还 2024 (山西 140000, 2024-06-01): ${P.n.toLocaleString('en-US')} cases (seed ${P.seed}), medians over ${P.rounds} process(es) × ${P.runs} timed passes, ${P.cold} cold starts; ${R.machine.node}, ${R.machine.cores} × ${R.machine.cpu}, load ${R.machine.load_avg_end.map((x) => x.toFixed(1)).join(' ')}`,
    '',
    line(head),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
    '',
    'Our full answer carries every condition with its sentence and citation, the policy, what-ifs and notes; the peers return { eligible, refund_fen, failed }.',
    'Refused: units with 0 insured staff, which our contract answers with invalid_fact (as it must) and the peers evaluate.',
    `Memory: native, the CLI's VmHWM while the units stream through a pipe (and at ${R.params.mem_small_n.toLocaleString('en-US')} units, to show it flat); wasm, the Node process's peak RSS (getrusage) and the wasm memory, screenCsv over chunks of ${R.params.chunk.toLocaleString('en-US')} rows.`,
    ...(notMeasured.length ? ['', 'Not measured:', ...notMeasured.map((x) => `  ${x}`)] : []),
    '',
    'Ratios and targets (issue 8):',
    ...T.map((t) => `  ${t.label.padEnd(tw[0])}  ${String(t.shown ?? '–').padStart(tw[1])}  target ${t.goal.padEnd(tw[2])}  ${verdict(t)}`),
  ].join('\n');
  return { text, summary: { figures: S, targets: T }, failures };
}
