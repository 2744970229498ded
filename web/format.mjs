// Pure helpers of the page: money text, answer normalisation, share links.
// No rule numbers or rule logic: amounts arrive as integer fen from the engine.

const FULLWIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

/** "１２３．５" → "123.5", "5,000" → "5000": what people type on a Chinese keyboard. */
export function asciiNumber(text) {
  return String(text)
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，_]/g, '')
    .replace(/。/g, '.');
}

function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Integer fen → "34,073.47" (yuan, two decimals, grouped). */
export function yuanText(fen) {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const text = `${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${text}` : text;
}

/**
 * Integer fen → the same amount in 万元 with two decimals (half up), or null
 * below 1 万元, where 万 is not natural. `exact` is false when rounded.
 */
export function wanText(fen) {
  if (!Number.isSafeInteger(fen) || fen < 1_000_000) return null;
  const hundredths = Math.floor((fen + 5000) / 10000);   // 0.01 万元 = 100 元 = 10 000 fen
  return {
    text: `${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`,
    exact: fen % 10000 === 0,
  };
}

/**
 * A typed answer → the value sent to the engine. Numbers that look like
 * numbers become JSON numbers (money stays a decimal string, as the contract
 * allows, so no binary rounding ever touches it); anything else is sent as
 * typed, and the engine's message says what is wrong with it.
 */
export function answerValue(type, raw) {
  if (type === 'money') return asciiNumber(raw);
  if (type === 'count' || type === 'integer') {
    const t = asciiNumber(raw);
    if (/^[+-]?\d+(\.\d+)?$/.test(t)) {
      const n = Number(t);
      if (Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n;
    }
    return String(raw).trim();
  }
  return String(raw).trim();
}

// ---- share links: the inputs only, in the URL fragment (never sent to a server) ----

function toBase64Url(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** { region, date, program, facts, policy? } → fragment text "s=…". */
export function encodeShare(inputs) {
  const payload = { v: 1, region: inputs.region, date: inputs.date, program: inputs.program, facts: inputs.facts };
  if (inputs.policy) payload.policy = inputs.policy;
  return `s=${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

/** Fragment text → the inputs, or null when it is not one of our links. */
export function decodeShare(fragment) {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(fragment || '');
  if (!m) return null;
  try {
    const p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(m[1])));
    const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
    if (!isObject(p) || p.v !== 1 || typeof p.region !== 'string' || typeof p.program !== 'string' ||
        typeof p.date !== 'string' || !isObject(p.facts) || (p.policy !== undefined && typeof p.policy !== 'string')) {
      return null;
    }
    return { region: p.region, date: p.date, program: p.program, facts: p.facts, policy: p.policy || null };
  } catch {
    return null;
  }
}

/** Today as YYYY-MM-DD in the device's time zone. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
