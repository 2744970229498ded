/*
 * The estimator in a dedicated Worker (started by engine-client.js). Loading
 * it (compiling estimator-lite.wasm, reading the rule packs on the first call)
 * takes 0.2–0.8 s of CPU; here it never blocks the page, which draws its
 * first question at once and stays responsive while the engine starts.
 *
 * Messages in:  { id, method: 'estimate'|'questions'|'catalog', request, options }
 * Messages out: { ready: true } or { ready: false, error } once, then
 *               { id, text } (the engine's JSON text) or { id, error: { code, message } }.
 * The facade (estimator-api.js) still does the rest: one module compiled
 * once, a trapped instance replaced by a fresh one. estimator-lite is the
 * engine without the screening entry points (13 KB less to download); the
 * screening page loads the whole estimator.js.
 */
'use strict';

// The download starts now and overlaps the loading of the glue below.
var early = fetch('estimator-lite.wasm');

importScripts('estimator-lite.js', 'estimator-api.js');

function firstFetch(url) {
  var response = early || fetch(url);   // a failed load is fetched again on the next try
  early = null;
  return response;
}

function errorOf(e) {
  return { code: (e && e.code) || 'engine_failure', message: String((e && e.message) || e) };
}

var started = UieEstimator.createEstimator({
  factory: createUieModule,
  instantiate: UieEstimator.fromUrl('estimator-lite.wasm', firstFetch),
  log: function (line) { console.warn('[estimator]', line); },
});

started.then(function () { postMessage({ ready: true }); },
             function (e) { postMessage({ ready: false, error: errorOf(e) }); });

var CALLS = {
  estimate: function (est, m) { return est.estimateText(m.request, m.options); },
  questions: function (est, m) { return est.questionsText(m.request, m.options); },
  catalog: function (est) { return est.catalogText(); },
};

onmessage = function (event) {
  var m = event.data || {};
  started.then(function (est) {
    if (!CALLS[m.method]) throw new Error('unknown method ' + m.method);
    return CALLS[m.method](est, m);
  }).then(function (text) { postMessage({ id: m.id, text: text }); },
          function (e) { postMessage({ id: m.id, error: errorOf(e) }); });
};
