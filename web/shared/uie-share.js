/*
 * Share links (the answers in the URL fragment, after #, never sent to a
 * server) and a receipt's link (测算凭证), for every host: encodeShare,
 * decodeShare, SHARE_MAX. A file of its own so that the single page loads it
 * only when a link is opened or made (app.mjs); UieFront offers its names
 * once it is there (uie-front.js). Same hosts and rules as every file of
 * web/shared/ (see uie-front.js): <script> → global `UieShare`; require() →
 * module.exports. Tests: tests/js/shared-views.test.mjs, receipt-link.test.mjs.
 */
(function (/** @type {any} */ root, define) {
  if (typeof module === 'object' && module && module.exports) module.exports = define(require('./uie-views.js'));
  else root.UieShare = define(root.UieViews);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function (V) {
  'use strict';

  // The inputs only, in the URL fragment (after #, never sent to a server).
  // UTF-8 and base64url by hand: the mini-program's JS has no TextEncoder/btoa.

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /** Strict UTF-8 → text; throws on a malformed sequence. */
  function utf8Text(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      if (n < 0 || i + n >= bytes.length + (n ? 0 : 1)) throw new Error('bad utf-8');
      let c = n ? b & (0x3f >> n) : b;
      for (let k = 1; k <= n; k++) {
        const x = bytes[i + k];
        if ((x & 0xc0) !== 0x80) throw new Error('bad utf-8');
        c = (c << 6) | (x & 63);
      }
      if ((n === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (n === 3 && (c < 0x10000 || c > 0x10ffff))) throw new Error('bad utf-8');
      s += String.fromCodePoint(c);
      i += n + 1;
    }
    return s;
  }

  function base64url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
      if (i + 1 < bytes.length) s += B64[(n >> 6) & 63];
      if (i + 2 < bytes.length) s += B64[n & 63];
    }
    return s;
  }

  function fromBase64url(text) {
    if (text.length % 4 === 1) throw new Error('bad base64');
    const out = [];
    for (let i = 0; i < text.length; i += 4) {
      const chunk = text.slice(i, i + 4);
      let n = 0;
      for (let k = 0; k < 4; k++) n = (n << 6) | (k < chunk.length ? B64.indexOf(chunk[k]) : 0);
      out.push((n >> 16) & 255);
      if (chunk.length > 2) out.push((n >> 8) & 255);
      if (chunk.length > 3) out.push(n & 255);
    }
    return out;
  }

  // A receipt (测算凭证) adds what it showed, under `r`, in short keys (the link
  // goes into a QR code): a build that knows no `r` still opens the inputs.
  // Each recorded value's JSON text is of its one form, or the link is refused.
  /** @type {Array<[string, string, RegExp]>} [name, key in the link, the form of its JSON text] */
  const RECEIPT = [
    ['policy', 'p', /^"[A-Za-z0-9][\w.+-]{0,63}"$/],
    ['eligible', 'e', /^(true|false)$/],
    ['amount_fen', 'a', /^\d{1,15}$/],
    ['candidates', 'c', /^\{("[a-z_]{1,32}":\d{1,15},?){1,8}\}$/],
    ['months', 'm', /^(\d{1,3}|1[01]\d\d|1200)$/],
    ['rules_hash', 'h', /^"[0-9a-f]{8,64}"$/],
    ['engine_version', 'g', /^"[A-Za-z0-9][\w.+-]{0,31}"$/],
    ['estimated', 'd', /^"\d{4}-\d\d-\d\d"$/],
  ];
  /** The longest fragment read (characters after #): the page's links are under 1 000; a QR code holds at most 2 953 bytes. */
  const SHARE_MAX = 4096;
  const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

  /**
   * { region, date, program, facts, policy?, receipt? } → fragment text "s=…".
   * receipt: { policy, eligible, amount_fen, candidates, months, rules_hash,
   * engine_version, estimated } (null where the answer has none).
   */
  function encodeShare(inputs) {
    const payload = { v: 1, region: inputs.region, date: inputs.date, program: inputs.program, facts: inputs.facts };
    if (inputs.policy) payload.policy = inputs.policy;
    if (inputs.receipt) {
      const r = {};
      for (const [name, key] of RECEIPT) {
        const x = inputs.receipt[name];
        if (x !== null && x !== undefined) r[key] = x;
      }
      payload.r = r;
    }
    return `s=${base64url(V.utf8Bytes(JSON.stringify(payload)))}`;
  }

  /**
   * Fragment text → the inputs (with `receipt`, every key of it, when the link
   * is a receipt's), or null when it is not one of our links: not base64url
   * JSON of that form, longer than SHARE_MAX, or a receipt value of another
   * form. Never throws.
   */
  function decodeShare(fragment) {
    const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(typeof fragment === 'string' && fragment.length <= SHARE_MAX + 3 ? fragment : '');
    if (!m) return null;
    try {
      const p = JSON.parse(utf8Text(fromBase64url(m[1])));
      if (!isObject(p) || p.v !== 1 || typeof p.region !== 'string' || typeof p.program !== 'string' ||
          typeof p.date !== 'string' || !isObject(p.facts) || (p.policy !== undefined && typeof p.policy !== 'string') ||
          (p.r !== undefined && !isObject(p.r))) {
        return null;
      }
      const out = { region: p.region, date: p.date, program: p.program, facts: p.facts, policy: p.policy || null };
      if (p.r) {
        out.receipt = {};
        for (const [name, key, form] of RECEIPT) {
          const x = p.r[key] === undefined ? null : p.r[key];
          if (x !== null && !form.test(JSON.stringify(x))) return null;
          out.receipt[name] = x;
        }
      }
      return out;
    } catch (ignored) {
      return null;
    }
  }

  return { encodeShare, decodeShare, SHARE_MAX };
});
