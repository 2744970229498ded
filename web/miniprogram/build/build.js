#!/usr/bin/env node
// Puts the web page's own estimator and front-end layer into the
// mini-program package, so the package is self-contained.
//
//   node web/miniprogram/build/build.js [--check]
//
// Copies, byte for byte, what the web page serves from the wasm build
// (build/wasm/site/, or $UIE_WASM_DIR if set) into core/:
//   estimator.js      the Emscripten glue (MODULARIZE, CommonJS-compatible)
//   estimator-api.js  the facade: load once, reuse, replace a trapped instance
//   estimator-batch.js the facade's extension with Estimator#compare (the
//                     comparison of a result across the years)
// and compresses estimator.wasm to estimator.wasm.br (brotli -q 11), the form
// WXWebAssembly.instantiate reads from the package (base library >= 2.14.0).
// The rule packs are compiled into the wasm, so no rule file is copied.
// And the shared front-end layer, from the source tree (web/shared/, not the
// site's minified copy), into shared/:
//   uie-words.js, uie-answers.js, uie-views.js, uie-front.js
//                     the shared layer: words, answers and controls, views,
//                     and the namespace over them
//   journey.js        the journey every front end runs (what to ask next,
//                     answers into facts, edits, the date or region changed)
//   uie-compare.js    the comparison's view (与往年比较), as the page draws it
//   uie-share.js      share links and a receipt's link (uie-front.js requires it)
//
// Nothing is patched: the glue already carries the WXWebAssembly alias
// (wasm/js/wx-prejs.js, linked with --pre-js), and the mini-program hands the
// facade its own loader (core/engine.js).
//
// --check: change nothing; exit 1 if the package is missing or stale.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(PACKAGE_ROOT, '..', '..');
const CORE_DIR = path.join(PACKAGE_ROOT, 'core');
const SHARED_SRC = path.join(REPO_ROOT, 'web', 'shared');
const SHARED_DIR = path.join(PACKAGE_ROOT, 'shared');
const SHARED = ['uie-words.js', 'uie-answers.js', 'uie-views.js', 'uie-front.js', 'journey.js', 'uie-compare.js', 'uie-share.js'];

/** Where the web page's estimator files are taken from. */
function sourceDir() {
  if (process.env.UIE_WASM_DIR) return path.resolve(process.env.UIE_WASM_DIR);
  return path.join(REPO_ROOT, 'build', 'wasm', 'site');
}

const COPIED = ['estimator.js', 'estimator-api.js', 'estimator-batch.js'];
const WASM = 'estimator.wasm';
const WASM_BR = 'estimator.wasm.br';

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function missingSources(dir) {
  return [...COPIED, WASM].filter((f) => !fs.existsSync(path.join(dir, f)))
    .concat(SHARED.filter((f) => !fs.existsSync(path.join(SHARED_SRC, f))).map((f) => `web/shared/${f}`));
}

function sameBytes(src, dst) {
  return fs.existsSync(dst) && fs.readFileSync(dst).equals(fs.readFileSync(src));
}

/** Lists what differs between the package and the sources ([] when fresh). */
function staleFiles(dir = sourceDir()) {
  const stale = [];
  for (const f of COPIED) if (!sameBytes(path.join(dir, f), path.join(CORE_DIR, f))) stale.push(f);
  for (const f of SHARED) if (!sameBytes(path.join(SHARED_SRC, f), path.join(SHARED_DIR, f))) stale.push(`shared/${f}`);
  const br = path.join(CORE_DIR, WASM_BR);
  let fresh = false;
  if (fs.existsSync(br)) {
    try {
      fresh = sha256(zlib.brotliDecompressSync(fs.readFileSync(br))) === sha256(fs.readFileSync(path.join(dir, WASM)));
    } catch (e) {
      fresh = false;
    }
  }
  if (!fresh) stale.push(WASM_BR);
  return stale;
}

/** Writes through a temporary file, so a reader never sees half a file. */
function writeAtomic(dst, bytes) {
  const tmp = `${dst}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, dst);
}

function brotli(wasmPath) {
  // The Debian brotli CLI (what the team's toolchain notes use); Node's zlib
  // has the same encoder and is the fallback where the CLI is not installed.
  const tmp = path.join(CORE_DIR, `${WASM_BR}.${process.pid}.cli.tmp`);
  const r = spawnSync('brotli', ['-q', '11', '-f', '-o', tmp, wasmPath], { encoding: 'utf8' });
  if (r.status === 0) {
    const out = fs.readFileSync(tmp);
    fs.rmSync(tmp, { force: true });
    return out;
  }
  fs.rmSync(tmp, { force: true });
  if (!r.error) throw new Error(`brotli failed: ${r.stderr}`);
  process.stderr.write('build.js: the brotli CLI is not installed; using Node\'s zlib brotli (quality 11)\n');
  return zlib.brotliCompressSync(fs.readFileSync(wasmPath), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC },
  });
}

/** Builds the package's core/ from `dir`; returns what was (re)written. */
function build(dir = sourceDir()) {
  const missing = missingSources(dir);
  if (missing.length) {
    const err = new Error(
      `The wasm build is missing (${missing.join(', ')} not in ${dir}).\n` +
      'Build it first: cmake --preset wasm && cmake --build --preset wasm');
    err.code = 'NO_WASM_BUILD';
    throw err;
  }
  fs.mkdirSync(CORE_DIR, { recursive: true });
  fs.mkdirSync(SHARED_DIR, { recursive: true });
  const stale = staleFiles(dir);
  for (const f of stale) {
    if (f.startsWith('shared/')) {
      writeAtomic(path.join(PACKAGE_ROOT, f), fs.readFileSync(path.join(SHARED_SRC, f.slice('shared/'.length))));
    } else if (f === WASM_BR) {
      const br = brotli(path.join(dir, WASM));
      // Check the round trip before it goes into the package.
      if (!zlib.brotliDecompressSync(br).equals(fs.readFileSync(path.join(dir, WASM)))) {
        throw new Error('brotli round trip changed the wasm');
      }
      writeAtomic(path.join(CORE_DIR, WASM_BR), br);
    } else {
      writeAtomic(path.join(CORE_DIR, f), fs.readFileSync(path.join(dir, f)));
    }
  }
  return stale;
}

function sizes() {
  const out = {};
  for (const f of [...COPIED.map((x) => `core/${x}`), `core/${WASM_BR}`, ...SHARED.map((x) => `shared/${x}`)]) {
    const p = path.join(PACKAGE_ROOT, f);
    if (fs.existsSync(p)) out[f] = fs.statSync(p).size;
  }
  return out;
}

module.exports = { build, staleFiles, sourceDir, sizes, PACKAGE_ROOT, REPO_ROOT, CORE_DIR, SHARED_DIR, SHARED_SRC, WASM_BR };

if (require.main === module) {
  try {
    if (process.argv.includes('--check')) {
      const missing = missingSources(sourceDir());
      const stale = missing.length ? missing : staleFiles();
      if (stale.length) {
        console.error(`mini-program package is stale: ${stale.join(', ')} (run node web/miniprogram/build/build.js)`);
        process.exit(1);
      }
      console.log('mini-program package is up to date');
    } else {
      const written = build();
      const s = sizes();
      console.log(`mini-program core from ${path.relative(REPO_ROOT, sourceDir()) || '.'} and web/shared/: ` +
        (written.length ? `wrote ${written.join(', ')}` : 'already up to date'));
      for (const [f, n] of Object.entries(s)) console.log(`  ${f}  ${n} bytes`);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(e.code === 'NO_WASM_BUILD' ? 2 : 1);
  }
}
