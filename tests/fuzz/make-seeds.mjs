// node tests/fuzz/make-seeds.mjs OUTDIR
//
// Writes the fuzzers' seed corpora and dictionaries from the project's own
// data, so they follow it without copies in the tree:
//   OUTDIR/seeds/estimate/  every request of tests/scenarios/*.json, of
//                           ../shared/spec/examples.jsonl, and of the malformed
//                           corpus tests/malformed/cases.jsonl (up to 4 KiB)
//   OUTDIR/seeds/packs/     every rule pack, prefixed by the byte that selects
//                           the embedded pack it replaces (fuzz_checks.h: packs_with)
//   OUTDIR/seeds/jsonl/     batches of those requests, several per file
//   OUTDIR/seeds/json/      the requests and the malformed corpus as for estimate,
//                           and the requests indented as a person writes them
//   OUTDIR/seeds/csv/       batches for the session, behind the bytes that say
//                           how to run them (fuzz_csv.cpp: Plan): each program's
//                           scenario requests as a table (headers by id, label
//                           or both), tables with the edges tests/unit/csv_test.cpp
//                           covers, the JSONL batches, and stretched items
//   OUTDIR/seeds/reform/    the reforms of rules/reforms/, the hostile corpus
//                           tests/malformed/reforms.jsonl, and one reform per
//                           policy and program setting its parameters
//   OUTDIR/{estimate,packs,jsonl,json,csv,reform}.dict
//                           tests/fuzz/*.dict.in plus every fact id, enum value,
//                           program id and region code of rules/, and every key of the packs
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases } from '../malformed/corpus.mjs';
import { csvSeeds } from './csv-seeds.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node tests/fuzz/make-seeds.mjs OUTDIR');
  process.exit(2);
}
const maxSeed = 4096;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function writeSeeds(dir, seeds) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const s of seeds) {
    writeFileSync(join(dir, createHash('sha1').update(s).digest('hex')), s);
  }
}

// ---- requests
const requests = [];
for (const file of readdirSync(join(root, 'tests', 'scenarios')).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(root, 'tests', 'scenarios', file), 'utf8'));
  for (const s of doc.scenarios ?? []) if (s.request) requests.push(Buffer.from(JSON.stringify(s.request)));
}
const examples = join(root, '..', 'shared', 'spec', 'examples.jsonl');
if (existsSync(examples)) {
  for (const line of readFileSync(examples, 'utf8').split('\n').filter(Boolean)) {
    requests.push(Buffer.from(JSON.stringify(JSON.parse(line).request)));
  }
}
const hostile = loadCases().map((c) => c.bytes).filter((b) => b.length <= maxSeed);
writeSeeds(join(out, 'seeds', 'estimate'), [...requests, ...hostile]);

// ---- batches: good and hostile lines together, as an office's export would mix them
const lines = [...requests, ...hostile.filter((b) => !b.includes(0x0a))];
const batches = [];
for (let i = 0; i < lines.length; i += 4) {
  batches.push(Buffer.concat(lines.slice(i, i + 4).flatMap((l) => [l, Buffer.from('\n')])));
}
batches.push(Buffer.from(''), Buffer.from('\n\n'), Buffer.from('\r\n'), Buffer.concat([requests[0] ?? Buffer.from('{}'), Buffer.from('\r\n{')]));
writeSeeds(join(out, 'seeds', 'jsonl'), batches);

// ---- the parser's texts: the requests as sent, and indented as a person writes them
const indented = requests.map((r) => Buffer.from(JSON.stringify(JSON.parse(r.toString()), null, 2)));
writeSeeds(join(out, 'seeds', 'json'), [...requests, ...indented, ...hostile]);

// ---- packs, in the order of embedded_packs() (cmake/EmbedPacks.cmake sorts the paths)
// (rules/schema/ and rules/reforms/ are not packs: EmbedPacks.cmake leaves them out.)
const notPacks = [join(root, 'rules', 'schema'), join(root, 'rules', 'reforms')];
const packFiles = walk(join(root, 'rules')).filter((p) => p.endsWith('.json') && !notPacks.some((d) => p.startsWith(d + '/'))).sort();
writeSeeds(join(out, 'seeds', 'packs'), packFiles.map((p, i) => Buffer.concat([Buffer.from([i]), readFileSync(p)])));

// ---- reforms (fuzz_reform): the examples of rules/reforms/, the hostile corpus
// tests/malformed/reforms.jsonl, and for every policy and program with a
// parameter a reform may change, one that sets each to its first value (so
// the fuzzer starts from every policy, not only the examples').
const reformSeeds = walk(join(root, 'rules', 'reforms')).filter((p) => p.endsWith('.json')).map((p) => readFileSync(p));
reformSeeds.push(...loadCases(join(root, 'tests', 'malformed', 'reforms.jsonl')).map((c) => c.bytes).filter((b) => b.length <= maxSeed));
const policyParams = [];
for (const p of packFiles) {
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  if (doc.kind !== 'policy') continue;
  for (const [program, section] of Object.entries(doc.programs ?? {})) {
    const set = {};
    for (const [id, param] of Object.entries(section.params ?? {})) {
      if (['rate', 'count', 'money'].includes(param.type) && param.values?.length) set[id] = param.values[0].value;
      policyParams.push(id);
    }
    if (Object.keys(set).length) {
      reformSeeds.push(Buffer.from(JSON.stringify({ kind: 'reform', format: 1, id: `seed-${doc.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-'),
        title: '种子', base: doc.id, program, set })));
    }
  }
}
writeSeeds(join(out, 'seeds', 'reform'), reformSeeds);

// ---- session batches (fuzz_csv): a plan's bytes (mode, defaults, chunk seed), then the batch
const programs = JSON.parse(readFileSync(join(root, 'rules', 'programs.json'), 'utf8'));
writeSeeds(join(out, 'seeds', 'csv'), csvSeeds(programs, requests.map((r) => JSON.parse(r.toString())), batches));

// ---- dictionaries
const quote = (s) => '"' + Buffer.from(s, 'utf8').toString('latin1').replace(/[\\"]/g, (c) => '\\' + c)
  .replace(/[^\x20-\x7e]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')) + '"';
const tokens = new Set();
const packKeys = new Set();
const labels = new Set();
for (const p of programs.programs ?? []) {
  tokens.add(`"${p.id}"`);
  for (const f of p.facts ?? []) {
    tokens.add(`"${f.id}"`);
    for (const l of [f.label, f.label_en]) if (l) labels.add(l);
    for (const o of f.options ?? []) tokens.add(typeof o.value === 'string' ? `"${o.value}"` : String(o.value));
  }
}
const regions = JSON.parse(readFileSync(join(root, 'rules', 'regions.json'), 'utf8'));
for (const r of regions.regions ?? []) {
  tokens.add(`"${r.code}"`);
  for (const c of r.prefectures ?? []) tokens.add(`"${c.code}"`);
}
const collect = (v) => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) { packKeys.add(`"${k}"`); collect(x); }
  } else if (typeof v === 'string' && v.length <= 24) packKeys.add(JSON.stringify(v));
};
for (const p of packFiles) collect(JSON.parse(readFileSync(p, 'utf8')));

function writeDict(name, extra) {
  const entries = new Set(extra);
  const text = readFileSync(join(here, `${name}.dict.in`), 'utf8') + '\n# from rules/ (make-seeds.mjs)\n' +
    [...entries].sort().map((t) => quote(t)).join('\n') + '\n';
  writeFileSync(join(out, `${name}.dict`), text);
}
writeDict('estimate', tokens);
writeDict('jsonl', tokens);
writeDict('packs', new Set([...packKeys, ...tokens]));
writeDict('json', tokens);
const policyIds = packFiles.map((p) => JSON.parse(readFileSync(p, 'utf8'))).filter((d) => d.kind === 'policy').map((d) => `"${d.id}"`);
writeDict('reform', new Set([...tokens, ...policyIds, ...policyParams.map((id) => `"${id}"`)]));
// A table names facts bare (no JSON quotes), by id or label.
writeDict('csv', new Set([...[...tokens].map((t) => t.replace(/^"(.*)"$/, '$1')), ...labels]));
console.log(`seeds: ${requests.length + hostile.length} requests, ${batches.length} batches, ${packFiles.length} packs, ` +
  `${readdirSync(join(out, 'seeds', 'csv')).length} session batches; ` +
  `dictionaries: ${tokens.size} request tokens, ${packKeys.size} pack tokens`);
