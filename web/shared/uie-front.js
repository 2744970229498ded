/*
 * The front-end layer every front end of the estimator shares: the web page,
 * the WeChat mini-program, a Web Worker (the screening page) and Node (tests,
 * scripts). It holds no rule numbers and no rule logic: questions, labels,
 * options, bounds, conditions and amounts all come from the engine (the JS
 * facade wasm/js/estimator-api.js); this file only turns what people type
 * into contract values and what the engine answers into what people read.
 *
 * One plain script, so every host can load the same file unchanged:
 *   - <script src="shared/uie-front.js"> and importScripts(): global `UieFront`;
 *   - require() in Node and in the mini-program's logic layer: module.exports.
 * Hence: no DOM, no Node APIs, no module syntax, no eval or new Function, no
 * TextEncoder/atob (WeChat has neither), no BigInt, no regex lookbehind, no
 * syntax newer than ES2017 (old WeChat JS engines).
 *
 * One file per job, each loadable on its own:
 *   uie-words.js    the words (zh/en), numbers and money text;
 *   uie-answers.js  typing → values and back, the controls;
 *   uie-views.js    requests and errors, regions, result and policy views,
 *                   the answer summary;
 *   uie-share.js    share links (the page loads it only when one is opened or made);
 * and this file, the namespace the hosts use (UieFront), loaded after them.
 * The screening columns are in uie-screen.js; the journey in journey.js.
 * Tests: tests/js/shared-*.test.mjs.
 */
(function (/** @type {any} root: the global object */ root, define) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = define(require('./uie-words.js'), require('./uie-answers.js'), require('./uie-views.js'),
                            () => require('./uie-share.js'));
  } else {
    root.UieFront = define(root.UieWords, root.UieAnswers, root.UieViews, () => root.UieShare);
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (W, A, V, share) {
  'use strict';

  const parts = [W, A, V];
  const api = {};
  for (const name of [
    'WORDS', 'words', 'unitText', 'asciiNumber', 'answerValue', 'yuanText', 'wanText', 'moneyText',
    'today', 'readDecimal', 'readMonths', 'readDate', 'chineseInteger', 'matchOption', 'parseAnswer', 'valueText',
    'hintFor', 'isMonths', 'optionsOf', 'optionLabel', 'controlOf', 'inputText', 'buildRequest', 'engineOptions',
    'factOfPath', 'plainMessage', 'responseError', 'regionOf', 'regionName', 'cityChoices', 'conditionFacts', 'resultView',
    'policyView', 'policyState', 'citeView', 'citeAnchor', 'citeHref', 'policyChoices', 'answerSummary', 'exampleInteger',
    'numberText',
  ]) {
    const part = parts.find((p) => Object.prototype.hasOwnProperty.call(p, name));
    if (!part) throw new Error(`UieFront: no part defines ${name}`);
    api[name] = part[name];
  }
  // The share links (uie-share.js): required when first used in Node and the
  // mini-program; a page loads the file itself when a link is opened or made.
  for (const name of ['encodeShare', 'decodeShare', 'SHARE_MAX']) {
    Object.defineProperty(api, name, {
      enumerable: true,
      get() {
        const part = share();
        if (!part) throw new Error(`UieFront.${name}: load shared/uie-share.js first`);
        return part[name];
      },
    });
  }
  return api;
});
