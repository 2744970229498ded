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
// And the receipt's QR encoder (npm's qrcode-generator) as an ES module,
// vendor/qr.mjs, whose default export is the package's qrcode(), imported by
// web/receipt.mjs only when a receipt or a kiosk's result is shown.
//
//   node scripts/bundle-vendor.mjs SITE_DIR    writes SITE_DIR/screen/vendor/xlsx-read.js and xlsx-write.js,
//                                              SITE_DIR/vendor/qr.mjs
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/bundle-vendor.mjs SITE_DIR');
  process.exit(2);
}
let esbuild;
try {
  esbuild = (await import('esbuild')).default;
} catch (e) {
  console.error('bundle-vendor: esbuild is missing (npm ci installs it: bash scripts/install-deps.sh)');
  process.exit(1);
}
const shim = join(repo, 'scripts', 'vendor', 'fflate-sync.mjs');
const fflateSync = {
  name: 'fflate-sync',
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};
const common = {
  bundle: true, minify: true, platform: 'browser', target: 'es2017', legalComments: 'inline',
  absWorkingDir: repo, nodePaths: [join(repo, 'node_modules')], plugins: [fflateSync], logLevel: 'warning',
};
const entries = [
  ['screen/vendor/xlsx-read.js', 'UieXlsxRead', 'export { readSheet, readSheetRows, readWorkbook, DEFAULT_LIMITS, XlsxLimitError, XlsxUnreadableError } ' +
    "from './scripts/vendor/xlsx-read.mjs';"],
  ['screen/vendor/xlsx-write.js', 'UieXlsxWrite', "export { default as writeWorkbook } from 'write-excel-file/universal';"],
  ['vendor/qr.mjs', null, "export { default } from 'qrcode-generator';"],
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
    // The licence file, else (qrcode-generator has none) the package's main file, whose header names the licence.
    const licence = existsSync(join(dir, 'LICENSE')) ? readFileSync(join(dir, 'LICENSE'), 'utf8')
      : readFileSync(join(dir, pkg.main || 'index.js'), 'utf8').slice(0, 2000);
    const copyright = licence.split('\n').map((l) => l.replace(/^\s*(\/\/|\*)?\s*/, '').trim())
      .filter((l) => /^Copyright/i.test(l)).join('; ');
    return ` * ${name} ${pkg.version} (${pkg.license})${copyright ? ` ${copyright}` : ''}`;
  });
  return `/*!\n * Bundled by scripts/bundle-vendor.mjs from npm packages:\n${lines.join('\n')}\n */\n`;
}

for (const [file, globalName, contents] of entries) {
  const outfile = join(out, file);
  mkdirSync(dirname(outfile), { recursive: true });
  // A global for importScripts() in the screening Worker; an ES module for import().
  const format = globalName ? { format: 'iife', globalName } : { format: 'esm' };
  const r = await esbuild.build({ ...common, ...format, outfile, metafile: true, stdin: { contents, resolveDir: repo, loader: 'js' } });
  writeFileSync(outfile, notice(r.metafile) + readFileSync(outfile, 'utf8'));
}
