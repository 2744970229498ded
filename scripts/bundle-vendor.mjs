#!/usr/bin/env node
// Bundles the screening page's XLSX reader and writer into two classic
// scripts for importScripts() in the screening Worker, loaded only when an
// XLSX file is read or written: the reader is our own (scripts/vendor/
// xlsx-read.mjs, on fflate's unzipSync), the writer npm's write-excel-file
// (on fflate). Both are ES modules (and write-excel-file's own bundles start
// blob: Workers, which the page's CSP forbids), so they are bundled here at
// build time with esbuild, fflate's asynchronous calls replaced by its
// synchronous ones (scripts/vendor/fflate-sync.mjs). The reader's global
// UieXlsxRead: readSheetRows (the streaming entry point), readSheet,
// readWorkbook, DEFAULT_LIMITS, XlsxLimitError, XlsxUnreadableError.
//
//   node scripts/bundle-vendor.mjs OUT_DIR     writes OUT_DIR/xlsx-read.js and xlsx-write.js
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/bundle-vendor.mjs OUT_DIR');
  process.exit(2);
}
let esbuild;
try {
  esbuild = (await import('esbuild')).default;
} catch (e) {
  console.error('bundle-vendor: esbuild is missing (npm ci installs it: bash scripts/install-deps.sh)');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const shim = join(repo, 'scripts', 'vendor', 'fflate-sync.mjs');
const fflateSync = {
  name: 'fflate-sync',
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};
const common = {
  bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2017', legalComments: 'inline',
  absWorkingDir: repo, nodePaths: [join(repo, 'node_modules')], plugins: [fflateSync], logLevel: 'warning',
};
const entries = [
  ['xlsx-read.js', 'UieXlsxRead', 'export { readSheet, readSheetRows, readWorkbook, DEFAULT_LIMITS, XlsxLimitError, XlsxUnreadableError } ' +
    "from './scripts/vendor/xlsx-read.mjs';"],
  ['xlsx-write.js', 'UieXlsxWrite', "export { default as writeWorkbook } from 'write-excel-file/universal';"],
];
// Each bundle opens with the packages it holds, their versions, licences and
// copyright lines (the licences ask for the notice to travel with the code).
function notice(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.add(m[1]);
  }
  const lines = [...packages].sort().map((name) => {
    const dir = join(repo, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licence = existsSync(join(dir, 'LICENSE')) ? readFileSync(join(dir, 'LICENSE'), 'utf8') : '';
    const copyright = licence.split('\n').filter((l) => /^\s*Copyright/i.test(l)).map((l) => l.trim()).join('; ');
    return ` * ${name} ${pkg.version} (${pkg.license})${copyright ? ` ${copyright}` : ''}`;
  });
  return `/*!\n * Bundled by scripts/bundle-vendor.mjs from npm packages:\n${lines.join('\n')}\n */\n`;
}

for (const [file, globalName, contents] of entries) {
  const outfile = join(out, file);
  const r = await esbuild.build({ ...common, globalName, outfile, metafile: true, stdin: { contents, resolveDir: repo, loader: 'js' } });
  writeFileSync(outfile, notice(r.metafile) + readFileSync(outfile, 'utf8'));
}
