// What the rules library shows, asked of the engine (the wasm module through
// its JS API), never worked out again here: the catalog's policies and their
// chains; for each policy and program, `questions` (its conditions and the
// facts asked, each with its cite) and `parameters` (each value with its
// date, the document that set it, its cite and its cases), at every date on
// which something may change; which policy a region has in a year; the
// previous policy of a region.
//
// Read from the raw packs in rules/ (the API does not expose them): the dates
// on which a value may change (every `from` and every validity boundary; the
// engine is then asked on each), a policy's issue date, source, `extends`,
// notes and validity cite, the table values of bands and schedules (the API
// gives them as null), and which parameters a condition reads (its `min`,
// `max`, `small_unit`), to say which conditions a changed value moves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every policy pack under rulesDir, by id (rules/schema/ and rules/reforms/ are no packs). */
export function readPacks(rulesDir) {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return d.name === 'schema' || d.name === 'reforms' ? [] : walk(join(dir, d.name));
    return d.name.endsWith('.json') ? [join(dir, d.name)] : [];
  });
  const packs = new Map();
  for (const file of walk(rulesDir)) {
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    if (pack.kind === 'policy') packs.set(pack.id, pack);
  }
  return packs;
}

const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
export const nextDay = (d) => iso(day(d) + 86400000);
export const prevDay = (d) => iso(day(d) - 86400000);

/** The dates on which anything of a program may change: every value's `from` and every validity boundary. */
function boundaries(packs, catalog, program) {
  const dates = new Set();
  for (const pack of packs.values()) {
    const section = (pack.programs || {})[program];
    for (const param of Object.values((section && section.params) || {})) {
      for (const v of param.values || []) dates.add(v.from);
    }
  }
  for (const p of catalog.policies) {
    for (const v of p.programs) {
      if (v.program !== program) continue;
      dates.add(v.valid_from);
      if (v.valid_to) dates.add(nextDay(v.valid_to));
    }
  }
  return [...dates].sort();
}

// The engine's answers are checked once here: a refusal is a broken build, not an empty page.
async function ask(estimator, call, request) {
  const res = await estimator[call](request);
  if (!res.ok) throw new Error(`rules-browser: ${call}(${JSON.stringify(request)}) failed: ${JSON.stringify(res.error)}`);
  return res;
}

const key = (x) => JSON.stringify(x);

/** The parameters each condition reads (by condition id), from every pack of the program. */
function conditionParams(packs, program) {
  const out = new Map();
  const add = (id, names) => {
    const set = out.get(id) || new Set();
    for (const n of names) if (typeof n === 'string') set.add(n);
    out.set(id, set);
  };
  const visit = (c, topId) => {
    add(topId, [c.min, c.max, c.small_unit && c.small_unit.max, c.small_unit && c.small_unit.headcount_at_most]);
    for (const sub of c.of || []) visit(sub, topId);
  };
  for (const pack of packs.values()) {
    const section = (pack.programs || {})[program];
    for (const c of (section && section.conditions) || []) visit(c, c.id);
  }
  return out;
}

/** Merges consecutive version spans [{from, to}] into as few as possible. */
function mergeSpans(spans) {
  const out = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.to && nextDay(last.to) === s.from) last.to = s.to;
    else out.push({ ...s });
  }
  return out;
}

/**
 * One program of one policy: its versions (the dates from which the engine
 * answers differently), and the union over them of conditions, facts and
 * parameter values, each with the spans it holds in when not all of them.
 */
async function programOf(estimator, packs, catalog, policy, validity) {
  const { program, valid_from: from, valid_to: to } = validity;
  const dates = boundaries(packs, catalog, program).filter((d) => d >= from && (!to || d <= to));
  if (!dates.includes(from)) dates.unshift(from);
  const versions = [];
  const factNames = {};
  for (const date of dates) {
    const request = { program, region: policy.region, date, policy: policy.id };
    const q = await ask(estimator, 'questions', request);
    const p = await ask(estimator, 'parameters', request);
    const data = {
      chain: q.policy.chain,
      conditions: q.conditions,
      facts: q.questions.filter((x) => x.cite).map((x) => ({ fact: x.fact, label: x.label, label_en: x.label_en, cite: x.cite })),
      params: p.params,
    };
    // The names of every fact asked (a case's fact too), for the values' cases.
    for (const x of q.questions) factNames[x.fact] ||= { label: x.label, label_en: x.label_en, options: x.options || [] };
    const last = versions[versions.length - 1];
    if (last && key(last.data) === key(data)) continue;
    if (last) last.to = prevDay(date);
    versions.push({ from: date, to: to || null, data });
  }
  const spansOf = (test) => mergeSpans(versions.filter((v) => test(v.data)).map((v) => ({ from: v.from, to: v.to })));
  const all = versions.length;
  const union = (pick, idOf) => {
    const seen = new Map();
    for (const v of versions) {
      for (const item of pick(v.data)) {
        const k = idOf(item);
        if (!seen.has(k)) seen.set(k, { item, count: 0 });
        seen.get(k).count++;
      }
    }
    return [...seen.entries()].map(([k, { item, count }]) => ({
      ...item,
      spans: count === all ? null : spansOf((d) => pick(d).some((x) => idOf(x) === k)),
    }));
  };
  const reads = conditionParams(packs, program);
  const conditions = union((d) => d.conditions, (c) => key([c.id, c.label, c.cite]))
    .map((c) => ({ ...c, params: [...(reads.get(c.id) || [])] }));
  const facts = union((d) => d.facts, (f) => key([f.fact, f.cite]));
  // A parameter's dated values: each distinct value any version shows, by its `from`.
  const params = new Map();
  for (const v of versions) {
    for (const p of v.data.params) {
      const entry = params.get(p.id) || { id: p.id, type: p.type, cap: p.cap, values: [] };
      const value = { from: p.from, value: p.value, set_by: p.set_by, cite: p.cite, when: p.when };
      if (!entry.values.some((x) => key(x) === key(value))) entry.values.push(value);
      params.set(p.id, entry);
    }
  }
  for (const entry of params.values()) {
    entry.values.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const value of entry.values) value.table = tableValue(packs, program, entry.id, value);
  }
  const own = (packs.get(policy.id).programs || {})[program] || {};
  return {
    program, valid_from: from, valid_to: to || null,
    validityCite: own.validity_cite || null,
    // The inherited documents by date: versions that differ in values only are one here (the values show their dates).
    versions: versions.reduce((out, v) => {
      const last = out[out.length - 1];
      if (last && key(last.chain) === key(v.data.chain)) last.to = v.to;
      else out.push({ from: v.from, to: v.to, chain: v.data.chain });
      return out;
    }, []),
    conditions, facts, factNames, params: [...params.values()],
    notes: own.notes || [],
    first: versions[0].data,
  };
}

/**
 * Bands and schedules: the API gives no value, the pack that holds it does — the
 * entry of that parameter with the same date and quote (a schedule set by one
 * document may be written in another's pack, below every pack that uses it).
 */
function tableValue(packs, program, id, value) {
  if (value.value !== null) return null;
  const quote = value.cite ? value.cite.quote : undefined;
  for (const pack of packs.values()) {
    const param = (((pack.programs || {})[program] || {}).params || {})[id];
    const found = param && (param.values || []).find((v) => v.from === value.from && (v.cite ? v.cite.quote : undefined) === quote);
    if (found) return found.value;
  }
  return null;
}

/**
 * What changed from the previous policy the region had for the program (the
 * one in force the day before this one starts): parameters whose value or
 * cases differ, conditions added, dropped, reworded, or whose values moved.
 */
async function changesOf(estimator, packs, policy, prog) {
  const date = prevDay(prog.valid_from);
  const before = await estimator.questions({ program: prog.program, region: policy.region, date });
  if (!before.ok || !before.in_force || before.policy.id === policy.id) return null;
  const request = { program: prog.program, region: policy.region, date, policy: before.policy.id };
  const oldParams = (await ask(estimator, 'parameters', request)).params;
  const now = prog.first;
  const params = [];
  // A table's value (bands, schedules) is null in the API: its rows from the packs are compared.
  const valueKey = (p) => key([p.value, tableValue(packs, prog.program, p.id, p), p.when.map((w) => [w.fact, w.equals, w.value])]);
  const sameValue = (a, b) => valueKey(a) === valueKey(b);
  for (const p of now.params) {
    const old = oldParams.find((x) => x.id === p.id);
    if (!old) params.push({ kind: 'added', id: p.id, now: p });
    else if (!sameValue(old, p)) params.push({ kind: 'changed', id: p.id, now: p, old });
  }
  for (const old of oldParams) if (!now.params.some((p) => p.id === old.id)) params.push({ kind: 'removed', id: old.id, old });
  for (const change of params) {
    for (const side of ['now', 'old']) {
      if (change[side]) change[side] = { ...change[side], table: tableValue(packs, prog.program, change.id, change[side]) };
    }
  }
  const moved = new Set(params.map((p) => p.id));
  const reads = conditionParams(packs, prog.program);
  const conditions = [];
  for (const c of now.conditions) {
    const old = before.conditions.find((x) => x.id === c.id);
    if (!old) conditions.push({ kind: 'added', now: c });
    // Another document restating a condition cites itself: only other words count as a change.
    else if (words(old.cite) !== words(c.cite) || old.label !== c.label) conditions.push({ kind: 'reworded', now: c, old });
    else if ([...(reads.get(c.id) || [])].some((id) => moved.has(id))) conditions.push({ kind: 'threshold', now: c, old });
  }
  for (const old of before.conditions) if (!now.conditions.some((c) => c.id === old.id)) conditions.push({ kind: 'removed', old });
  return { previous: before.policy, params, conditions };
}

// A quote's words without spaces and punctuation: "30 人" and "30人", "…返还。" and "…返还" say the same.
const words = (cite) => String((cite && cite.quote) || '').replace(/[\s。；，、,.;：:]/g, '');

/** Which policies a region has for a program during a year, from the engine (in order of their dates). */
async function policiesInYear(estimator, program, region, year, dates) {
  const days = [`${year}-01-01`, ...dates.filter((d) => d.startsWith(`${year}-`))];
  const ids = [];
  for (const date of days) {
    const res = await estimator.questions({ program, region, date });
    if (res.ok && res.in_force && !ids.includes(res.policy.id)) ids.push(res.policy.id);
  }
  return ids;
}

// The table starts with 2019: the first year of the national rules of today that
// the packs hold (人社部发〔2020〕40号 from 2019-12-01); earlier years are on the policies' pages.
const FIRST_YEAR = 2019;

/**
 * The index: for each program, the regions with documents of their own
 * (prefectures under their province) and, for each year, the policies in force;
 * every other region has the national rules only, as the national row shows.
 */
async function indexOf(estimator, packs, catalog) {
  const years = [];
  const lastYear = Math.max(...catalog.policies.flatMap((p) => p.programs.flatMap((v) =>
    [v.valid_from, v.valid_to].filter(Boolean).map((d) => +d.slice(0, 4))))) + 1;
  for (let y = FIRST_YEAR; y <= lastYear; y++) years.push(y);
  const programs = [];
  for (const prog of catalog.programs) {
    const has = (code) => catalog.policies.some((p) => p.region === code && p.programs.some((v) => v.program === prog.id));
    const dates = boundaries(packs, catalog, prog.id);
    const rows = [];
    const others = [];
    for (const region of catalog.regions) {
      const children = (region.children || []).filter((c) => has(c.code));
      if (region.code !== '000000' && !has(region.code) && !children.length) {
        others.push(region);
        continue;
      }
      for (const r of [region, ...children]) {
        const cells = [];
        for (const year of years) cells.push(await policiesInYear(estimator, prog.id, r.code, year, dates));
        rows.push({ region: r, province: r === region ? null : region, cells });
      }
    }
    // From the first year any region has a policy of the program (the years before are all empty).
    const first = years.findIndex((_, i) => rows.some((r) => r.cells[i].length));
    const from = Math.max(0, first);
    for (const r of rows) r.cells = r.cells.slice(from);
    programs.push({ program: prog, rows, others, years: years.slice(from) });
  }
  return { programs };
}

/** Everything the pages show. */
export async function buildModel(estimator, packs) {
  const catalog = await estimator.catalog();
  const policies = [];
  for (const policy of catalog.policies) {
    const pack = packs.get(policy.id);
    if (!pack) throw new Error(`rules-browser: no pack file for policy ${policy.id}`);
    const programs = [];
    const order = (v) => catalog.programs.findIndex((p) => p.id === v.program);
    for (const validity of [...policy.programs].sort((a, b) => order(a) - order(b))) {
      const prog = await programOf(estimator, packs, catalog, policy, validity);
      prog.changes = await changesOf(estimator, packs, policy, prog);
      programs.push(prog);
    }
    policies.push({
      ...policy,
      title_en: pack.title_en || null,
      issued: pack.issued || null,
      source: pack.source,
      extends: pack.extends || null,
      extendsInForce: !!pack.extends_in_force,
      forwards: !!pack.forwards,
      programs,
    });
  }
  return { catalog, policies, index: await indexOf(estimator, packs, catalog) };
}
