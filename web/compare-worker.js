/*
 * The comparison's engine, in a Worker of its own, started only when a
 * comparison is first opened (compare.mjs). It loads the whole module
 * (estimator.js/.wasm, the screening page's, so often cached already) with
 * the facade's extension estimator-batch.js, whose `compare` answers every
 * column in one call: the single-estimate page's own module (estimator-lite)
 * stays as small as it was.
 *
 * Messages in:  { id, method: 'compare'|'questions', request, options }
 * Messages out: { id, answer } (the engine's answer, parsed) or { id, error: { code, message } }.
 */
'use strict';

importScripts('estimator.js', 'estimator-api.js', 'estimator-batch.js');

var started = UieEstimator.createEstimator({
  factory: createUieModule,
  instantiate: UieEstimator.fromUrl('estimator.wasm'),
  log: function (line) { console.warn('[compare]', line); },
});

function errorOf(e) {
  return { code: (e && e.code) || 'engine_failure', message: String((e && e.message) || e) };
}

var CALLS = {
  compare: function (est, m) { return est.compare(m.request, m.options); },
  questions: function (est, m) { return est.questions(m.request, m.options); },
};

onmessage = function (event) {
  var m = event.data || {};
  started.then(function (est) {
    if (!CALLS[m.method]) throw new Error('unknown method ' + m.method);
    return CALLS[m.method](est, m);
  }).then(function (answer) { postMessage({ id: m.id, answer: answer }); },
          function (e) { postMessage({ id: m.id, error: errorOf(e) }); });
};
