// Paths, statistics and the agreement check shared by the orchestrator and the children.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = join(BENCH, '..');
// The build this run measures: build/ of this checkout, or $UIE_BENCH_BUILD
// (a directory laid out the same way: native/estimate, wasm/wasm/, wasm/site/).
export const BUILD = process.env.UIE_BENCH_BUILD || join(REPO, 'build');

export function median(xs) {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (a.length === 0) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

// The verdict every engine must give: { eligible, refund_fen, failed } equal to the
// reference's, failed in the reference's order.
export function sameResult(a, b) {
  return (
    a !== null &&
    typeof a === 'object' &&
    a.eligible === b.eligible &&
    a.refund_fen === b.refund_fen &&
    Array.isArray(a.failed) &&
    a.failed.length === b.failed.length &&
    a.failed.every((x, i) => x === b.failed[i])
  );
}

// Tally of one engine's answers against the reference. `refusal` is the error code the
// engine's contract must answer instead (null: it must agree); see ours.mjs.
export function tally() {
  const t = { checked: 0, agree: 0, refused: 0, disagree: 0, examples: [] };
  t.add = (id, got, expected, refusal = null) => {
    t.checked++;
    const ok = refusal ? got?.error === refusal : sameResult(got, expected);
    if (ok) refusal ? t.refused++ : t.agree++;
    else {
      t.disagree++;
      if (t.examples.length < 10) t.examples.push({ id, got, expected: refusal ? { error: refusal } : expected });
    }
  };
  return t;
}

export const plainTally = ({ add, ...rest }) => rest;
