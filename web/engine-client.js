/*
 * The page's side of engine-worker.js: starts the Worker as soon as it runs
 * (an async script: it may run before or after app.mjs, and fires the event
 * `uie-engine` on the window once `UieEngine` is there) and offers
 * `UieEngine`, the facade's calls answered by the Worker:
 *   UieEngine.ready()                    resolves once the engine runs
 *   UieEngine.estimate(request, options) the parsed response (contract §2)
 *   UieEngine.questions(request, options), UieEngine.catalog()
 * A call rejects with { code, message } when the engine fails (the facade
 * in the Worker has then already replaced its instance) or cannot load.
 */
(function (root) {
  'use strict';
  var worker = null;
  var ready = null;
  var calls = new Map();
  var next = 1;

  function failure(e) {
    var err = new Error((e && e.message) || 'engine failure');
    err.code = (e && e.code) || 'engine_failure';
    return err;
  }

  function start() {
    worker = new Worker('engine-worker.js');
    ready = new Promise(function (resolve, reject) {
      worker.onmessage = function (event) {
        var m = event.data;
        if ('ready' in m) {
          if (m.ready) resolve(); else reject(failure(m.error));
          return;
        }
        var call = calls.get(m.id);
        if (!call) return;
        calls.delete(m.id);
        if (m.error) call.reject(failure(m.error)); else call.resolve(m.text);
      };
      // The Worker could not load at all: fail what waits; the next call starts a new one.
      worker.onerror = function (event) {
        var err = failure({ code: 'load_failed', message: event.message || 'the engine worker did not load' });
        reject(err);
        calls.forEach(function (call) { call.reject(err); });
        calls.clear();
        worker = null;
      };
    });
    ready.catch(function () {});
  }

  function call(method, request, options) {
    if (!worker) start();
    var id = next++;
    return new Promise(function (resolve, reject) {
      calls.set(id, { resolve: resolve, reject: reject });
      worker.postMessage({ id: id, method: method, request: request, options: options });
    }).then(JSON.parse);
  }

  start();
  // The page may run before this (async) script: it waits for this event.
  root.UieEngine = {
    ready: function () { if (!worker) start(); return ready; },
    estimate: function (request, options) { return call('estimate', request, options); },
    questions: function (request, options) { return call('questions', request, options); },
    catalog: function () { return call('catalog'); },
  };
  if (typeof root.dispatchEvent === 'function' && typeof Event === 'function') root.dispatchEvent(new Event('uie-engine'));
})(typeof globalThis !== 'undefined' ? globalThis : this);
