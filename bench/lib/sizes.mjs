// Download size: raw, gzip -9 and brotli -q 11 (node:zlib) of what a browser would fetch.
// An entry is { label, path } (a file as built or installed), { label, text } (inline, e.g.
// a rule as JSON) or { label, bundle } (JS bundled and minified for the browser by esbuild).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants as Z } from 'node:zlib';
import { BENCH } from './common.mjs';
import { SITE_DIR } from './ours-build.mjs';
import { singlePage } from '../../scripts/site-parts.mjs';

async function bundle(source) {
  const esbuild = await import('esbuild');
  const res = await esbuild.build({
    stdin: { contents: source, resolveDir: BENCH, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    supported: { 'top-level-await': true },
  });
  return Buffer.from(res.outputFiles[0].contents);
}

export async function measureEntries(entries) {
  const files = [];
  for (const e of entries) {
    const buf = e.path ? readFileSync(e.path) : e.text != null ? Buffer.from(e.text, 'utf8') : await bundle(e.bundle);
    files.push({
      label: e.label,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length,
    });
  }
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
}

// Everything the single-estimate page downloads: every file of the assembled site that is the
// single page's (scripts/site-parts.mjs: index.html, the page's modules and style, the Emscripten
// glue, estimator-lite.wasm with the rule packs inside, the JS API, its English words, the kiosk's
// clock and the share links, which it loads on demand) but the build's precompressed siblings (F.br
// and F.gz are F itself, as sent). The screening page, the receipt, the comparison and the rules
// library are parts of their own, each with its budget (scripts/size-report.mjs). The page loads
// nothing from elsewhere (its icon is a data: URL).
const precompressed = (name) => /\.(br|gz)$/.test(name);

export function siteEntries(dir = SITE_DIR) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((x) => (x.isDirectory() ? walk(join(d, x.name)) : [join(d, x.name)]));
  return walk(dir)
    .map((path) => ({ label: relative(dir, path).split('\\').join('/'), path }))
    .filter((e) => !precompressed(e.label) && singlePage(e.label))
    .sort((a, b) => (a.label < b.label ? -1 : 1));
}
