// The estimator inside the mini-program.
//
// The same files as the web page (copied by build/build.js): the glue
// estimator.js, the facade estimator-api.js with estimator-batch.js (whose
// compare the result's comparison calls) and the module, shipped as
// estimator.wasm.br. Only the loader differs: WeChat has no fetch and no
// WebAssembly, just WXWebAssembly.instantiate(packagePath, imports).
//
// - The instance is created once and shared by every page.
// - If it traps, the facade drops it and starts a fresh one (that call is
//   answered with an engine_failure error, the next one runs normally).
// - A load that fails or never finishes ends in a clear Chinese message,
//   never in a page that waits for ever; the next call tries again.
'use strict';

// The facade with its extension (estimator-batch.js), for Estimator#compare.
var api = require('./estimator-batch.js');
var factory = require('./estimator.js');

// Absolute from the package root: relative paths fail on devices, and .br is
// read from base library 2.14.0 on.
var WASM_PATH = '/core/estimator.wasm.br';
var LOAD_TIMEOUT_MS = 20000;

var MESSAGES = {
  unsupported: '当前微信版本太旧，无法在手机上计算。请把微信升级到最新版本后再打开。',
  load_timeout: '计算模块加载时间过长。请关闭小程序后重新打开；如果还不行，请升级微信。',
  load_failed: '计算模块加载失败。请关闭小程序后重新打开；如果还不行，请升级微信。',
  rules_invalid: '内置的政策规则有误，暂时无法计算。',
};

function friendly(e) {
  var code = (e && e.code && MESSAGES[e.code]) ? e.code : 'load_failed';
  var err = /** @type {Error & { code?: string, cause?: unknown }} */ (new Error(MESSAGES[code]));
  err.code = code;
  err.cause = e;
  return err;
}

/**
 * Starts an estimator. options (all optional, for tests and diagnostics):
 *   WXWebAssembly  the host object (default: the global one)
 *   wasmPath       package path of the module (default WASM_PATH)
 *   timeoutMs      how long a load may take (default 20 s)
 *   onRestart      called with the error when a trapped instance is replaced
 */
function loadEstimator(options) {
  var o = options || {};
  var host = o.WXWebAssembly || (typeof WXWebAssembly !== 'undefined' ? WXWebAssembly : undefined);
  var wasmPath = o.wasmPath || WASM_PATH;
  var timeoutMs = typeof o.timeoutMs === 'number' ? o.timeoutMs : LOAD_TIMEOUT_MS;
  return new Promise(function (resolve, reject) {
    if (!host || typeof host.instantiate !== 'function') {
      reject(friendly({ code: 'unsupported' }));
      return;
    }
    var done = false;
    var timer = setTimeout(function () {
      if (done) return;
      done = true;
      reject(friendly({ code: 'load_timeout' }));
    }, timeoutMs);
    api.createEstimator({
      factory: factory,
      // The typings say a Promise<Instance>; some versions give {instance, module}:
      // the facade takes either.
      instantiate: function (imports) { return host.instantiate(wasmPath, imports); },
      onRestart: o.onRestart,
    }).then(function (estimator) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(estimator);
    }, function (e) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(friendly(e));
    });
  });
}

var shared = null;

/** The one estimator of the mini-program (started on first use). */
function getEstimator() {
  if (!shared) {
    shared = loadEstimator();
    shared.catch(function () { shared = null; });   // a later call tries again
  }
  return shared;
}

/** An error the facade raised (not a response of the engine) as a message. */
function messageOf(e) {
  if (e && e.code === 'engine_failure') return '计算出错，已自动重新启动计算模块，请再点一次“计算”。';
  if (e && e.code && MESSAGES[e.code]) return MESSAGES[e.code];
  return (e && e.message) || MESSAGES.load_failed;
}

module.exports = {
  getEstimator: getEstimator,
  loadEstimator: loadEstimator,
  messageOf: messageOf,
  WASM_PATH: WASM_PATH,
};
