#!/usr/bin/env node
// Minifies the scripts of the assembled site, in place: every .js and .mjs
// under DIR, the Emscripten glue and the JS API's facade included
// (wasm/assemble_site.cmake calls this before it adds the XLSX libraries,
// which come minified). The sources in web/
// keep their comments; the browser gets the same code without them, about
// half the brotli size.
//
//   NODE_PATH=/usr/share/nodejs node scripts/minify-site.mjs --cache CACHE_DIR DIR
//
// Uses Debian's terser (node-terser, installed by scripts/install-deps.sh).
// Results are cached by content hash, so an unchanged file costs nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
let terser;
try {
  terser = require('terser');   // NODE_PATH=/usr/share/nodejs: Debian's node-terser
} catch {
  process.stderr.write('minify-site: terser is missing: sudo apt-get install node-terser (bash scripts/install-deps.sh does), ' +
                       'and run with NODE_PATH=/usr/share/nodejs\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--cache');
if (cacheAt < 0 || args.length !== 3) {
  process.stderr.write('usage: node scripts/minify-site.mjs --cache CACHE_DIR DIR\n');
  process.exit(2);
}
const cache = args[cacheAt + 1];
const dir = args.filter((_, i) => i !== cacheAt && i !== cacheAt + 1)[0];
mkdirSync(cache, { recursive: true });

// Output stays within what every browser of the page accepts (ES2017), and
// the shared script stays a plain script (module: false).
const OPTIONS = { ecma: 2017, compress: { passes: 2 }, mangle: true, format: { comments: false } };
const version = require('terser/package.json').version;

function scripts(at) {
  return readdirSync(at, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? scripts(join(at, d.name)) : /\.m?js$/.test(d.name) ? [join(at, d.name)] : []);
}

const used = new Set();
for (const file of scripts(dir)) {
  const source = readFileSync(file, 'utf8');
  const module = file.endsWith('.mjs');
  const key = createHash('sha256').update(`${version}\0${module}\0${JSON.stringify(OPTIONS)}\0${source}`).digest('hex');
  const cached = join(cache, `${key}.js`);
  used.add(`${key}.js`);
  if (!existsSync(cached)) {
    const out = await terser.minify(source, { ...OPTIONS, module });
    if (!out.code) throw new Error(`minify-site: terser gave nothing for ${file}`);
    writeFileSync(`${cached}.tmp`, out.code);
    renameSync(`${cached}.tmp`, cached);
  }
  writeFileSync(file, readFileSync(cached));
}

// Forget minified files no script of this site needs any more.
for (const name of readdirSync(cache)) if (name.endsWith('.js') && !used.has(name)) rmSync(join(cache, name));
