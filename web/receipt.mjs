// 测算凭证 (the receipt): one printable page (A4, or a PDF the browser saves)
// with the inputs, the outcome, each condition with its citation, the policy,
// the engine version and the rules' hash, the dates, and a QR code of the
// link that reproduces it. The link is the page's share link (#s=…, the
// shared layer's encodeShare) with what the receipt showed recorded under
// `r`: opened in a later build, the page says whether the answer is still
// the same (checkNotice). In kiosk mode the result screen shows the QR code
// alone ("扫码带走结果", kioskQr), and its link opens the ordinary page.
//
// Loaded only when a receipt or a kiosk's result is shown (app.mjs imports it),
// with its styles (receipt.css) and the QR encoder (vendor/qr.mjs: npm's
// qrcode-generator, bundled at build time by scripts/bundle-vendor.mjs): the
// single-estimate page downloads none of them otherwise.
import { button, h } from './dom.mjs';

const F = globalThis.UieFront;

// The receipt's own styles, once, the first time this module loads; a QR code
// is drawn once they apply (its size on screen and on paper is theirs).
const styled = new Promise((resolve) => {
  const link = h('link', { rel: 'stylesheet', href: new URL('receipt.css', import.meta.url).href, 'data-receipt': '' });
  link.addEventListener('load', resolve);
  link.addEventListener('error', resolve);
  document.head.append(link);
});

const WORDS = {
  zh: {
    title: '测算凭证',
    outcome: '测算结果',
    inputs: '填写的内容',
    skipped: '没有回答（跳过）',
    list: '、',
    conditions: '逐项条件及出处',
    quotes: '引用的原文',
    refOpen: (n) => ` ［依据 ${n}：`,   // before and after the document and clause
    refClose: '］',
    policy: '依据的政策',
    record: '凭证信息',
    estimated: '测算日期',
    rulesDate: '按这一天施行的规则',
    policyId: '政策编号',
    engine: '计算程序版本',
    hash: '规则数据摘要',
    none: '—',
    qrTitle: '扫码重新打开这一测算',
    qrNote: '用手机扫码或打开下面的链接，得到同样的结果；回答只在链接 # 号之后，不会发送到任何服务器。',
    qrLabel: '二维码：重新打开这一测算的链接',
    qrTooLong: '回答太多，链接放不进二维码；请用下面的链接。',
    qrFailed: '二维码没有生成；请用下面的链接。',
    print: '打印或保存为 PDF',
    back: '回到结果',
    disclaimer: '测算结果仅供参考，以当地经办机构核定为准。',
    kioskTitle: '扫码带走结果',
    kioskNote: '用手机扫码，在手机上打开同样的结果。回答只在二维码里，不会上传；本机稍后会清除全部回答。',
    // Opening a receipt's link (checkNotice).
    verdict: { true: '符合条件', false: '不符合条件', null: '尚未确定' },
    field: { eligible: '结论', amount_fen: '金额', candidates: '可能的金额', months: '月数', policy: '政策' },
    months: (n) => `${n} 个月`,
    or: ' 或 ',
    same: (date, hash) => `与凭证一致（${date} 测算${hash ? `，规则 ${hash}` : ''}）。`,
    rulesChanged: (was, now) => `规则已更新（凭证 ${was}，现在 ${now}）`,
    engineChanged: (was, now) => `计算程序已更新（凭证 ${was}，现在 ${now}）`,
    notAsRecorded: '与凭证不一致',
    resultSame: '：结果相同。',
    resultDiffers: (parts) => `：结果不同：${parts.join('；')}。`,
    differs: (field, was, now) => `${field}原来 ${was}，现在 ${now}`,
  },
  en: {
    title: 'Receipt of the estimate',
    outcome: 'Outcome',
    inputs: 'What was entered',
    skipped: 'Not answered (skipped)',
    list: '; ',
    conditions: 'Each condition and its source',
    quotes: 'The texts quoted',
    refOpen: (n) => ` [source ${n}: `,
    refClose: ']',
    policy: 'Policy applied',
    record: 'About this receipt',
    estimated: 'Estimated on',
    rulesDate: 'Rules in force on',
    policyId: 'Policy id',
    engine: 'Engine version',
    hash: 'Rule data hash',
    none: '—',
    qrTitle: 'Scan to open this estimate again',
    qrNote: 'Scan the code with a phone, or open the link below, for the same result; the answers are only in the link after the # sign and are sent to no server.',
    qrLabel: 'QR code: the link that opens this estimate again',
    qrTooLong: 'Too many answers for a QR code; please use the link below.',
    qrFailed: 'The QR code could not be drawn; please use the link below.',
    print: 'Print or save as PDF',
    back: 'Back to the result',
    disclaimer: 'An estimate only; the local social-insurance office decides (以当地经办机构核定为准).',
    kioskTitle: 'Scan to take the result with you',
    kioskNote: 'Scan with a phone to open the same result there. The answers are only in the code, nothing is uploaded; this screen clears every answer soon.',
    verdict: { true: 'eligible', false: 'not eligible', null: 'not decided yet' },
    field: { eligible: 'the verdict', amount_fen: 'the amount', candidates: 'the possible amounts', months: 'the months', policy: 'the policy' },
    months: (n) => `${n} month${n === 1 ? '' : 's'}`,
    or: ' or ',
    same: (date, hash) => `As on the receipt (estimated on ${date}${hash ? `, rules ${hash}` : ''}).`,
    rulesChanged: (was, now) => `The rules have changed since the receipt (receipt ${was}, now ${now})`,
    engineChanged: (was, now) => `The engine has changed since the receipt (receipt ${was}, now ${now})`,
    notAsRecorded: 'Not as on the receipt',
    resultSame: ': the result is the same.',
    resultDiffers: (parts) => `: the result differs: ${parts.join('; ')}.`,
    differs: (field, was, now) => `${field} was ${was}, now ${now}`,
  },
};
const words = (lang) => WORDS[lang === 'en' ? 'en' : 'zh'];

// ---------------------------------------------------------------- the record and the link

const HEX = /^[0-9a-f]{8,64}$/;

/**
 * What a receipt records of an answer (the shared layer's receipt form):
 * { policy, eligible, amount_fen, candidates, months, rules_hash, engine_version, estimated }.
 */
export function receiptOf(result, catalog, estimated) {
  // The forms the shared layer's decodeShare reads back (15 digits of fen at most, 1 200 months).
  const fen = (x) => Number.isInteger(x) && x >= 0 && x < 1e15;
  const c = result.candidates && typeof result.candidates === 'object' ? result.candidates : null;
  const candidates = c ? Object.fromEntries(Object.entries(c).filter(([k, v]) => /^[a-z_]{1,32}$/.test(k) && fen(v))) : null;
  const id = result.policy && result.policy.id;
  return {
    policy: typeof id === 'string' && /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/.test(id) ? id : null,
    eligible: typeof result.eligible === 'boolean' ? result.eligible : null,
    amount_fen: fen(result.amount_fen) ? result.amount_fen : null,
    candidates: candidates && Object.keys(candidates).length ? candidates : null,
    months: Number.isInteger(result.total_months) && result.total_months >= 0 && result.total_months <= 1200 ? result.total_months : null,
    rules_hash: catalog && HEX.test(catalog.rules_hash) ? catalog.rules_hash : null,
    engine_version: catalog && /^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$/.test(catalog.engine_version) ? catalog.engine_version : null,
    estimated,
  };
}

/**
 * The link that reproduces the estimate: this page without kiosk mode (a
 * phone opens the ordinary page), in the language and mode shown, the inputs
 * and the record in the fragment.
 */
export function receiptLink(ctx, record) {
  const { s } = ctx;
  const query = new URLSearchParams(location.search);
  query.delete('kiosk');
  query.delete('idle');
  if (ctx.lang === 'en') query.set('lang', 'en');
  else query.delete('lang');
  if (ctx.elder) query.set('elder', '1');
  else query.delete('elder');
  const search = query.toString();
  const fragment = F.encodeShare({ region: s.city || s.province, date: s.date, program: s.program, facts: s.facts,
                                   policy: s.policy, receipt: record });
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}#${fragment}`;
}

// ---------------------------------------------------------------- the QR code

// Relative to this module; a variable, so the type check does not look for the built file.
const QR_MODULE = './vendor/qr.mjs';
let encoder = null;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * The link as a QR code, an SVG of one path (no inline style: the page's CSP
 * forbids it), error correction M, the smallest version that holds it, a
 * quiet zone of 4 modules, `scale` CSS pixels a module on screen (a whole
 * number: modules of uneven widths read worse); paper sets its own size.
 * Throws when the link does not fit.
 */
async function qrSvg(text, label, scale) {
  encoder = encoder || (await import(QR_MODULE)).default;
  const qr = encoder(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.isDark(y, x)) continue;
      let run = 1;
      while (x + run < n && qr.isDark(y, x + run)) run++;
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  const size = n + 2 * quiet;
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${size} ${size}`, width: String(size * scale), height: String(size * scale),
                                        role: 'img', 'aria-label': label,
                                        'shape-rendering': 'crispEdges', class: 'qr-code', 'data-modules': String(n) })) {
    svg.setAttribute(k, v);
  }
  const back = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ width: String(size), height: String(size), fill: '#ffffff' })) back.setAttribute(k, v);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(back, path);
  return svg;
}

/** Draws the link's QR code into `box` (data-qr: drawn, too-long or failed, for tests). */
function fillQr(box, link, w, scale) {
  box.dataset.link = link;
  styled.then(() => qrSvg(link, w.qrLabel, scale)).then((svg) => {
    box.replaceChildren(svg);
    box.dataset.qr = 'drawn';
  }, (e) => {
    const tooLong = /overflow/i.test(String(e && e.message));
    console.warn('[receipt] QR code', e);
    box.replaceChildren(h('p', { class: 'qr-missing' }, tooLong ? w.qrTooLong : w.qrFailed));
    box.dataset.qr = tooLong ? 'too-long' : 'failed';
  });
}

// ---------------------------------------------------------------- the receipt

function amountLines(v, t) {
  const a = v.amount;
  if (!a) return [];
  const money = (m) => `${m.yuan}${m.wan ? `（${m.wan}）` : ''}`;
  if (a.kind === 'fen') return [h('p', { class: 'amount' }, `${a.cap ? `${t.amount}（${t.amountCap}）` : t.amount}${t.colon}${money(a)}`)];
  if (a.kind === 'candidates') {
    return [h('p', {}, t.candidates), h('ul', { class: 'amount' }, a.items.map((i) => h('li', {}, `${i.label}${t.colon}${money(i)}`)))];
  }
  if (a.kind === 'monthly') {
    const months = a.months === null ? null : `${a.months} ${F.unitText('个月', t.lang, a.months)}`;
    return [
      h('p', { class: 'amount' }, t.perMonth(a.decided).map((x) => (x === null ? a.perMonth.yuan : x)).join('')),
      months && a.total ? h('p', {}, (a.cap ? t.totalCap : t.total)(months, a.total.yuan), a.total.wan ? `（${a.total.wan}）` : '') : null,
      months && a.cap ? h('p', { class: 'small' }, t.monthsCapNote) : null,
    ];
  }
  return [h('p', {}, t.amountLocal)];
}

/**
 * The receipt screen. ctx: { s (the journey's state, with its result), shown
 * (the questions, dated), catalog, lang, elder, t (the page's words), back,
 * programTitle, regionName }.
 */
export function receiptScreen(ctx) {
  const { s, catalog } = ctx;
  const lang = ctx.lang === 'en' ? 'en' : 'zh';
  const w = words(lang);
  const t = Object.assign({ lang }, ctx.t);
  const zh = (text) => (lang === 'en' && /[\u3400-\u9fff]/.test(String(text)) && !/[A-Za-z]{3}/.test(String(text)) ? 'zh-CN' : null);
  const res = s.result;
  const v = F.resultView(res, { questions: ctx.shown, lang, date: s.date, facts: s.facts });
  const record = receiptOf(res, catalog, F.today());
  const link = receiptLink(ctx, record);
  const p = res.policy ? F.policyView(res.policy, lang, s.program) : null;

  // Each distinct source once, numbered; the conditions point to it.
  const sources = [];
  const sourceOf = (cite) => {
    if (!cite || !cite.doc_no) return null;
    const c = F.citeView(cite);
    let i = sources.findIndex((x) => x.where === c.where && x.quote === c.quote);
    if (i < 0) i = sources.push(c) - 1;
    return i + 1;
  };
  const conditions = v.conditions.map((c) => {
    const n = sourceOf(c.cite);
    return h('li', { class: `condition ${c.state}`, 'data-condition': c.id },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, c.mark),
      h('p', { class: 'text' }, h('span', { class: 'sr-only' }, `${c.word}${t.colon}`), h('span', { lang: zh(c.text) }, c.text),
        n ? h('span', { class: 'cite-ref' }, w.refOpen(n), h('span', { lang: 'zh-CN' }, sources[n - 1].where), w.refClose) : null));
  });
  const answers = F.answerSummary(ctx.shown, s.facts, lang, s.skipped);
  const given = answers.filter((r) => !r.skipped);
  const skipped = answers.filter((r) => r.skipped);
  const qr = h('div', { class: 'qr', id: 'receipt-qr', 'aria-live': 'polite' });
  fillQr(qr, link, w, 3);
  const row = (label, value, attrs = {}) => h('div', { class: 'row', ...attrs }, h('dt', {}, label), h('dd', {}, value));

  return h('section', { class: 'screen receipt', id: 'receipt', 'aria-labelledby': 'receipt-h' },
    h('header', { class: 'receipt-head' },
      h('h1', { id: 'receipt-h' }, w.title),
      h('p', { class: 'crumb' }, [ctx.programTitle, ctx.regionName, s.date].filter(Boolean).join(' · '))),
    h('div', { class: 'receipt-top' },
      h('section', { class: 'receipt-outcome', 'aria-labelledby': 'receipt-outcome-h' },
        h('h2', { id: 'receipt-outcome-h' }, w.outcome),
        h('p', { class: `verdict ${v.verdict.state}`, id: 'receipt-verdict' },
          h('span', { 'aria-hidden': 'true' }, v.verdict.mark), ' ', v.verdict.text),
        v.draft ? h('p', { class: 'badge draft' }, t.draft) : null,
        v.inForce ? null : h('p', { class: 'badge expired', id: 'receipt-not-in-force' },
          t.notInForce(res.policy.valid_to, res.policy.valid_from, s.date)),
        h('div', { id: 'receipt-amount' }, amountLines(v, t)),
        h('dl', { class: 'receipt-record', id: 'receipt-record' },
          row(w.estimated, record.estimated, { 'data-field': 'estimated' }),
          row(w.rulesDate, s.date, { 'data-field': 'date' }),
          row(w.policyId, record.policy || w.none, { 'data-field': 'policy' }),
          row(w.engine, record.engine_version || w.none, { 'data-field': 'engine_version' }),
          row(w.hash, record.rules_hash || w.none, { 'data-field': 'rules_hash' }))),
      h('figure', { class: 'receipt-qr' },
        qr,
        h('figcaption', {}, h('strong', {}, w.qrTitle), h('span', { class: 'small' }, w.qrNote)))),
    h('p', { class: 'receipt-link', id: 'receipt-link' }, link),
    answers.length ? h('section', { 'aria-labelledby': 'receipt-inputs-h' },
      h('h2', { id: 'receipt-inputs-h' }, w.inputs),
      given.length ? h('dl', { class: 'receipt-inputs' }, given.map((r) => row(r.label, r.text, { 'data-fact': r.fact }))) : null,
      // The questions skipped, on one line: the conditions below say how each was counted.
      skipped.length ? h('p', { class: 'receipt-skipped', id: 'receipt-skipped' },
        h('span', { class: 'lead' }, `${w.skipped}${t.colon}`), skipped.map((r) => r.label).join(w.list)) : null) : null,
    h('section', { 'aria-labelledby': 'receipt-cond-h' },
      h('h2', { id: 'receipt-cond-h' }, w.conditions),
      h('ul', { class: 'conditions receipt-conditions' }, conditions)),
    sources.length ? h('section', { 'aria-labelledby': 'receipt-quotes-h' },
      h('h2', { id: 'receipt-quotes-h' }, w.quotes),
      h('ol', { class: 'receipt-quotes' }, sources.map((c) => h('li', { lang: 'zh-CN' },
        h('span', { class: 'where' }, c.where), c.quote ? `：“${c.quote}”` : '')))) : null,
    p ? h('section', { 'aria-labelledby': 'receipt-policy-h' },
      h('h2', { id: 'receipt-policy-h' }, w.policy),
      h('p', {}, h('span', { lang: zh(p.title) }, p.title), ' ', h('span', { lang: 'zh-CN' }, `（${p.docNo}）`), ' ', p.validity),
      p.chain ? h('p', { class: 'small' }, `${t.chain}${t.colon}`, h('span', { lang: zh(p.chain) }, p.chain)) : null) : null,
    h('p', { class: 'disclaimer' }, w.disclaimer),
    h('div', { class: 'actions no-print' },
      button(w.back, ctx.back, 'secondary', { id: 'receipt-back' }),
      button(w.print, () => window.print(), 'primary', { id: 'receipt-print' })));
}

/** Kiosk mode, on the result screen: the QR code of the link that opens the same result on a phone. */
export function kioskQr(ctx) {
  const w = words(ctx.lang);
  const link = receiptLink(ctx, receiptOf(ctx.s.result, ctx.catalog, F.today()));
  const qr = h('div', { class: 'qr', id: 'kiosk-qr-code' });
  fillQr(qr, link, w, 4);
  return h('section', { class: 'kiosk-qr no-print', id: 'kiosk-qr', 'aria-labelledby': 'kiosk-qr-h' },
    h('div', {}, h('h2', { id: 'kiosk-qr-h' }, w.kioskTitle), h('p', {}, w.kioskNote)),
    qr);
}

// ---------------------------------------------------------------- a receipt's link opened again

/**
 * What the page says at the top of the result when a receipt's link opens:
 * whether the rules (their hash) or the engine changed since, and whether the
 * answer is the one the receipt recorded, and if not what differs.
 * recorded: decodeShare's `receipt`; result: the engine's answer now.
 */
export function checkNotice(recorded, result, catalog, lang) {
  const w = words(lang);
  const now = receiptOf(result, catalog, recorded.estimated);
  const docNo = (id) => {
    const p = id && catalog && (catalog.policies || []).find((x) => x.id === id);
    return p && p.doc_no ? `${id}（${p.doc_no}）` : id || w.none;
  };
  const money = (fen) => F.moneyText(fen, lang).yuan;
  const text = {
    eligible: (x) => w.verdict[String(x)],
    amount_fen: (x) => (x === null ? w.none : money(x)),
    candidates: (x) => (x === null ? w.none : Object.keys(x).sort().map((k) => money(x[k])).join(w.or)),
    months: (x) => (x === null ? w.none : w.months(x)),
    policy: docNo,
  };
  const same = (a, b) => JSON.stringify(a === null ? null : sortKeys(a)) === JSON.stringify(b === null ? null : sortKeys(b));
  const parts = Object.keys(text).filter((k) => !same(recorded[k], now[k]))
    .map((k) => w.differs(w.field[k], text[k](recorded[k]), text[k](now[k])));
  let head = '';
  if (recorded.rules_hash && now.rules_hash && recorded.rules_hash !== now.rules_hash) {
    head = w.rulesChanged(recorded.rules_hash, now.rules_hash);
  } else if (recorded.engine_version && now.engine_version && recorded.engine_version !== now.engine_version) {
    head = w.engineChanged(recorded.engine_version, now.engine_version);
  }
  if (!parts.length) return head ? `${head}${w.resultSame}` : w.same(recorded.estimated || w.none, now.rules_hash);
  return `${head || w.notAsRecorded}${w.resultDiffers(parts)}`;
}

function sortKeys(x) {
  return x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x;
}
