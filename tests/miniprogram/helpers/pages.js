// Drives the mini-program's pages with miniprogram-simulate (+ jsdom).
// The pages run their real code (WXML, WXSS, JS) and load the real module
// through a WXWebAssembly shim rooted at the package; the tests fire the
// events WeChat's native controls would fire.
'use strict';

const path = require('node:path');

require('./dom.js').installDom();
const simulate = require('miniprogram-simulate');
const { installGlobalWXWebAssembly, createRealm } = require('./wechat.js');

/** wx APIs that would send, store or share what someone typed: none may be called. */
const FORBIDDEN_WX = ['request', 'uploadFile', 'downloadFile', 'connectSocket', 'setStorage', 'setStorageSync',
  'setClipboardData', 'login', 'getUserProfile', 'getLocation', 'reportAnalytics'];

function setup(root) {
  const env = installGlobalWXWebAssembly({ packageRoot: root });
  const forbiddenCalls = [];
  for (const name of FORBIDDEN_WX) {
    global.wx[name] = (...args) => { forbiddenCalls.push({ name, args }); };
  }
  const navigations = [];
  global.wx.navigateTo = (o) => { navigations.push(o.url); if (o && o.success) o.success({}); };
  const titles = [];
  global.wx.setNavigationBarTitle = (o) => { titles.push(o.title); };
  global.wx.pageScrollTo = () => {};
  return { env, forbiddenCalls, navigations, titles };
}

function loadPage(root, name, compiler) {
  const id = simulate.load(path.join(root, 'pages', name, name), `page-${name}`, { rootPath: root, compiler });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Fires an event the way WeChat would, then waits until the page is idle again. */
async function fire(page, selector, eventName, detail) {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`no ${selector} on the page (shown: ${page.data.questions ? page.data.questions.map((q) => q.fact).join(', ') : '-'})`);
  node.dispatchEvent(eventName, { detail: detail || {} });
  await simulate.sleep(0);   // simulate delivers events asynchronously
  await page.instance.whenIdle();
}

/** The page's visible text, whitespace collapsed. */
function text(page, selector) {
  const node = selector ? page.querySelector(selector) : page;
  if (!node) return '';
  return node.dom.textContent.replace(/\s+/g, ' ').trim();
}

/** An independent estimator (its own instance, same package) to compute what the page should show. */
async function referenceEstimator(root) {
  const realm = createRealm({ packageRoot: root });
  const est = await realm.require('/core/engine.js').getEstimator();
  // Parse here, so objects belong to this realm (assert.deepEqual compares prototypes).
  return {
    estimate: (req) => est.estimateText(req).then(JSON.parse),
    questions: (req) => est.questionsText(req).then(JSON.parse),
    catalog: () => est.catalogText().then(JSON.parse),
  };
}

module.exports = { simulate, setup, loadPage, fire, text, referenceEstimator, FORBIDDEN_WX };
