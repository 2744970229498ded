// What the page, the Worker and the mini-program find around them, for the
// type check of their JavaScript (web/tsconfig.json, run by
// tests/js/typecheck.test.mjs): the shared layer's globals, the engine as
// the JS API's d.ts describes it (wasm/js/estimator-api.d.ts), and the few
// WeChat globals the mini-program uses. Nothing here is loaded at run time.
import type { Estimator } from 'uie-estimator-api';

declare global {
  // The shared layer (web/shared/*.js), as plain scripts set them.
  var UieWords: any;
  var UieAnswers: any;
  var UieViews: any;
  var UieFront: any;
  var UieJourney: any;
  /** The engine in its Worker (engine-client.js): the JS API's calls, answered from the Worker. */
  var UieEngine: Pick<Estimator, 'estimate' | 'questions' | 'catalog'>;

  // The WeChat mini-program's logic layer.
  var wx: any;
  function Component(options: object): void;
  var WXWebAssembly: any;
}
export {};
