// Reads tests/malformed/cases.jsonl into { name, category, bytes (Buffer), expect }
// (the format is in tests/malformed/README.md; the C++ reader is tests/hostile/corpus.cpp).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const corpusPath = join(dirname(fileURLToPath(import.meta.url)), 'cases.jsonl');

function expandGen(gen) {
  const parts = gen.parts;
  let fixed = 0;
  let fill = null;
  for (const [text, count] of parts) {
    if (count === 'fill') fill = text;
    else fixed += Buffer.byteLength(text) * count;
  }
  const fillCount = fill === null ? 0 : (gen.total - fixed) / Buffer.byteLength(fill);
  const out = Buffer.concat(parts.map(([text, count]) => Buffer.from(text.repeat(count === 'fill' ? fillCount : count))));
  if (gen.total !== undefined && out.length !== gen.total) throw new Error('gen: total does not match the parts');
  return out;
}

export function loadCases(path = corpusPath) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
    const c = JSON.parse(line);
    let bytes;
    if ('text' in c) bytes = Buffer.from(c.text, 'utf8');
    else if ('b64' in c) bytes = Buffer.from(c.b64, 'base64');
    else bytes = expandGen(c.gen);
    return { name: c.name, category: c.category, bytes, expect: c.expect };
  });
}
