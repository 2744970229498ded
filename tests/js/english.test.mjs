// English is complete: every sentence a pack holds has an English twin with
// the same placeholders (checked on the files), and an English answer to every
// scenario vector carries no Chinese beyond what the engine interpolates from
// data that stays Chinese — citation tags, document numbers, the law's own
// quoted words in rules/messages.json `en`, and what the request itself gave.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';

import { estimator, repo, scenarios } from './lib/env.mjs';

const rulesDir = join(repo, 'rules');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // rules/schema/ and rules/reforms/ (the example what-ifs) hold no pack.
    if (statSync(path).isDirectory()) return name === 'schema' || name === 'reforms' ? [] : files(path);
    return name.endsWith('.json') ? [path] : [];
  });
}
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const all = files(rulesDir).map((path) => ({ name: relative(rulesDir, path), doc: read(path) }));
const policies = all.filter((f) => f.doc.kind === 'policy');
const programs = all.find((f) => f.doc.kind === 'programs');
const messages = all.find((f) => f.doc.kind === 'messages');

// Chinese characters, CJK punctuation and full-width forms: none of them belongs in English.
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
// A document number such as 粤人社规〔2020〕6号: an English sentence names a document by it.
const DOC_NO = /\p{Script=Han}+〔\d{4}〕\d+号/gu;
const placeholders = (s) => (s.match(/\{[a-z_]+\}/g) || []).sort();

// Every translatable member of a pack: the keys the pack readers take a `_en` twin of
// (core/src/pack/read_policy.cpp, read_params.cpp, programs.cpp). Citations and
// comments are not sentences shown to a reader in another language.
const TRANSLATED = { policy: ['text', 'whatif'], programs: ['help', 'message'] };
function members(node, keys, at, out) {
  if (Array.isArray(node)) node.forEach((v, i) => members(v, keys, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'cite' || k === 'validity_cite' || k === 'extension_cite' || k === 'comment') continue;
      if (keys.includes(k) && (typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v)))) {
        out.push({ at: `${at}/${k}`, zh: v, en: node[`${k}_en`] });
      } else members(v, keys, `${at}/${k}`, out);
    }
  }
  return out;
}

// The pass/fail/unknown sentences of a text object, or the one sentence.
const sentences = (v) => (typeof v === 'string' ? [['', v]] : Object.entries(v).map(([k, s]) => [`/${k}`, s]));

describe('every sentence of every pack has English', () => {
  const checked = [];
  for (const f of [...policies, programs]) {
    const list = members(f.doc, TRANSLATED[f.doc.kind], '', []);
    checked.push(...list);
    test(f.name, () => {
      for (const m of list) {
        assert.ok(m.en !== undefined, `${f.name}${m.at}: no ${m.at.split('/').pop()}_en beside it`);
        assert.equal(typeof m.en, typeof m.zh, `${f.name}${m.at}_en: not the same shape as the Chinese`);
        const zh = sentences(m.zh);
        const en = new Map(sentences(m.en));
        assert.deepEqual([...en.keys()].sort(), zh.map(([k]) => k).sort(), `${f.name}${m.at}_en: other members than the Chinese`);
        for (const [k, s] of zh) {
          const e = en.get(k);
          assert.ok(typeof e === 'string' && e.trim(), `${f.name}${m.at}_en${k}: empty`);
          assert.deepEqual(placeholders(e), placeholders(s), `${f.name}${m.at}_en${k}: placeholders differ from the Chinese`);
          assert.ok(!CJK.test(e.replace(DOC_NO, '')), `${f.name}${m.at}_en${k}: Chinese outside a document number: ${e}`);
        }
      }
    });
  }
  test('the check above sees the sentences (conditions, what-ifs, notes, help, messages)', () => {
    assert.ok(checked.length > 200, `only ${checked.length} translatable members found`);
    for (const part of ['/conditions/', '/whatif', '/notes/', '/amount/text', '/help', '/message']) {
      assert.ok(checked.some((m) => m.at.includes(part)), `no ${part} member found: the walk misses a kind of sentence`);
    }
  });
});

// ---- English answers ----

// What an English answer may carry in Chinese, from data that stays Chinese by design.
function allowedChinese() {
  const allowed = new Set();
  const cites = (node, docNo) => {
    if (Array.isArray(node)) node.forEach((v) => cites(v, docNo));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (/cite$/.test(k) && v && typeof v === 'object') {
          // The tag a note or amount sentence ends with (core/src/render/static_json.cpp).
          allowed.add(`（${v.doc_no || docNo} ${v.clause}）`);
          if (v.doc_no) allowed.add(v.doc_no);
        } else cites(v, docNo);
      }
    }
  };
  for (const p of policies) {
    allowed.add(p.doc.doc_no);
    cites(p.doc, p.doc.doc_no);
  }
  // The law's own words the engine's English messages quote, such as “不超过”.
  for (const m of Object.values(messages.doc.messages)) {
    for (const run of m.en.match(/“[^”]*\p{Script=Han}[^”]*”/gu) || []) allowed.add(run);
  }
  // Longest first, so a tag goes before the document number inside it.
  return [...allowed].sort((a, b) => b.length - a.length);
}
const ALLOWED = allowedChinese();

// The strings of the request (a value the person typed is echoed as typed).
function requestStrings(node, out = []) {
  if (typeof node === 'string') out.push(node, JSON.stringify(node));
  else if (node && typeof node === 'object') Object.values(node).forEach((v) => requestStrings(v, out));
  return out;
}

/** The sentences of an answer, each with where it was found. */
function answerTexts(r) {
  const out = [];
  const conditions = (list, at) => (list || []).forEach((c, i) => {
    if (typeof c.text === 'string') out.push([`${at}/${i}/text`, c.text]);
    conditions(c.of, `${at}/${i}/of`);
  });
  conditions(r.conditions, '/conditions');
  (r.whatif || []).forEach((w, i) => out.push([`/whatif/${i}/text`, w.text]));
  (r.notes || []).forEach((n, i) => out.push([`/notes/${i}`, n]));
  if (r.error) out.push(['/error/message', r.error.message]);
  return out;
}

/** The Chinese left in a sentence once the allowed data is taken out, or ''. */
function leftoverChinese(text, request) {
  let s = text;
  for (const a of [...requestStrings(request).sort((a, b) => b.length - a.length), ...ALLOWED]) {
    if (!a || !CJK.test(a)) continue;
    // A document number is taken out whole, never from inside a longer one
    // (人社厅发〔2020〕24号 inside 青人社厅发〔2020〕24号).
    if (new RegExp(`^${DOC_NO.source}$`, 'u').test(a)) {
      s = s.replace(new RegExp(`(?<!\\p{Script=Han})${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gu'), ' ');
    } else {
      s = s.split(a).join(' ');
    }
  }
  s = s.replace(DOC_NO, ' ');
  const m = s.match(new RegExp(`.{0,12}${CJK.source}.{0,12}`, 'u'));
  return m ? m[0] : '';
}

describe('an English answer to every scenario vector is English', () => {
  const vectors = scenarios();
  test('the check finds the Chinese of a Chinese answer (it can fail)', async () => {
    const e = await estimator();
    const found = [];
    for (const v of vectors.slice(0, 20)) {
      for (const [, text] of answerTexts(await e.estimate(v.request))) if (leftoverChinese(text, v.request)) found.push(text);
    }
    assert.ok(found.length > 20, `the Chinese answers had only ${found.length} Chinese sentences`);
  });
  test('every vector answered in English', async () => {
    const e = await estimator();
    const problems = [];
    let sentencesSeen = 0;
    for (const v of vectors) {
      const r = await e.estimate(v.request, { lang: 'en' });
      for (const [at, text] of answerTexts(r)) {
        sentencesSeen += 1;
        const left = leftoverChinese(text, v.request);
        if (left) problems.push(`${v.file} “${v.name}” ${at}: …${left}… in ${JSON.stringify(text)}`);
      }
    }
    assert.ok(sentencesSeen > vectors.length * 3, `only ${sentencesSeen} sentences in ${vectors.length} answers`);
    assert.deepEqual(problems, []);
  });
});
