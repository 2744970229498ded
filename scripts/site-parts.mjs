// Which files of the assembled site (build/wasm/site/) belong to which part,
// by their path inside it: the single-estimate page is every file that is in
// none of the others. One owner for these lists, read by scripts/size-report.mjs
// (the budgets) and bench/lib/sizes.mjs (the download the benchmark reports).

/** The receipt (测算凭证), loaded only when a receipt is opened or a kiosk shows a result. */
export const receipt = (name) => /^(receipt\.(mjs|css)|vendor\/qr\.mjs)$/.test(name);
/** The comparison (与往年比较), loaded only when it is opened. */
export const comparison = (name) => /^(compare(\.mjs|\.css|-worker\.js)|shared\/uie-compare\.js)$/.test(name);
/** The screening page's own files, and the whole module and batch methods it loads (the single page loads neither). */
export const screening = (name) => name === 'screen.html' || name.startsWith('screen/') || name === 'shared/uie-screen.js' ||
  /^estimator(-batch)?\.(js|wasm)$/.test(name);
/** The rules library: pages generated at build time, a site of its own the page only links to. */
export const library = (name) => name.startsWith('rules/');
/** The single-estimate page: the rest (its on-demand files, English words, the kiosk's clock, share links, included). */
export const singlePage = (name) => !receipt(name) && !comparison(name) && !screening(name) && !library(name);
