// Static checks on the package: forbidden dynamic code, and the wasm features.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// Mini-programs refuse eval and new Function (new Function('return this') is
// tolerated, but nothing here needs it). Function(...) without new is the
// same thing. Property names such as .evaluate( or "eval" in a string key do
// not match.
const FORBIDDEN = [
  { name: 'new Function', re: /\bnew\s+Function\s*\(/g },
  { name: 'eval(', re: /(^|[^\w$.])eval\s*\(/g },
  { name: 'Function(', re: /(^|[^\w$.])Function\s*\(\s*['"`]/g },
  { name: 'setTimeout with a string', re: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/g },
];

/** The forbidden constructs in a source text, each with its line. */
function forbiddenCode(text) {
  const hits = [];
  for (const { name, re } of FORBIDDEN) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text))) {
      const line = text.slice(0, m.index).split('\n').length;
      hits.push(`${name} at line ${line}: ${text.slice(Math.max(0, m.index - 20), m.index + 40).replace(/\s+/g, ' ')}`);
    }
  }
  return hits;
}

/**
 * Validates a wasm binary with binaryen's wasm-opt allowing MVP features only
 * (plus mutable globals, which every WeChat runtime has). Returns
 * {ok, output}; throws when wasm-opt is not installed.
 */
function checkMvp(wasmBytes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvp-'));
  try {
    const f = path.join(dir, 'm.wasm');
    fs.writeFileSync(f, wasmBytes);
    const r = spawnSync('wasm-opt', ['--mvp-features', '--enable-mutable-globals', f, '-o', path.join(dir, 'out.wasm')], { encoding: 'utf8' });
    if (r.error) throw new Error(`wasm-opt (binaryen) is needed for the MVP check: ${r.error.message}`);
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal module that uses one post-MVP opcode (i32.extend8_s, sign-ext). */
function signExtModule() {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,   // type (i32) -> i32
    0x03, 0x02, 0x01, 0x00,                           // one function of that type
    0x0a, 0x07, 0x01, 0x05, 0x00, 0x20, 0x00, 0xc0, 0x0b, // local.get 0; i32.extend8_s; end
  ]);
}

/** Same module with the MVP-only body (local.get 0; end). */
function mvpModule() {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00,
    0x0a, 0x06, 0x01, 0x04, 0x00, 0x20, 0x00, 0x0b,
  ]);
}

/** Tags of a WXML text: [{tag, attrs: {name: value}, line}]. Enough for the checks here. */
function wxmlTags(text) {
  const out = [];
  const re = /<([a-z][a-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m;
  while ((m = re.exec(text))) {
    const attrs = {};
    const are = /([a-zA-Z_:][\w:.-]*)(?:\s*=\s*("[^"]*"|'[^']*'))?/g;
    let a;
    while ((a = are.exec(m[2]))) attrs[a[1]] = a[2] ? a[2].slice(1, -1) : '';
    out.push({ tag: m[1], attrs, line: text.slice(0, m.index).split('\n').length, index: m.index });
  }
  return out;
}

/** WXSS rules as [{selectors: [..], decls: {prop: value}}] (no nesting in WXSS). */
function wxssRules(text) {
  const clean = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  const re = /([^{}]+)\{([^}]*)\}/g;
  let m;
  while ((m = re.exec(clean))) {
    const decls = {};
    for (const d of m[2].split(';')) {
      const i = d.indexOf(':');
      if (i > 0) decls[d.slice(0, i).trim()] = d.slice(i + 1).trim();
    }
    out.push({ selectors: m[1].split(',').map((s) => s.trim()), decls });
  }
  return out;
}

module.exports = { forbiddenCode, checkMvp, signExtModule, mvpModule, wxmlTags, wxssRules };
