// rules/schema/: the JSON Schemas an analyst's editor checks rule files with.
//   1. every rule file names its schema by relative path and passes it;
//   2. the schemas hold what the loader's sources hold (condition kinds with
//      their keys and placeholders, messages, types, every check_keys list);
//   3. hand-made bad packs are refused by the schema and by the loader alike;
//   4. over mutations of every real file, the schema never refuses what the
//      loader accepts, and refuses whatever the loader refuses for its shape;
//   5. reforms (rules/reforms/, reform.schema.json): the examples pass, the
//      schema holds the reader's keys, and the hostile corpus
//      tests/malformed/reforms.jsonl and mutations of the examples are judged
//      alike by the schema and by the reader (build/native/estimate --reform).
// The loader is build/native/uie-rules-image, run on a copy of rules/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rulesDir = join(repo, 'rules');
const schemaDir = join(rulesDir, 'schema');
const testPacks = join(repo, 'tests', 'packs');
const read = (p) => readFileSync(p, 'utf8');
const readJson = (p) => JSON.parse(read(p));

// ---------------------------------------------------------------- schemas

// strict: a misspelt keyword in a schema is an error, not nothing. Off:
// strictRequired and strictTypes, since `then` branches name keys and types
// that their `if` or the enclosing schema already fixed.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
// VS Code's own keyword: the sentence an editor shows instead of the regex.
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
const schemas = {};
for (const f of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
  schemas[f] = readJson(join(schemaDir, f));
  ajv.addSchema(schemas[f], f);
}
/** The schema's complaints about `doc`, as "pointer message" lines. */
function schemaErrors(kind, doc) {
  const v = ajv.getSchema(`${kind}.schema.json`);
  assert.ok(v, `no schema for kind "${kind}"`);
  return v(doc) ? [] : v.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}
const accepts = (ref, value) => ajv.getSchema(ref)(value);

function walk(dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
}
// rules/reforms/ holds example reforms (测算方案), not packs: checked in part 5.
const reformsDir = join(rulesDir, 'reforms');
const notPacks = (p) => p.startsWith(schemaDir + '/') || p.startsWith(reformsDir + '/');
const ruleFiles = [...walk(rulesDir).filter((p) => !notPacks(p)), ...walk(testPacks)];
const reformFiles = walk(reformsDir);

// ---------------------------------------------------------------- the loader

const imageTool = join(repo, 'build', 'native', 'uie-rules-image');
const scratch = mkdtempSync(join(tmpdir(), 'uie-schema-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
// rules/ without its schemas, and the test packs beside them.
const copy = join(scratch, 'rules');
cpSync(rulesDir, copy, { recursive: true, filter: (src) => !notPacks(src) && src !== schemaDir && src !== reformsDir });
cpSync(testPacks, join(copy, 'test-packs'), { recursive: true, filter: (src) => !src.endsWith('.md') });
const nameInCopy = (file) => (file.startsWith(testPacks) ? join('test-packs', relative(testPacks, file)) : relative(rulesDir, file));

/** Loads the copy with the file `name` in it set to `doc` (text or JSON): { ok, codes, stderr }. */
function load(name, doc, what = name) {
  if (!existsSync(imageTool)) {
    throw new Error(`${imageTool} is missing: build it first with  cmake --preset native && cmake --build --preset native`);
  }
  const path = join(copy, name);
  const before = existsSync(path) ? read(path) : null;
  if (doc !== undefined) writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    const r = spawnSync(imageTool, [join(scratch, 'out.img'), copy], { encoding: 'utf8' });
    const codes = [...r.stderr.matchAll(/\[([a-z_]+)\]$/gm)].map((m) => m[1]);
    if (r.signal) return { ok: false, crashed: `${what}: ${r.signal}`, codes, stderr: r.stderr };
    assert.ok(r.status === 0 || (r.status === 2 && codes.length), `uie-rules-image, ${what}: exit ${r.status} ${r.stderr}`);
    return { ok: r.status === 0, codes, stderr: r.stderr };
  } finally {
    if (before === null) rmSync(path, { force: true });
    else writeFileSync(path, before);
  }
}

// ---------------------------------------------------------------- 1. every file

describe('every rule file names its schema and passes it', () => {
  for (const file of ruleFiles) {
    test(relative(repo, file), () => {
      const doc = readJson(file);
      const path = relative(dirname(file), join(schemaDir, `${doc.kind}.schema.json`));
      // "./" or "../" first: VS Code reads a bare name as a web address.
      assert.equal(doc.$schema, path.startsWith('.') ? path : `./${path}`, '"$schema": the relative path to its schema');
      assert.deepEqual(schemaErrors(doc.kind, doc), []);
    });
  }
  test('the loader reads them all, "$schema" and all', () => {
    const r = load('regions.json');
    assert.ok(r.ok, r.stderr);
  });
});

// ---------------------------------------------------------------- 2. the loader's own lists

const source = (p) => read(join(repo, 'core', 'src', p));
const words = (list) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const policyDefs = schemas['policy.schema.json'].definitions;

/** The keys a (closed) schema object allows, with those of its refs and if/then branches. */
function keysOf(schema, file) {
  const keys = new Set(Object.keys(schema.properties ?? {}));
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? [])]) {
    const sub = part.$ref ? resolve(part.$ref, file) : part;
    for (const k of keysOf(sub.then ?? sub, file)) keys.add(k);
  }
  keys.delete('$schema');
  keys.delete('comment');
  return [...keys].sort();
}
function resolve(ref, file) {
  const [doc, pointer] = ref.split('#');
  let node = schemas[doc ? doc.replace('./', '') : file];
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = node[part];
  return node;
}

// Each check_keys call of the loader, in the order of its file, and the
// schema object that must allow exactly the same keys.
const CHECK_KEYS = {
  'pack/messages.cpp': ['messages.schema.json#', 'messages.schema.json#/definitions/message'],
  'pack/pack_json.cpp': ['policy.schema.json#/definitions/cite'],
  'pack/programs.cpp': [
    'programs.schema.json#/definitions/option', 'programs.schema.json#/definitions/fact',
    'programs.schema.json#/definitions/consistency', 'programs.schema.json#', 'programs.schema.json#/definitions/program',
    'regions.schema.json#', 'regions.schema.json#/definitions/region',
  ],
  'pack/read_params.cpp': [
    'policy.schema.json#/definitions/bands/items', 'policy.schema.json#/definitions/retirement_schedule/items',
    'policy.schema.json#/definitions/case', 'policy.schema.json#/definitions/param', 'policy.schema.json#/definitions/param_value',
  ],
  'pack/read_policy.cpp': [
    'policy.schema.json#/definitions/texts_at_least', 'policy.schema.json#/definitions/note',
    'policy.schema.json#/definitions/derivation', 'policy.schema.json#/definitions/duration',
    null, // read_condition's keys: the common ones and the kind's, checked below
    'policy.schema.json#/definitions/small_unit',
    'policy.schema.json#/definitions/amount', 'policy.schema.json#/definitions/derive_size',
    'policy.schema.json#/definitions/section', 'policy.schema.json#', 'policy.schema.json#/definitions/forward_section',
  ],
};

// The condition kinds as core/src/kinds/*.cpp declare them.
const kinds = readdirSync(join(repo, 'core', 'src', 'kinds')).filter((f) => f.endsWith('.cpp')).flatMap((f) =>
  [...source(`kinds/${f}`).matchAll(/extern const KindOps \w+\{"(\w+)", (?:true|false),\s*\{([^}]*)\},\s*\{([^}]*)\},\s*\{([^}]*)\}/g)]
    .map(([, name, keys, slots, whatif]) => ({ name, keys: words(keys), slots: words(slots), whatif: words(whatif) })));
const allSlots = [...new Set(kinds.flatMap((k) => [...k.slots, ...k.whatif]).concat(['facts', 'detail', 'zz']))];

describe('the schemas hold what the loader holds', () => {
  test('every check_keys list of the loader is a schema object with exactly those keys', () => {
    for (const [file, refs] of Object.entries(CHECK_KEYS)) {
      const lists = [...source(file).matchAll(/check_keys\([^,]+, (\{[^}]*\}|keys)/g)].map((m) => (m[1] === 'keys' ? null : words(m[1]).sort()));
      assert.equal(lists.length, refs.length, `${file}: ${lists.length} check_keys calls; this test knows ${refs.length}`);
      lists.forEach((keys, i) => {
        if (!refs[i]) return;
        const [doc] = refs[i].split('#');
        assert.deepEqual(keysOf(resolve(refs[i], doc), doc), keys, `${file} check_keys #${i + 1} ↔ ${refs[i]}`);
      });
    }
  });

  test('condition kinds: exactly their keys, their placeholders, their what-if placeholders', () => {
    const common = words(source('pack/read_policy.cpp').match(/std::vector<const char\*> keys = \{([^}]*)\}/)[1]).sort();
    assert.deepEqual(Object.keys(policyDefs.condition.properties).sort(), common);
    assert.deepEqual(policyDefs.condition.properties.kind.enum.sort(), kinds.map((k) => k.name).sort());
    assert.equal(kinds.length, 12, 'kinds/*.cpp parsed');
    const branches = policyDefs.condition_kinds.allOf;
    for (const k of kinds) {
      const branch = branches.find((b) => b.if.properties.kind.const === k.name);
      assert.ok(branch, `no schema branch for kind ${k.name}`);
      assert.deepEqual(Object.keys(branch.then.properties).filter((p) => !common.includes(p)).sort(), [...k.keys].sort(), k.name);
      for (const slot of allSlots) {
        const text = `x {${slot}} y`;
        assert.equal(accepts(`policy.schema.json#/definitions/sentence_${k.name}`, text), k.slots.includes(slot), `${k.name} text ${text}`);
        assert.equal(accepts(`policy.schema.json#/definitions/whatif_${k.name}`, text), k.whatif.includes(slot), `${k.name} whatif ${text}`);
      }
      // Braces that make no placeholder are text, as Template::parse reads them.
      assert.ok(accepts(`policy.schema.json#/definitions/sentence_${k.name}`, '{ } {A} {x y} {{ }'));
    }
  });

  test('messages: every id of message_defs, each with its own placeholders only', () => {
    const defs = [...source('model/messages.cpp').matchAll(/\{"(\w+)", \{([^}]*)\}\}/g)].map(([, id, slots]) => ({ id, slots: words(slots) }));
    const m = schemas['messages.schema.json'].properties.messages;
    assert.ok(defs.length > 50, 'model/messages.cpp parsed');
    assert.deepEqual(m.required, defs.map((d) => d.id));
    assert.deepEqual(Object.keys(m.properties), defs.map((d) => d.id));
    const names = [...new Set(defs.flatMap((d) => d.slots).concat('zz'))];
    for (const d of defs) {
      for (const slot of names) {
        const ok = accepts(`messages.schema.json#/properties/messages/properties/${d.id}`, { zh: `{${slot}}`, en: '' });
        assert.equal(ok, d.slots.includes(slot), `${d.id} {${slot}}`);
      }
    }
  });

  test('fact, parameter, amount, consistency and derivation kinds; program ids', () => {
    const types = (file, enumName) => [...source(file).matchAll(new RegExp(`\\{"(\\w+)", ${enumName}::k\\w+\\}`, 'g'))].map((m) => m[1]).sort();
    const compared = (file) => [...source(file).matchAll(/kind == "(\w+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(schemas['programs.schema.json'].definitions.fact.properties.type.enum.slice().sort(), types('pack/programs.cpp', 'FactType'));
    assert.deepEqual(policyDefs.param.properties.type.enum.slice().sort(), types('pack/read_params.cpp', 'ParamType'));
    assert.deepEqual(policyDefs.amount.properties.kind.enum.slice().sort(), compared('pack/resolve_amount.cpp'));
    assert.deepEqual(schemas['programs.schema.json'].definitions.consistency.properties.kind.enum.slice().sort(), compared('pack/programs.cpp'));
    const derived = [...source('pack/read_policy.cpp').matchAll(/d\.kind == "(\w+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(policyDefs.derivation.properties.kind.enum.slice().sort(), derived);
    const programs = readJson(join(rulesDir, 'programs.json')).programs;
    assert.deepEqual(Object.keys(schemas['policy.schema.json'].properties.programs.properties).sort(), programs.map((p) => p.id).sort());
    // rate_by_unit_type names every option of the refund's unit_type.
    const unitTypes = programs.find((p) => p.id === 'stabilization_refund').facts.find((f) => f.id === 'unit_type').options.map((o) => o.value);
    assert.deepEqual(policyDefs.amount.properties.rate_by_unit_type.required, unitTypes);
  });

  test('rules/README.md explains every stable issue code', () => {
    const readme = read(join(rulesDir, 'README.md'));
    const codes = [...source('pack/pack_json.h').matchAll(/constexpr const char\* k\w+ = "(\w+)"/g)].map((m) => m[1]);
    assert.ok(codes.length > 20);
    for (const code of codes) assert.match(readme, new RegExp(`^\\| \`${code}\` \\|`, 'm'), code);
  });
});

// ---------------------------------------------------------------- 3. bad packs

const cite = { clause: '二', quote: '测试用' };
// A refining pack and a standalone one, both loadable: each bad pack below
// changes one thing in one of them.
const refining = () => ({
  $schema: '../schema/policy.schema.json', kind: 'policy', format: 1, id: 'test-schema-refining',
  doc_no: '（测试包）', title: '测试', issuer: '（测试）', issued: null, region: '640000', source: 'tests/js/schema.test.mjs',
  extends: 'cn-2025-18',
  programs: {
    skill_subsidy: {
      params: { max_claims_per_year: { type: 'count', values: [{ from: '2025-01-01', value: 2, cite }] } },
      conditions: [{ id: 'insured_months', kind: 'at_least', fact: 'insured_months', min: 'min_insured_months',
        text: { pass: '参保 {value} 个月，满 {min} 个月', fail: '参保 {value} 个月，差 {need} 个月' }, cite }],
      notes: [{ text: '测试提示', cite }],
    },
  },
});
const standalone = () => ({
  kind: 'policy', format: 1, id: 'test-schema-standalone', doc_no: '（测试包）', title: '测试', issuer: '（测试）',
  region: '640000', source: 'tests/js/schema.test.mjs',
  programs: {
    contribution_rate: {
      valid_from: '2025-01-01', valid_to: '2025-12-31', validity_cite: cite,
      params: { total_rate: { type: 'rate', values: [{ from: '2025-01-01', value: '1%', cite }] } },
      amount: { kind: 'contribution_split', base: 'wage_base', total: 'total_rate', cite },
    },
  },
});
const skill = (p) => p.programs.skill_subsidy;
const rate = (p) => p.programs.contribution_rate;
const BAD = [
  ['an unknown key', refining, (p) => { p.titel = '测试'; }, '/', 'unknown_key'],
  ['a misspelt key in a condition', refining, (p) => { skill(p).conditions[0].fcat = 'x'; }, '/programs/skill_subsidy/conditions/0', 'unknown_key'],
  ['a day that does not exist', refining, (p) => { skill(p).params.max_claims_per_year.values[0].from = '2025-02-29'; }, '/programs/skill_subsidy/params/max_claims_per_year/values/0/from', 'invalid_date'],
  ['a date not written YYYY-MM-DD', standalone, (p) => { rate(p).valid_to = '2025-12-1'; }, '/programs/contribution_rate/valid_to', 'invalid_date'],
  ['a condition key of another kind (max on at_least)', refining, (p) => { const c = skill(p).conditions[0]; c.max = c.min; delete c.min; }, '/programs/skill_subsidy/conditions/0', 'unknown_key'],
  ['a condition without its cite', refining, (p) => { delete skill(p).conditions[0].cite; }, '/programs/skill_subsidy/conditions/0', 'missing_citation'],
  ['a cite without its quote', refining, (p) => { skill(p).notes[0].cite = { clause: '二' }; }, '/programs/skill_subsidy/notes/0/cite', 'missing'],
  ['a parameter value without its cite', refining, (p) => { delete skill(p).params.max_claims_per_year.values[0].cite; }, '/programs/skill_subsidy/params/max_claims_per_year/values/0', 'missing_citation'],
  ['a placeholder the kind does not have', refining, (p) => { skill(p).conditions[0].text.fail = '还差 {left} 个月'; }, '/programs/skill_subsidy/conditions/0/text/fail', 'unknown_placeholder'],
  ['a rate without %', standalone, (p) => { rate(p).params.total_rate.values[0].value = '1'; }, '/programs/contribution_rate/params/total_rate/values/0/value', 'invalid_value'],
  ['a rate above 100%', standalone, (p) => { rate(p).params.total_rate.values[0].value = '100.5%'; }, '/programs/contribution_rate/params/total_rate/values/0/value', 'invalid_value'],
  ['a count written as a string', refining, (p) => { skill(p).params.max_claims_per_year.values[0].value = '2'; }, '/programs/skill_subsidy/params/max_claims_per_year/values/0/value', 'wrong_type'],
  ['an unknown parameter type', refining, (p) => { skill(p).params.max_claims_per_year.type = 'number'; }, '/programs/skill_subsidy/params/max_claims_per_year/type', 'unknown_kind'],
  ['an unknown condition kind', refining, (p) => { skill(p).conditions[0].kind = 'at_most'; }, '/programs/skill_subsidy/conditions/0/kind', 'unknown_kind'],
  ['a five-digit region', refining, (p) => { p.region = '65000'; }, '/region', 'invalid_value'],
  ['format 2', refining, (p) => { p.format = 2; }, '/format', 'unsupported_format'],
  ['an unknown program', refining, (p) => { p.programs.skill = p.programs.skill_subsidy; delete p.programs.skill_subsidy; }, '/programs', 'unknown_program'],
  ['a when case comparing with a number', refining, (p) => { skill(p).params.max_claims_per_year.values[0].when = [{ fact: 'urgent_occupation', equals: 1, value: 3 }]; }, '/programs/skill_subsidy/params/max_claims_per_year/values/0/when/0/equals', 'wrong_type'],
  ['a forward with more than notes', refining, (p) => { p.forwards = true; }, '/programs/skill_subsidy', 'unknown_key'],
  ['a standalone pack without valid_from', standalone, (p) => { delete rate(p).valid_from; }, '/programs/contribution_rate', 'missing'],
  ['a standalone pack without the amount\'s cite', standalone, (p) => { delete rate(p).amount.cite; }, '/programs/contribution_rate/amount', 'missing_citation'],
];

describe('hand-made bad packs: the schema and the loader both refuse them', () => {
  test('the two packs they start from are good', () => {
    for (const make of [refining, standalone]) {
      assert.deepEqual(schemaErrors('policy', make()), []);
      const r = load('test-schema.json', make());
      assert.ok(r.ok, r.stderr);
    }
  });
  for (const [what, make, change, pointer, code] of BAD) {
    test(what, () => {
      const pack = make();
      change(pack);
      const errors = schemaErrors('policy', pack);
      assert.ok(errors.some((e) => e.startsWith(`${pointer} `)), `schema errors at ${pointer}: ${errors.join('; ')}`);
      const r = load('test-schema.json', pack);
      assert.ok(!r.ok && r.codes.includes(code), `loader: ${code} expected, got ${r.stderr}`);
    });
  }
  test('programs.json: an enum fact without options', () => {
    const doc = readJson(join(rulesDir, 'programs.json'));
    delete doc.programs[0].facts[0].options;
    assert.ok(schemaErrors('programs', doc).some((e) => e.startsWith('/programs/0/facts/0 ')));
    assert.ok(load('programs.json', doc).codes.includes('missing'));
  });
  test('messages.json: a placeholder the message does not have', () => {
    const doc = readJson(join(rulesDir, 'messages.json'));
    doc.messages.yuan.zh = '{amount} 元（{cite}）';
    assert.ok(schemaErrors('messages', doc).some((e) => e.startsWith('/messages/yuan/zh ')));
    assert.ok(load('messages.json', doc).codes.includes('unknown_placeholder'));
  });
  test('regions.json: a prefecture of five digits', () => {
    const doc = readJson(join(rulesDir, 'regions.json'));
    doc.regions.find((r) => r.prefectures).prefectures[0].code = '14030';
    assert.ok(schemaErrors('regions', doc).some((e) => e.includes('/prefectures/0/code ')));
    assert.ok(load('regions.json', doc).codes.includes('invalid_value'));
  });
});

// ---------------------------------------------------------------- 4. mutations

// Codes the loader gives for the shape of what is written, not for what it
// refers to (which a schema cannot see): whenever the loader refuses a
// mutation with only these, the schema must refuse it too. A missing
// citation is one of them where nothing is inherited that could supply it.
const SHAPE = ['unknown_key', 'wrong_type', 'invalid_date', 'unsupported_format', 'unknown_kind', 'unknown_placeholder'];
const shapeCodes = (standing) => new Set(standing === 'refining' || standing === 'forward' ? SHAPE : [...SHAPE, 'missing_citation']);
// Where the schema refuses what the loader lets pass and then ignores (loader
// gaps, reported to the lead): a sum_not_greater rule with no facts to add.
const AHEAD = [/^drop programs\/\d+\/consistency\/\d+\/facts$/];
const MAPS = new Set(['params', 'rate_by_unit_type', 'rate_by_size', 'table', 'messages']); // objects keyed by ids

// Every object of a rule file (not inside "comment"), with a path that
// names its place in the format (indices and ids left out).
function* objects(value, path = [], place = '') {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* objects(value[i], [...path, i], `${place}/[]`);
  } else if (value && typeof value === 'object') {
    yield { path, node: value, place: `${place}~${value.kind ?? value.type ?? ''}` };
    const map = MAPS.has(path.at(-1)) || (path.length === 1 && path[0] === 'programs' && !Array.isArray(value));
    for (const [k, x] of Object.entries(value)) {
      if (k !== 'comment') yield* objects(x, [...path, k], `${place}/${map ? '*' : k}`);
    }
  }
}
const at = (doc, path) => path.reduce((v, k) => v[k], doc);
const other = (v) => (typeof v === 'string' ? 12 : typeof v === 'number' ? '12' : typeof v === 'boolean' ? 'true' : v === null ? 0 : 'x');

/** One mutation of each kind for each place of each kind of rule file. */
function mutations() {
  const seen = new Set();
  const out = [];
  const once = (key, m) => { if (!seen.has(key)) { seen.add(key); out.push(m); } };
  for (const file of ruleFiles) {
    const doc = readJson(file);
    const kind = doc.kind;
    const standing = kind !== 'policy' ? kind : doc.forwards ? 'forward' : doc.extends ? 'refining' : 'standalone';
    for (const { path, node, place } of objects(doc)) {
      const where = `${standing}${place}`;
      once(`add ${where}`, { file, kind, standing, what: `add zz_unknown at ${path.join('/')}`, unknown: true,
        apply: (d) => { at(d, path).zz_unknown = 1; } });
      for (const key of Object.keys(node).filter((k) => k !== 'comment' && k !== '$schema')) {
        once(`drop ${where}/${key}`, { file, kind, standing, what: `drop ${[...path, key].join('/')}`, apply: (d) => { delete at(d, path)[key]; } });
        const v = node[key];
        if (v === null || typeof v !== 'object') {
          once(`retype ${where}/${key}`, { file, kind, standing, what: `retype ${[...path, key].join('/')}`, apply: (d) => { at(d, path)[key] = other(v); } });
        }
      }
    }
  }
  return out;
}

let checked = null;
/** Every mutation through the schema and the loader, once for the tests below. */
function checkMutations() {
  if (checked) return checked;
  checked = { total: 0, acceptedBoth: 0, refusedBoth: 0, onlyLoader: 0, loaderOnly: new Map(), wrong: [], crashes: [] };
  const c = checked;
  for (const m of mutations()) {
    c.total++;
    const doc = readJson(m.file);
    m.apply(doc);
    const errors = schemaErrors(m.kind, doc);
    const where = `${relative(repo, m.file)}: ${m.what}`;
    const r = load(nameInCopy(m.file), doc, where);
    if (r.crashed) {
      c.crashes.push(`${r.crashed}${errors.length ? ' (the schema refuses it)' : ''}`);
    } else if (r.ok) {
      if (errors.length && !AHEAD.some((re) => re.test(m.what))) c.wrong.push(`${where}: the loader accepts it, the schema refuses it (${errors.join('; ')})`);
      else c.acceptedBoth++;
    } else if (errors.length) {
      c.refusedBoth++;
    } else {
      if (m.unknown || r.codes.every((code) => shapeCodes(m.standing).has(code))) {
        c.wrong.push(`${where}: the loader refuses it (${r.codes.join(', ')}), the schema accepts it`);
      }
      c.onlyLoader++;
      for (const code of new Set(r.codes)) c.loaderOnly.set(code, (c.loaderOnly.get(code) ?? 0) + 1);
    }
  }
  return c;
}

test('mutations of every rule file: no false alarm, every unknown key and every shape error caught', (t) => {
  const c = checkMutations();
  t.diagnostic(`${c.total} mutations: ${c.acceptedBoth} accepted by both, ${c.refusedBoth} refused by both, ` +
    `${c.onlyLoader} refused by the loader only (for what they refer to: ${[...c.loaderOnly].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
    `${c.crashes.length} crashed the loader`);
  assert.deepEqual(c.wrong, []);
  assert.ok(c.total > 300, `${c.total} mutations`);
});

// A condition whose kind is missing or unknown, in a program with duration
// bands, once crashed the loader (resolve.cpp fact_cites read the kind of a
// condition left without one) instead of reporting unknown_kind.
test('mutations of every rule file: the loader never crashes', () => {
  assert.deepEqual(checkMutations().crashes, []);
});

// ---------------------------------------------------------------- 5. reforms

const cli = join(repo, 'build', 'native', 'estimate');
/** The reader's verdict on a reform (text or JSON): { ok, codes, stderr }, via estimate --reform FILE --catalog. */
function readReform(doc) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build it first with  cmake --build build/native`);
  const path = join(scratch, 'reform.json');
  writeFileSync(path, typeof doc === 'string' || Buffer.isBuffer(doc) ? doc : JSON.stringify(doc));
  const r = spawnSync(cli, ['--reform', path, '--catalog'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const codes = [...r.stderr.matchAll(/\[([a-z_]+)\]$/gm)].map((m) => m[1]);
  assert.ok(!r.signal, `estimate --reform crashed: ${r.signal}`);
  assert.ok(r.status === 0 || (r.status === 2 && codes.length), `estimate --reform: exit ${r.status} ${r.stderr}`);
  return { ok: r.status === 0, codes, stderr: r.stderr };
}
const reformSchema = schemas['reform.schema.json'];
// The reader's codes for what the schema sees in one file; the others need the
// policy (unknown_param, unknown_fact, unknown_policy, unsupported_param) or
// depend on the parameter's type (value: 40 is a count, "1500" a sum of money).
const REFORM_SHAPE = new Set(['kind', 'format', 'required', 'set', 'too_many', 'unknown_key', 'type', 'unknown_program']);

describe('reforms: reform.schema.json and the reader (core/src/reform/reform.cpp)', () => {
  test('rules/reforms/ holds examples, each naming the schema, passing it and accepted by the reader', () => {
    assert.ok(reformFiles.length >= 3, `${reformFiles.length} examples`);
    for (const file of reformFiles) {
      const doc = readJson(file);
      assert.equal(doc.kind, 'reform', relative(repo, file));
      assert.equal(doc.$schema, '../schema/reform.schema.json', relative(repo, file));
      assert.deepEqual(schemaErrors('reform', doc), [], relative(repo, file));
      assert.ok(typeof doc.comment === 'string' && /\[V(-sec)?\]|\[V-sec:|\[V\]/.test(doc.comment), `${relative(repo, file)}: a comment citing what is verified`);
      const r = readReform(doc);
      assert.ok(r.ok, `${relative(repo, file)}: ${r.stderr}`);
    }
  });

  test('every check_keys list of the reader is a schema object with exactly those keys', () => {
    const lists = [...source('reform/reform.cpp').matchAll(/check_keys\([^,()]+, [^,]+, (\{[^}]*\})\)/g)].map((m) => words(m[1]).filter((k) => k !== '$schema' && k !== 'comment').sort());
    const refs = ['reform.schema.json#', 'reform.schema.json#/definitions/cased', 'reform.schema.json#/definitions/case'];
    assert.equal(lists.length, refs.length, `reform.cpp: ${lists.length} check_keys calls; this test knows ${refs.length}`);
    lists.forEach((keys, i) => assert.deepEqual(keysOf(resolve(refs[i], 'reform.schema.json'), 'reform.schema.json'), keys, refs[i]));
    assert.deepEqual(reformSchema.required.slice().sort(), ['base', 'format', 'id', 'kind', 'program', 'set', 'title']);
  });

  test('the limits are reform.h\'s and the program ids programs.json\'s', () => {
    const h = read(join(repo, 'core', 'src', 'reform', 'reform.h'));
    const limit = (name) => Number(h.match(new RegExp(`${name} = ([0-9]+)`))[1]);
    assert.equal(reformSchema.properties.set.maxProperties, limit('kReformMaxParams'));
    assert.equal(reformSchema.definitions.cased.properties.when.maxItems, limit('kReformMaxCases'));
    assert.equal(reformSchema.properties.title.maxLength, limit('kReformMaxTitleChars'));
    assert.equal(reformSchema.properties.title_en.maxLength, limit('kReformMaxTitleChars'));
    assert.match(reformSchema.properties.id.pattern, new RegExp(`\\{1,${limit('kReformMaxIdChars')}\\}`));
    const programs = readJson(join(rulesDir, 'programs.json')).programs.map((p) => p.id).sort();
    assert.deepEqual(reformSchema.properties.program.enum.slice().sort(), programs);
  });

  test('the hostile corpus (tests/malformed/reforms.jsonl): the schema accepts the good, refuses every shape error', async () => {
    const { loadCases } = await import('../malformed/corpus.mjs');
    const cases = loadCases(join(repo, 'tests', 'malformed', 'reforms.jsonl'));
    assert.ok(cases.length >= 80);
    let judged = 0;
    for (const c of cases) {
      let doc;
      try { doc = JSON.parse(c.bytes.toString('utf8')); } catch { continue; }  // not JSON: no schema judges it
      if (c.bytes.includes(0)) continue;
      if (c.name === 'format_float') continue;  // 1.0: JSON.parse makes it 1, so a validator of parsed JSON cannot tell
      judged++;
      const errors = schemaErrors('reform', doc);
      if (c.expect.ok) assert.deepEqual(errors, [], `${c.name}: the reader accepts it`);
      else if (REFORM_SHAPE.has(c.expect.code)) assert.ok(errors.length, `${c.name}: the reader refuses it (${c.expect.code} at ${c.expect.path}), the schema accepts it`);
    }
    assert.ok(judged >= 60, `${judged} cases judged`);
  });

  test('mutations of the examples: the schema never refuses what the reader accepts, and refuses every shape error', () => {
    const wrong = [];
    let total = 0;
    for (const file of reformFiles) {
      const base = readJson(file);
      const mutants = [];
      for (const { path, node } of objects(base)) {
        // In set, a key is a parameter id (unknown_param, which the schema cannot know).
        mutants.push([`add zz_unknown at /${path.join('/')}`, path.at(-1) !== 'set', (d) => { at(d, path).zz_unknown = 1; }]);
        for (const key of Object.keys(node).filter((k) => k !== 'comment' && k !== '$schema')) {
          const v = node[key];
          mutants.push([`drop /${[...path, key].join('/')}`, false, (d) => { delete at(d, path)[key]; }]);
          if (v === null || typeof v !== 'object') mutants.push([`retype /${[...path, key].join('/')}`, false, (d) => { at(d, path)[key] = other(v); }]);
        }
      }
      for (const [what, unknown, apply] of mutants) {
        total++;
        const doc = readJson(file);
        apply(doc);
        const errors = schemaErrors('reform', doc);
        const r = readReform(doc);
        const where = `${relative(repo, file)}: ${what}`;
        if (r.ok && errors.length) wrong.push(`${where}: the reader accepts it, the schema refuses it (${errors.join('; ')})`);
        if (!r.ok && !errors.length && (unknown || r.codes.every((code) => REFORM_SHAPE.has(code)))) {
          wrong.push(`${where}: the reader refuses it (${r.codes.join(', ')}), the schema accepts it`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(total > 40, `${total} mutations`);
  });
});
