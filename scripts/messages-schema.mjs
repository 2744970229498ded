// Regenerates rules/schema/messages.schema.json from its two owners: the
// message ids and placeholders of core/src/model/messages.cpp (message_defs)
// and the current Chinese of rules/messages.json (shown on hover). Run it
// after adding or changing a message:  node scripts/messages-schema.mjs
// (`--check` only says whether the file is up to date; tests/js/schema.test.mjs
// checks the schema against the loader either way).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cpp = readFileSync(`${root}core/src/model/messages.cpp`, 'utf8');
const current = JSON.parse(readFileSync(`${root}rules/messages.json`, 'utf8')).messages;
const defs = [...cpp.matchAll(/\{"(\w+)", \{([^}]*)\}\}/g)]
  .map(([, id, slots]) => ({ id, slots: [...slots.matchAll(/"(\w+)"/g)].map((m) => m[1]) }));

const placeholder = (slots) => slots.map((s) => `{${s}}`).join('、');
function entry({ id, slots }) {
  const zh = current[id] ? current[id].zh : '';
  const e = {
    description: `${slots.length ? `占位符：${placeholder(slots)}` : '没有占位符'}。现在的中文：${zh}`,
    allOf: [{ $ref: '#/definitions/message' }],
  };
  // Any text but a {name}, except the message's own placeholders.
  const own = slots.length ? `|\\{(?:${slots.join('|')})\\}` : '';
  e.patternProperties = {
    '^(zh|en)$': {
      pattern: `^(?:[^{]|\\{(?![a-z0-9_]+\\})${own})*$`,
      patternErrorMessage: slots.length
        ? `这句话只能用占位符 ${placeholder(slots)}（别的 {name} 加载器会拒绝：unknown_placeholder）。`
        : '这句话不能用占位符（{name} 形式的写法加载器会拒绝：unknown_placeholder）。',
    },
  };
  return e;
}

const path = `${root}rules/schema/messages.schema.json`;
const schema = JSON.parse(readFileSync(path, 'utf8'));
const messages = schema.properties.messages;
messages.required = defs.map((d) => d.id);
messages.properties = Object.fromEntries(defs.map((d) => [d.id, entry(d)]));
const text = `${JSON.stringify(schema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(path, 'utf8') === text;
  console.log(same ? 'messages.schema.json is up to date' : 'messages.schema.json is out of date: run node scripts/messages-schema.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(path, text);
console.log(`messages.schema.json: ${defs.length} messages`);
