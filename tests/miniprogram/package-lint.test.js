// Static gates on the package: WXML/WXSS compile with WeChat's compilers,
// no eval/new Function anywhere, an MVP-only wasm, the standard layout, and
// the page rules (system font size, 88rpx tap targets, share, the phone-only
// line, no network). Each gate is shown to fail on a bad sample.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const pkg = require('./helpers/package.js');
const lint = require('./helpers/lint.js');
const compiler = require('miniprogram-compiler');

const ROOT = pkg.ensurePackage();
const FILES = pkg.packageFiles(ROOT);
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const APP = JSON.parse(read('app.json'));

function wcsc() {
  const bin = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux', 'wcsc');
  // npm does not keep its executable bit.
  try { fs.chmodSync(bin, 0o755); } catch (e) { /* read-only install: try as is */ }
  return bin;
}

function compileWxss(dir, rel) {
  return spawnSync(wcsc(), ['-db', '-pc', '0', rel], { cwd: dir, encoding: 'utf8' });
}

test('every WXML compiles with WeChat\'s wcc, and a broken one fails', () => {
  const wxml = FILES.filter((f) => f.endsWith('.wxml'));
  assert.ok(wxml.length >= 2);
  const js = compiler.wxmlToJs(ROOT, { wxmlList: wxml.map((f) => f), wxsList: [] });
  assert.match(js, /\$gwx/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-'));
  try {
    fs.writeFileSync(path.join(dir, 'bad.wxml'), '<view>\n  <text>{{a}}</text>\n');
    assert.throws(() => compiler.wxmlToJs(dir, { wxmlList: ['bad.wxml'], wxsList: [] }), /编译 .wxml 文件错误/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every WXSS compiles with WeChat\'s wcsc, and a broken one fails', () => {
  const wxss = FILES.filter((f) => f.endsWith('.wxss'));
  assert.ok(wxss.length >= 3);
  for (const f of wxss) {
    const r = compileWxss(ROOT, f);
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcsc-'));
  try {
    fs.writeFileSync(path.join(dir, 'bad.wxss'), '.a { color: red;\n');
    assert.notEqual(compileWxss(dir, 'bad.wxss').status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no eval, new Function or Function("…") anywhere in the package (the check catches them)', () => {
  const scanned = [];
  for (const f of FILES.filter((x) => /\.(js|wxml|wxs)$/.test(x))) {
    const hits = lint.forbiddenCode(read(f));
    assert.deepEqual(hits, [], `${f}: ${hits.join('; ')}`);
    scanned.push(f);
  }
  assert.ok(scanned.includes('core/estimator.js'), 'the Emscripten glue is scanned');
  assert.ok(scanned.includes('core/estimator-api.js'), 'the facade is scanned');
  for (const bad of ['var f = new Function("a", "return a");', 'x = eval("1")', 'var g = Function("return this")();', 'setTimeout("go()", 1)']) {
    assert.ok(lint.forbiddenCode(bad).length > 0, `caught: ${bad}`);
  }
  for (const ok of ['expr.evaluate(x)', 'var o = { eval: 1 }', 'function Functional() {}', 'new FunctionRecord()']) {
    assert.deepEqual(lint.forbiddenCode(ok), [], `not a false alarm: ${ok}`);
  }
});

test('the shipped wasm uses MVP features only and exports no globals (the check catches post-MVP code)', () => {
  const wasm = zlib.brotliDecompressSync(fs.readFileSync(path.join(ROOT, 'core', 'estimator.wasm.br')));
  const r = lint.checkMvp(wasm);
  assert.ok(r.ok, `not MVP-only:\n${r.output}`);
  const mod = new WebAssembly.Module(wasm);
  assert.deepEqual(WebAssembly.Module.exports(mod).filter((e) => e.kind === 'global'), [], 'iOS cannot export globals');
  const memImports = WebAssembly.Module.imports(mod).filter((i) => i.kind === 'memory');
  assert.ok(memImports.length <= 1);
  assert.equal(lint.checkMvp(lint.mvpModule()).ok, true, 'the gate passes an MVP module');
  assert.equal(lint.checkMvp(lint.signExtModule()).ok, false, 'the gate fails a sign-ext module');
});

test('standard layout: project.config.json, app.json, sitemap.json, pages written with Component()', () => {
  const cfg = JSON.parse(read('project.config.json'));
  assert.equal(cfg.compileType, 'miniprogram');
  const [maj, min] = cfg.libVersion.split('.').map(Number);
  assert.ok(maj > 2 || (maj === 2 && min >= 14), `base library ${cfg.libVersion} ≥ 2.14.0 (.wasm.br)`);
  assert.ok(cfg.packOptions.ignore.some((i) => i.type === 'folder' && i.value === 'build'), 'build tooling is not uploaded');
  assert.equal(APP.sitemapLocation, 'sitemap.json');
  assert.ok(Array.isArray(JSON.parse(read('sitemap.json')).rules));
  assert.ok(!FILES.some((f) => f.startsWith('miniprogram_npm/')), 'no npm UI library');
  for (const page of APP.pages) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) assert.ok(FILES.includes(page + ext), `${page}${ext}`);
    const json = JSON.parse(read(`${page}.json`));
    assert.deepEqual(json.usingComponents, {}, `${page}: native components only`);
    const js = read(`${page}.js`);
    assert.match(js, /\bComponent\(\{/, `${page} is built with Component()`);
    assert.doesNotMatch(js, /\bPage\(\{/);
    assert.match(js, /onShareAppMessage\s*:/, `${page} can be shared`);
  }
  assert.ok(APP.pages.includes('pages/index/index') && APP.pages.includes('pages/estimate/estimate'));
});

test('the package\'s own code repeats none of the shared layer: no function of uie-front.js or journey.js is defined again', () => {
  const functions = (m) => Object.keys(m).filter((k) => typeof m[k] === 'function');
  const front = functions(require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'uie-front.js')));
  const journey = functions(require(path.join(pkg.REPO_ROOT, 'web', 'shared', 'journey.js')));
  assert.ok(front.length > 20);
  assert.ok(journey.includes('received') && journey.includes('answerAll') && journey.includes('rescope'));
  const names = front.concat(journey);
  const own = FILES.filter((f) => f.endsWith('.js') && !f.startsWith('shared/') && !/^core\/estimator/.test(f));
  assert.ok(own.includes('utils/views.js') && own.includes('pages/estimate/estimate.js'));
  const defines = (src, name) => new RegExp(`(function\\s+${name}\\s*\\(|\\b${name}\\s*[:=]\\s*function\\b|\\b${name}\\s*=\\s*\\()`).test(src);
  for (const f of own) {
    const src = read(f);
    const again = names.filter((n) => defines(src, n) && !new RegExp(`\\b${n}\\s*:\\s*${n}\\b`).test(src));
    assert.deepEqual(again, [], `${f} defines the shared layer's ${again.join(', ')} again`);
  }
  // The check catches a copy.
  assert.ok(defines('function yuanText(fen) {', 'yuanText') && defines('var controlOf = function (q) {', 'controlOf'));
  assert.ok(!defines('F.yuanText(fen)', 'yuanText'));
});

test('no code in the package talks to the network, stores answers or reads rule files at run time', () => {
  for (const f of FILES.filter((x) => x.endsWith('.js'))) {
    const src = read(f);
    assert.doesNotMatch(src, /\bwx\.(request|uploadFile|downloadFile|connectSocket|setStorage|setStorageSync|cloud)\b/, f);
    if (!f.startsWith('core/estimator')) {
      assert.doesNotMatch(src, /\bfetch\s*\(|XMLHttpRequest|getFileSystemManager/, f);
    }
  }
  // Rule packs are compiled into the wasm: no rule files in the package.
  assert.deepEqual(FILES.filter((f) => /^rules\/|\.rules\.js$/.test(f) || (f.endsWith('.json') && !/^(app|sitemap|project\.config|pages\/.*)\.json$/.test(f))), []);
});

test('pages follow the system font size, say the calculation stays on the phone, and label results and errors', () => {
  for (const page of APP.pages) {
    const wxml = read(`${page}.wxml`);
    const tags = lint.wxmlTags(wxml);
    assert.equal(tags[0].tag, 'page-meta', `${page}: <page-meta> comes first`);
    assert.equal(tags[0].attrs['root-font-size'], 'system');
    assert.equal(tags[0].attrs['page-font-size'], 'system');
    assert.match(wxml, /计算在您的手机上完成，填写的内容不会上传/);
    for (const t of tags.filter((x) => (x.attrs.class || '').split(/\s+/).some((c) => c === 'alert' || c === 'field-error') || /^(result|load-error|form-error|no-policy)$/.test(x.attrs.id || ''))) {
      assert.ok(t.attrs['aria-label'] || t.attrs['aria-live'], `${page}:${t.line} <${t.tag} class="${t.attrs.class}"> has aria-label/aria-live`);
    }
  }
  const est = read('pages/estimate/estimate.wxml');
  assert.match(est, /以当地经办机构核定为准/);
  // A numeric keypad for plain counts; the full keyboard where 万, 元 or 年 may be typed.
  assert.match(est, /type="number"/);
  assert.match(est, /type="text"/);
  for (const tag of ['picker', 'radio-group', 'checkbox-group']) assert.match(est, new RegExp(`<${tag}\\b`));
  // A yes/no is two choices, never a switch (a switch is a silent 否).
  assert.doesNotMatch(est, /<switch\b/);
  assert.match(est, /focus="\{\{q\.focus\}\}"/, 'inputs take focus on arrival and after an error');
  // Font sizes are in rem, which <page-meta root-font-size="system"> ties to WeChat's setting.
  for (const f of FILES.filter((x) => x.endsWith('.wxss'))) {
    for (const rule of lint.wxssRules(read(f))) {
      if (rule.decls['font-size']) assert.match(rule.decls['font-size'], /^[\d.]+rem$/, `${f} ${rule.selectors.join(',')}: font-size ${rule.decls['font-size']}`);
    }
  }
});

test('a verdict under a policy not in force on the date (\'other\') is amber like an undecided one, never green', () => {
  const rules = FILES.filter((f) => f.endsWith('.wxss')).flatMap((f) => lint.wxssRules(read(f)));
  const colour = (sel) => {
    const r = rules.filter((x) => x.selectors.includes(sel) && x.decls.color).pop();
    return r ? r.decls.color : null;
  };
  const green = colour('.verdict.yes');
  assert.ok(green && colour('.verdict.unknown'));
  assert.equal(colour('.verdict.other'), colour('.verdict.unknown'));
  assert.notEqual(colour('.verdict.other'), green);
  assert.notEqual(colour('.result.other .result-amount'), green, 'its amount is not green either');
  assert.match(read('pages/estimate/estimate.wxml'), /class="verdict \{\{result\.state\}\}"/, 'the verdict carries its state as a class');
});

test('every tappable thing is at least 88rpx tall', () => {
  const rules = FILES.filter((f) => f.endsWith('.wxss')).flatMap((f) => lint.wxssRules(read(f)));
  const minHeight = (cls) => {
    let best = 0;
    for (const r of rules) {
      if (!r.selectors.some((s) => s === `.${cls}` || s.endsWith(` .${cls}`) || s.startsWith(`.${cls}.`) || s === `.${cls}:active`)) continue;
      const v = r.decls['min-height'] || r.decls.height;
      const m = v && /^(\d+)rpx$/.exec(v);
      if (m) best = Math.max(best, Number(m[1]));
    }
    return best;
  };
  let checked = 0;
  for (const page of APP.pages) {
    const tags = lint.wxmlTags(read(`${page}.wxml`));
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i];
      const interactive = t.tag === 'label' || t.tag === 'button' || t.tag === 'picker' || t.tag === 'input' ||
        (['bindtap', 'bindchange', 'bindinput'].some((a) => a in t.attrs) && !['radio-group', 'checkbox-group', 'switch'].includes(t.tag));
      let classes = (t.attrs.class || '').split(/\s+/).filter((c) => c && !c.includes('{'));
      if (t.tag === 'switch') {
        // A switch sits in a row that is the tap target.
        const row = tags.slice(0, i).reverse().find((x) => x.tag === 'view' && /switch-row/.test(x.attrs.class || ''));
        assert.ok(row, `${page}:${t.line} <switch> is inside a .switch-row`);
        classes = ['switch-row'];
      } else if (!interactive) {
        continue;
      }
      const h = Math.max(0, ...classes.map(minHeight));
      assert.ok(h >= 88, `${page}:${t.line} <${t.tag} class="${t.attrs.class || ''}"> is ${h}rpx tall, needs ≥ 88rpx`);
      checked++;
    }
  }
  assert.ok(checked >= 10, `${checked} tap targets checked`);
});
