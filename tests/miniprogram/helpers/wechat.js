// An emulated WeChat logic layer for node --test.
//
// createWXWebAssembly(): WXWebAssembly over Node's WebAssembly, with WeChat's
// rules (shared/research/wechat-shell.md §2):
//   - instantiate(path, imports) is the only loader; path is a string, a code
//     package path ('/core/x.wasm.br' or 'core/x.wasm.br'), never bytes, a URL,
//     a wxfile:// path or a path relative to the page; it ends in .wasm or
//     .wasm.br; .br is brotli-decoded;
//   - the object has only what a device showed: Memory, Table, Global,
//     Instance and instantiate (no compile, validate, Module or RuntimeError).
//
// createRealm(): a separate V8 context shaped like the logic layer, to load
// package code the way WeChat does:
//   - no WebAssembly, fetch, XMLHttpRequest, TextDecoder/TextEncoder, process,
//     Buffer or require of Node modules (options.process: a Node-like
//     `process` as DevTools' NW.js logic layer may have, still with no
//     require('fs'), __dirname or Buffer);
//   - code generation from strings is off, so eval and new Function throw
//     (mini-programs forbid both);
//   - require() takes relative paths to .js files inside the package only,
//     and each file runs in WeChat's module wrapper, where window, document
//     and friends are undefined parameters.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');

const NodeWebAssembly = globalThis.WebAssembly;

// The parameters of WeChat's module wrapper that shadow browser globals.
const SHADOWED = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage',
  'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket',
  'Reporter', 'webkit', 'WeixinJSCore'];

function isInside(root, abs) {
  return abs === root || abs.startsWith(root + path.sep);
}

/**
 * options.packageRoot  the code package on disk
 * options.shape        'instance' (typings) or 'pair' ({instance, module})
 * options.hang         instantiate never settles (a device that stalls)
 * options.importsHook  (imports) => imports, to observe what the glue passes
 */
function createWXWebAssembly(options) {
  const root = path.resolve(options.packageRoot);
  const shape = options.shape || 'instance';
  const calls = [];
  const instances = [];
  const host = {
    instantiate(p, imports) {
      calls.push(p);
      if (options.hang) return new Promise(() => {});
      return new Promise((resolve, reject) => {
        if (typeof p !== 'string') {
          reject(new TypeError('WXWebAssembly.instantiate: the first argument must be a code package path string'));
          return;
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
          reject(new Error(`WXWebAssembly.instantiate: only code package paths are supported, not ${p}`));
          return;
        }
        if (p.startsWith('./') || p.startsWith('../')) {
          reject(new Error(`WXWebAssembly.instantiate: use a path from the package root, not ${p}`));
          return;
        }
        if (!/\.wasm(\.br)?$/.test(p)) {
          reject(new Error(`WXWebAssembly.instantiate: the path must end in .wasm or .wasm.br: ${p}`));
          return;
        }
        const abs = path.resolve(root, p.replace(/^\/+/, ''));
        if (!isInside(root, abs)) {
          reject(new Error(`WXWebAssembly.instantiate: ${p} is outside the code package`));
          return;
        }
        let bytes;
        try {
          bytes = fs.readFileSync(abs);
          if (p.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
        } catch (e) {
          reject(new Error(`WXWebAssembly.instantiate: cannot load ${p}: ${e.message}`));
          return;
        }
        if (typeof imports !== 'object' || imports === null) {
          reject(new TypeError('WXWebAssembly.instantiate: the import object must contain the module\'s imports'));
          return;
        }
        const finalImports = options.importsHook ? options.importsHook(imports) : imports;
        NodeWebAssembly.instantiate(bytes, finalImports).then(({ instance, module }) => {
          instances.push(instance);
          resolve(shape === 'pair' ? { instance, module } : instance);
        }, reject);
      });
    },
    Memory: NodeWebAssembly.Memory,
    Table: NodeWebAssembly.Table,
    Global: NodeWebAssembly.Global,
    Instance: NodeWebAssembly.Instance,
  };
  return { host, calls, instances };
}

/**
 * A logic-layer realm for the package at options.packageRoot. Returns
 * { require(pkgPath), context, wxwasm: {host, calls, instances}, globals() }.
 * options.process: an object to expose as the global `process`.
 */
function createRealm(options) {
  const root = path.resolve(options.packageRoot);
  const wxwasm = createWXWebAssembly(options);
  const sandbox = {
    console,
    setTimeout, clearTimeout, setInterval, clearInterval,
    WXWebAssembly: wxwasm.host,
  };
  if (options.process) sandbox.process = options.process;
  const context = vm.createContext(sandbox, {
    name: 'wechat-logic-layer',
    codeGeneration: { strings: false, wasm: false },
  });
  // A V8 context has WebAssembly built in; WeChat devices have not.
  vm.runInContext('delete globalThis.WebAssembly;', context);

  const cache = new Map();

  function load(abs) {
    if (cache.has(abs)) return cache.get(abs).exports;
    const source = fs.readFileSync(abs, 'utf8');
    const wrapper = vm.runInContext(
      `(function (require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`,
      context, { filename: abs });
    const module = { exports: {} };
    cache.set(abs, module);
    try {
      wrapper.call(undefined, makeRequire(abs), module, module.exports);
    } catch (e) {
      cache.delete(abs);
      throw e;
    }
    return module.exports;
  }

  function makeRequire(fromFile) {
    return function wxRequire(spec) {
      if (typeof spec !== 'string' || !(spec.startsWith('./') || spec.startsWith('../'))) {
        throw new Error(`module "${spec}" is not defined (the emulated mini-program require takes relative package paths)`);
      }
      let abs = path.resolve(path.dirname(fromFile), spec);
      if (path.extname(abs) === '') abs += '.js';
      if (path.extname(abs) !== '.js') throw new Error(`module "${spec}" is not defined: require() loads .js files only`);
      if (!isInside(root, abs)) throw new Error(`module "${spec}" is outside the code package`);
      if (!fs.existsSync(abs)) throw new Error(`module "${spec}" is not defined`);
      return load(abs);
    };
  }

  return {
    context,
    wxwasm,
    /** Loads a package file by its path from the package root ('/core/engine.js'). */
    require(pkgPath) {
      const abs = path.resolve(root, pkgPath.replace(/^\/+/, ''));
      if (!isInside(root, abs)) throw new Error(`${pkgPath} is outside the package`);
      return load(abs);
    },
    /** typeof of a few globals, as the package code sees them. */
    globals(names) {
      return vm.runInContext(`(${JSON.stringify(names)}).map(function (n) { return [n, typeof globalThis[n]]; })`, context);
    },
    run(code) {
      return vm.runInContext(code, context);
    },
  };
}

/**
 * For miniprogram-simulate, which runs page code with Node's require: puts
 * WXWebAssembly on the global object and removes fetch and TextDecoder/
 * TextEncoder while the page runs. (WebAssembly itself has to stay: Node's
 * bundled undici, which jsdom loads, compiles its parser from that global.
 * The glue still never sees it, because its pre-js alias prefers
 * WXWebAssembly.) Returns {calls, uninstall()}.
 */
const HIDDEN_IN_DOM_TESTS = ['fetch', 'TextDecoder', 'TextEncoder'];

function installGlobalWXWebAssembly(options) {
  const wxwasm = createWXWebAssembly(options);
  const saved = {};
  for (const k of HIDDEN_IN_DOM_TESTS) {
    saved[k] = Object.getOwnPropertyDescriptor(globalThis, k);
    delete globalThis[k];
  }
  globalThis.WXWebAssembly = wxwasm.host;
  return {
    calls: wxwasm.calls,
    instances: wxwasm.instances,
    uninstall() {
      delete globalThis.WXWebAssembly;
      for (const k of HIDDEN_IN_DOM_TESTS) if (saved[k]) Object.defineProperty(globalThis, k, saved[k]);
    },
  };
}

/**
 * A `process` like the one DevTools' logic layer may show (NW.js): it says
 * Node by its versions.node, and records every property read of it, so a
 * test can tell whether the glue looked past `typeof process`.
 */
function nodeLikeProcess() {
  const reads = [];
  const target = { versions: { node: '16.14.0', nw: '0.62.0' }, argv: ['/Applications/wechatwebdevtools.app', 'appservice'],
                   env: {}, platform: 'darwin', exitCode: undefined, exit() {}, on() {} };
  const proxy = new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string') reads.push(key);
      return t[key];
    },
  });
  return { process: proxy, reads };
}

module.exports = { createWXWebAssembly, createRealm, installGlobalWXWebAssembly, nodeLikeProcess, NodeWebAssembly };
