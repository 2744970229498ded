/*
 * The estimator's JavaScript API: a small facade over the WebAssembly module
 * (estimator.js + estimator.wasm, built from wasm/bindings.cpp).
 *
 * - Loads the module once and reuses it; every call is JSON in, JSON out, the
 *   same text the native CLI prints (contract: shared/spec/estimate-api.md).
 * - If an instance ever traps or aborts, it is dropped at once and a fresh one
 *   is started from the already compiled module, so one bad call never breaks
 *   the page: that call rejects with EstimatorError("engine_failure"), the next
 *   one runs on the new instance.
 * - Host-neutral: no DOM, no Node APIs, no module-only syntax, no eval. It loads as a
 *   classic <script> (global `UieEstimator`), with require() in Node, and in the
 *   WeChat mini-program, which injects its own loader (`instantiate`).
 *
 * The batch methods (screen, screenCsv, csvColumns, csvRows, csvText,
 * openSession) are in estimator-batch.js, loaded after this file by the hosts
 * that screen (the screening page's Worker, Node): the single-estimate page
 * and the mini-program do without them.
 *
 * Types: estimator-api.d.ts. Node convenience loader: node.mjs.
 */
(function (root, define) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = define();
  } else {
    root.UieEstimator = define();
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** An error of the API itself (not of a request: those are responses). */
  // The entry points estimator-lite (the single-estimate page's module) leaves
  // out, by the raw binding each one calls.
  var SCREENING_VIEWS = { screen: 'screenView', screenCsv: 'screenCsvView', csvColumns: 'csvColumnsView', sessionOpen: 'sessionFeedView', csvCells: 'csvCellsView', csvText: 'csvTextView' };

  class EstimatorError extends Error {
    constructor(code, message, details) {
      super(message);
      this.name = 'EstimatorError';
      this.code = code;
      if (details && details.cause !== undefined) this.cause = details.cause;
      if (details && details.issues !== undefined) this.issues = details.issues;
    }
  }

  // ---- loaders: function (imports) -> Promise<Instance | {instance, module}> ----

  function instantiateCompiled(compiled, imports) {
    return compiled.then(function (mod) {
      return WebAssembly.instantiate(mod, imports).then(function (instance) {
        return { instance: instance, module: mod };
      });
    });
  }

  /** Compiles `bytes` once; every instance (the first and any restart) reuses it. */
  function fromBytes(bytes) {
    var compiled = null;
    return function (imports) {
      if (!compiled) compiled = WebAssembly.compile(bytes);
      return instantiateCompiled(compiled, imports);
    };
  }

  /** Downloads and compiles `url` once (streaming when served as application/wasm). */
  function fromUrl(url, fetchImpl) {
    var compiled = null;
    return function (imports) {
      if (!compiled) {
        var doFetch = fetchImpl || fetch;
        compiled = Promise.resolve(doFetch(url)).then(function (response) {
          if (!response.ok) {
            throw new EstimatorError('load_failed', '计算模块下载失败 (' + response.status + ' ' + url + ')');
          }
          var type = response.headers && response.headers.get && response.headers.get('Content-Type');
          if (typeof WebAssembly.compileStreaming === 'function' && type && /^application\/wasm\b/.test(type)) {
            return WebAssembly.compileStreaming(response);
          }
          return response.arrayBuffer().then(function (buf) { return WebAssembly.compile(buf); });
        });
        // A failed download is tried again on the next start, not cached.
        compiled.catch(function () { compiled = null; });
      }
      return instantiateCompiled(compiled, imports);
    };
  }

  function loadError(e) {
    if (e instanceof EstimatorError) return e;
    return new EstimatorError('load_failed', '计算模块加载失败：' + (e && e.message ? e.message : String(e)), { cause: e });
  }

  function requestText(request) {
    if (typeof request === 'string' || request instanceof Uint8Array) return request;
    if (typeof ArrayBuffer !== 'undefined' && request instanceof ArrayBuffer) return new Uint8Array(request);
    var text = JSON.stringify(request);
    // undefined, a function or a symbol: no JSON at all, which the engine
    // answers with invalid_json like any other non-JSON text.
    return text === undefined ? '' : text;
  }

  function todayOf(options) {
    var today = options && options.today;
    return typeof today === 'string' ? today : '';
  }

  // "en": sentences, notes and errors in English where the rule data has
  // them; anything else: Chinese, the contract's language.
  function langOf(options) {
    return options && options.lang === 'en' ? 'en' : 'zh';
  }

  function noop() {}

  class Estimator {
    constructor(options) {
      var o = options || {};
      if (typeof o.factory !== 'function') {
        throw new TypeError('createEstimator: options.factory must be the module factory (createUieModule from estimator.js)');
      }
      var load = o.instantiate ||
        (o.wasmBinary ? fromBytes(o.wasmBinary) : o.wasmUrl ? fromUrl(o.wasmUrl, o.fetch) : null);
      if (typeof load !== 'function') {
        throw new TypeError('createEstimator: give one of options.instantiate, options.wasmBinary or options.wasmUrl');
      }
      this._factory = o.factory;
      this._load = load;
      this._log = typeof o.log === 'function' ? o.log : noop;
      this._onRestart = typeof o.onRestart === 'function' ? o.onRestart : noop;
      this._module = null;    // the live instance's Module, or null
      this._pending = null;   // Promise<Module> while one is being started
      this._catalogText = null;
      this._restarts = 0;
    }

    /** How many times a trapped instance has been replaced. */
    get restarts() { return this._restarts; }

    _start() {
      var self = this;
      var pending = new Promise(function (resolve, reject) {
        var settled = false;
        function fail(e) {
          if (!settled) { settled = true; reject(loadError(e)); }
        }
        var made;
        try {
          made = self._factory({
            // Also the WeChat route: the host's loader instantiates; the glue
            // never fetches. A rejected load must reject here, or the
            // factory's promise would wait for ever.
            instantiateWasm: function (imports, receive) {
              Promise.resolve()
                .then(function () { return self._load(imports); })
                .then(function (r) { receive(r.instance || r, r.module); })
                .catch(fail);
              return {};
            },
            print: self._log,
            printErr: self._log,
            onAbort: function (what) { fail(new Error('aborted while starting: ' + what)); }
          });
        } catch (e) {
          fail(e);
          return;
        }
        Promise.resolve(made).then(function (mod) {
          if (settled) return;
          var issues = JSON.parse(mod.loadIssues());
          if (issues.length) {
            fail(new EstimatorError('rules_invalid', '内置规则包有误，无法计算', { issues: issues }));
            return;
          }
          settled = true;
          resolve(mod);
        }, fail);
      });
      this._pending = pending;
      pending.then(function (mod) {
        if (self._pending === pending) { self._module = mod; self._pending = null; }
      }, function () {
        if (self._pending === pending) self._pending = null;   // the next call tries again
      });
      return pending;
    }

    _instance() {
      if (this._module) return Promise.resolve(this._module);
      return this._pending || this._start();
    }

    // One synchronous call into the module. Whatever it throws (a trap, an
    // abort, a stack overflow), the instance may be corrupt afterwards: drop
    // it and start a fresh one now, so the next call finds it ready.
    _invoke(mod, name, args) {
      if (SCREENING_VIEWS[name] && typeof mod[SCREENING_VIEWS[name]] !== 'function') {
        throw new EstimatorError('not_in_module', '这个计算模块（estimator-lite，单项测算页用）不含批量筛查；批量筛查请加载 estimator.js。');
      }
      try {
        return mod[name].apply(null, args);
      } catch (e) {
        if (this._module === mod) {
          this._module = null;
          this._catalogText = null;
          this._restarts += 1;
          this._start().catch(noop);   // a failure shows on the next call
          try { this._onRestart(e); } catch (ignored) { /* the host's hook must not mask the error */ }
        }
        throw new EstimatorError('engine_failure', '计算引擎出错，已自动重新启动，请再试一次。', { cause: e });
      }
    }

    _call(name, args) {
      var self = this;
      return this._instance().then(function (mod) { return self._invoke(mod, name, args); });
    }

    /** Waits until an instance is ready (createEstimator already does). */
    ready() { return this._instance().then(function () {}); }

    /**
     * Contract §1 request (object, JSON text or UTF-8 bytes) → §2 response text.
     * options.today (YYYY-MM-DD) is the date of a request without one; default: the clock's.
     * options.lang 'en': sentences, notes and errors in English where the rules have them.
     */
    estimateText(request, options) {
      return this._call('estimate', [requestText(request), todayOf(options), langOf(options)]);
    }

    /** Contract §1 request → parsed §2 response. */
    estimate(request, options) { return this.estimateText(request, options).then(JSON.parse); }

    /** The questions for a request's program under the policy it would use (contract-notes §6). */
    questionsText(request, options) {
      return this._call('questions', [requestText(request), todayOf(options), langOf(options)]);
    }

    questions(request, options) { return this.questionsText(request, options).then(JSON.parse); }

    /** Programs, regions and policies of the embedded rule packs (contract-notes §6). */
    catalogText() {
      var self = this;
      if (this._catalogText) return Promise.resolve(this._catalogText);
      return this._call('catalog', []).then(function (text) { self._catalogText = text; return text; });
    }

    catalog() { return this.catalogText().then(JSON.parse); }

    /** The engine's version string. */
    version() { return this._call('version', []); }

    /** Test seam: 1 = abort(), 2 = a wasm trap. Exercises the recovery path. */
    _selfTestFault(kind) { return this._call('_selfTestFault', [kind]); }
  }

  /**
   * Starts the module and resolves once it answers. options.factory is the
   * glue's createUieModule; the wasm comes from options.wasmUrl (browser),
   * options.wasmBinary (Node) or options.instantiate (any host, e.g. WeChat's
   * WXWebAssembly.instantiate(packagePath, imports)).
   */
  function createEstimator(options) {
    var estimator = new Estimator(options);
    return estimator._instance().then(function () { return estimator; });
  }

  return {
    createEstimator: createEstimator,
    // For estimator-batch.js, which adds the batch methods to Estimator.
    _helpers: { todayOf: todayOf, langOf: langOf },
    Estimator: Estimator,
    EstimatorError: EstimatorError,
    fromBytes: fromBytes,
    fromUrl: fromUrl
  };
});
