#!/usr/bin/env node
// Builds the mini-program's upload package offline with miniprogram-ci: the
// same compilation WeChat DevTools does before an upload (ES6 → ES5, minify,
// packOptions.ignore), with no appid, no upload key and no network.
//
//   node web/miniprogram/build/pack.js [OUT_DIR]      (default build/miniprogram-pack)
//
// Prints one JSON line: { files, bytes, out, quality } where bytes is the
// size of the main package (this mini-program has no subpackages) and
// quality is miniprogram-ci's own package-size check.
//
// Offline: miniprogram-ci asks servicewechat.com for the project's attributes
// and for a file-type white list. attr() is answered with its defaults here;
// run with HTTP(S)_PROXY pointing at a dead port (the tests do) so the
// white-list request fails at once and the built-in list is used.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(PACKAGE_ROOT, '..', '..');

async function main() {
  const out = path.resolve(process.argv[2] || path.join(REPO_ROOT, 'build', 'miniprogram-pack'));
  const ci = require('miniprogram-ci');
  class OfflineProject extends ci.Project {
    async attr() {
      return JSON.parse(JSON.stringify(ci.DefaultProjectAttr));
    }
  }
  const config = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'project.config.json'), 'utf8'));
  const ignores = ((config.packOptions && config.packOptions.ignore) || []).map((i) =>
    (i.type === 'folder' ? `${i.value.replace(/\/+$/, '')}/**/*` : i.value));
  const project = new OfflineProject({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: PACKAGE_ROOT,
    privateKey: 'offline-build-no-key',
    ignores: ['node_modules/**/*', ...ignores],
  });
  await ci.getAppJSON(project);   // app.json schema, pages that exist
  const files = await ci.getCompiledResult({
    project,
    setting: { es6: !!config.setting.es6, minify: !!config.setting.minified, minifyWXML: true, minifyWXSS: true },
    onProgressUpdate: () => {},
  });
  fs.rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  const names = Object.keys(files).sort();
  for (const rel of names) {
    const dst = path.join(out, rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.writeFileSync(dst, files[rel]);
    bytes += fs.statSync(dst).size;
  }
  let quality = null;
  try {
    const q = await ci.checkCodeQuality(project);
    quality = (q || []).find((x) => x.name === 'PACKAGE_SIZE_LIMIT') || null;
  } catch (e) {
    quality = { error: String(e && (e.message || e)) };
  }
  process.stdout.write(JSON.stringify({ files: names, bytes, out, quality }) + '\n');
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`pack.js: ${e && (e.stack || e.message || e)}\n`);
  process.exit(1);
});
