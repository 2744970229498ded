// Paths and fixtures shared by the mini-program tests.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE_ROOT = path.join(REPO_ROOT, 'web', 'miniprogram');
const builder = require(path.join(PACKAGE_ROOT, 'build', 'build.js'));
const NATIVE_CLI = process.env.UIE_NATIVE_CLI
  ? path.resolve(process.env.UIE_NATIVE_CLI)
  : path.join(REPO_ROOT, 'build', 'native', 'estimate');
const SCENARIO_DIR = path.join(REPO_ROOT, 'tests', 'scenarios');
const SHARED_EXAMPLES = path.join(REPO_ROOT, '..', 'shared', 'spec', 'examples.jsonl');

/**
 * Makes sure web/miniprogram/core/ holds the current wasm build (copying it
 * with build/build.js when stale). Throws with the build command when the
 * wasm build does not exist: every test here needs the real module.
 */
function ensurePackage() {
  builder.build();
  return PACKAGE_ROOT;
}

/** Every scenario request of tests/scenarios/*.json, named "file: name". */
function scenarioRequests() {
  const out = [];
  if (fs.existsSync(SCENARIO_DIR)) {
    for (const f of fs.readdirSync(SCENARIO_DIR).filter((n) => n.endsWith('.json')).sort()) {
      const doc = JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, f), 'utf8'));
      for (const s of doc.scenarios || []) out.push({ name: `${f}: ${s.name}`, request: s.request });
    }
  }
  return out;
}

/** The worked examples of shared/spec/examples.jsonl, where the checkout has them. */
function exampleRequests() {
  if (!fs.existsSync(SHARED_EXAMPLES)) return [];
  return fs.readFileSync(SHARED_EXAMPLES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const e = JSON.parse(l);
    return { name: `examples.jsonl: ${e.name}`, request: e.request };
  });
}

function nativeAvailable() {
  return fs.existsSync(NATIVE_CLI);
}

/** Runs the native CLI once over many request texts (--jsonl); one response text each. */
function nativeResponses(texts) {
  const r = spawnSync(NATIVE_CLI, ['--jsonl'], { input: texts.join('\n') + '\n', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${NATIVE_CLI} --jsonl exited ${r.status}: ${r.stderr}`);
  const lines = r.stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== texts.length) throw new Error(`expected ${texts.length} responses from the CLI, got ${lines.length}`);
  return lines;
}

/** One request through the CLI's single-request mode (stdin → stdout). */
function nativeResponse(text) {
  const r = spawnSync(NATIVE_CLI, [], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${NATIVE_CLI} exited ${r.status}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}

/** Files of the package as WeChat would upload them (project.config.json packOptions.ignore applied). */
function packageFiles(root = PACKAGE_ROOT) {
  let ignore = [];
  const cfgPath = path.join(root, 'project.config.json');
  if (fs.existsSync(cfgPath)) {
    const cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8'));
    ignore = (cfg.packOptions && cfg.packOptions.ignore) || [];
  }
  const ignoredFolders = ignore.filter((i) => i.type === 'folder').map((i) => i.value.replace(/\/+$/, ''));
  const ignoredFiles = ignore.filter((i) => i.type === 'file').map((i) => i.value);
  const out = [];
  (function walk(dir) {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, ent.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (ent.isDirectory()) {
        if (ent.name === 'node_modules' || ignoredFolders.includes(rel)) continue;
        walk(abs);
      } else if (!ignoredFiles.includes(rel) && !ent.name.endsWith('.tmp')) {
        out.push(rel);
      }
    }
  })(root);
  return out.sort();
}

module.exports = {
  REPO_ROOT, PACKAGE_ROOT, NATIVE_CLI, builder,
  ensurePackage, scenarioRequests, exampleRequests, nativeAvailable, nativeResponses, nativeResponse, packageFiles,
};
