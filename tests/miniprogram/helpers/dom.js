// jsdom globals for miniprogram-simulate under plain node --test (no jest).
// Must run before miniprogram-simulate is required.
'use strict';

const { JSDOM } = require('jsdom');

function installDom() {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://simulate.invalid/' });
  const { window } = dom;
  global.window = window;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in global) continue;
    try {
      global[key] = window[key];
    } catch (e) {
      // read-only on the Node global: keep Node's
    }
  }
  // Node has its own Event classes; jsdom nodes accept only jsdom's.
  for (const key of ['Event', 'CustomEvent', 'TouchEvent', 'MouseEvent', 'KeyboardEvent']) {
    if (window[key]) global[key] = window[key];
  }
  return dom;
}

module.exports = { installDom };
