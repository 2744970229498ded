// Deterministic pseudo-random enterprises for the 稳岗返还 rule, plus golden cases
// whose expected outputs were worked out by hand (they validate the reference).
// Copied from ../shared/bench/peers/lib/cases.mjs; same sequence for the same seed.

// mulberry32: tiny, fast, good enough for test data; same sequence on every JS engine.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Edge templates applied to every 16th case (fields not named stay random).
// h = insured headcount, l = layoffs.
const EDGES = [
  { insured_headcount: 200, layoffs: 11 }, // exactly 5.5 % -> ok
  { insured_headcount: 200, layoffs: 12 }, // 6 % -> fail (h > 30)
  { insured_headcount: 1000, layoffs: 55 }, // exactly 5.5 %
  { insured_headcount: 1000, layoffs: 56 }, // 5.6 %
  { insured_headcount: 30, layoffs: 6 }, // exactly 20 %, h = 30 -> ok
  { insured_headcount: 30, layoffs: 7 }, // 23.3 % -> fail
  { insured_headcount: 31, layoffs: 6 }, // 19.4 % but h = 31 -> fail
  { insured_headcount: 31, layoffs: 1 }, // 3.2 % -> ok
  { insured_headcount: 5, layoffs: 1 }, // exactly 20 %
  { insured_headcount: 25, layoffs: 5 }, // exactly 20 %
  { insured_headcount: 20, layoffs: 5 }, // 25 % -> fail
  { insured_headcount: 30, layoffs: 0 },
  { months_paid_full: 12 }, // boundary: ok
  { months_paid_full: 11 }, // boundary: fail
  { insured_headcount: 0, layoffs: 0 }, // no insured staff at year end, nobody laid off
  { insured_headcount: 0, layoffs: 2 }, // rate undefined -> fail
  { _halfUp: true }, // base ending in 5 with a large enterprise: x.5 fen -> rounds up
  { _negativeBase: true }, // back pay + late fees exceed the paid totals (bad data) -> base 0
];

// Case i of the seeded sequence, one at a time: streamCases(seed)() returns the next case.
// A million units can be written out without holding them all.
export function streamCases(seed = 202440) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p) => rnd() < p;
  let i = 0;
  return function next() {
    const sr = rnd();
    const enterprise_size = sr < 0.2 ? 'large' : sr < 0.45 ? 'medium' : sr < 0.75 ? 'small' : 'micro';
    let insured_headcount;
    switch (enterprise_size) {
      case 'large': insured_headcount = chance(0.03) ? int(10, 30) : int(300, 30000); break;
      case 'medium': insured_headcount = int(40, 1000); break;
      case 'small': insured_headcount = int(8, 150); break;
      default: insured_headcount = int(1, 40);
    }
    const months_paid_full = chance(0.85) ? int(12, 120) : int(0, 11);
    let layoffs = 0;
    if (!chance(0.45)) {
      // rate mostly small, some well above the thresholds
      const rate = chance(0.7) ? rnd() * 0.07 : rnd() * 0.35;
      layoffs = Math.min(insured_headcount, Math.max(1, Math.round(insured_headcount * rate)));
    }
    const serious_dishonest = chance(0.04);
    const st = rnd();
    const registration_status = st < 0.95 ? 'active' : st < 0.975 ? 'deregistered' : 'revoked';
    const abnormal_operations = chance(0.04);
    // yearly UI money per insured head, employer + employee, in fen (240..3000 yuan)
    const total = insured_headcount * int(24_000, 300_000);
    let paid_employer_fen = Math.floor(total * (0.6 + rnd() * 0.1));
    const paid_employee_fen = total - paid_employer_fen;
    const back_pay_fen = chance(0.15) ? int(0, Math.floor(total / 10)) : 0;
    const late_fee_fen = chance(0.1) ? int(0, 50_000) : 0;
    paid_employer_fen += back_pay_fen + late_fee_fen; // totals include back pay and late fees
    const c = {
      id: i,
      months_paid_full,
      insured_headcount,
      layoffs,
      enterprise_size,
      serious_dishonest,
      registration_status,
      abnormal_operations,
      paid_employer_fen,
      paid_employee_fen,
      back_pay_fen,
      late_fee_fen,
    };
    if (i % 16 === 0) applyEdge(c, EDGES[(i / 16) % EDGES.length], int);
    i++;
    return c;
  };
}

export function generateCases(n, seed = 202440) {
  const next = streamCases(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = next();
  return out;
}

function applyEdge(c, e, int) {
  if (e._halfUp) {
    c.enterprise_size = 'large';
    c.back_pay_fen = 0;
    c.late_fee_fen = 0;
    c.paid_employee_fen = int(0, 99_999) * 10 + 5; // base ends in 5 -> base*0.3 ends in .5 fen
    c.paid_employer_fen = int(0, 99_999) * 10;
    return;
  }
  if (e._negativeBase) {
    c.back_pay_fen = c.paid_employer_fen + c.paid_employee_fen + int(1, 1000);
    c.late_fee_fen = int(0, 500);
    return;
  }
  Object.assign(c, e);
  if (c.insured_headcount === 0) {
    c.paid_employer_fen = c.paid_employee_fen = c.back_pay_fen = c.late_fee_fen = 0;
  }
}

const ok = {
  months_paid_full: 24,
  insured_headcount: 100,
  layoffs: 0,
  enterprise_size: 'medium',
  serious_dishonest: false,
  registration_status: 'active',
  abnormal_operations: false,
  paid_employer_fen: 1_000_000,
  paid_employee_fen: 500_000,
  back_pay_fen: 0,
  late_fee_fen: 0,
};
const g = (id, patch, expected) => ({ input: { id, ...ok, ...patch }, expected });

// Hand-computed expectations.
export const GOLDEN = [
  g('G01 medium, clean', {}, { eligible: true, refund_fen: 900_000, failed: [] }), // 1.5M * 60 %
  g('G02 large 30 %', { enterprise_size: 'large' }, { eligible: true, refund_fen: 450_000, failed: [] }),
  g('G03 back pay + late fee excluded', { paid_employer_fen: 1_100_000, back_pay_fen: 80_000, late_fee_fen: 20_000 }, { eligible: true, refund_fen: 900_000, failed: [] }),
  g('G04 half-up: 12355 fen * 30 %', { enterprise_size: 'large', paid_employer_fen: 12_355, paid_employee_fen: 0 }, { eligible: true, refund_fen: 3707, failed: [] }), // 3706.5 -> 3707
  g('G05 12345 fen * 30 %', { enterprise_size: 'large', paid_employer_fen: 12_345, paid_employee_fen: 0 }, { eligible: true, refund_fen: 3704, failed: [] }), // 3703.5 -> 3704
  g('G06 11 months', { months_paid_full: 11 }, { eligible: false, refund_fen: 0, failed: ['contribution_months'] }),
  g('G07 12 months', { months_paid_full: 12 }, { eligible: true, refund_fen: 900_000, failed: [] }),
  g('G08 rate exactly 5.5 %', { insured_headcount: 200, layoffs: 11 }, { eligible: true, refund_fen: 900_000, failed: [] }),
  g('G09 rate 6 %', { insured_headcount: 200, layoffs: 12 }, { eligible: false, refund_fen: 0, failed: ['layoff_rate'] }),
  g('G10 30 insured, exactly 20 %', { insured_headcount: 30, layoffs: 6, enterprise_size: 'small' }, { eligible: true, refund_fen: 900_000, failed: [] }),
  g('G11 30 insured, 23.3 %', { insured_headcount: 30, layoffs: 7 }, { eligible: false, refund_fen: 0, failed: ['layoff_rate'] }),
  g('G12 31 insured, 19.4 %', { insured_headcount: 31, layoffs: 6 }, { eligible: false, refund_fen: 0, failed: ['layoff_rate'] }),
  g('G13 everything fails', { months_paid_full: 0, layoffs: 50, serious_dishonest: true, registration_status: 'revoked', abnormal_operations: true }, { eligible: false, refund_fen: 0, failed: ['contribution_months', 'layoff_rate', 'serious_dishonest', 'registration_status', 'abnormal_operations'] }),
  g('G14 deregistered', { registration_status: 'deregistered' }, { eligible: false, refund_fen: 0, failed: ['registration_status'] }),
  g('G15 dishonest + abnormal', { serious_dishonest: true, abnormal_operations: true }, { eligible: false, refund_fen: 0, failed: ['serious_dishonest', 'abnormal_operations'] }),
  g('G16 0 insured, 0 layoffs', { insured_headcount: 0, paid_employer_fen: 0, paid_employee_fen: 0 }, { eligible: true, refund_fen: 0, failed: [] }),
  g('G17 0 insured, 2 layoffs', { insured_headcount: 0, layoffs: 2 }, { eligible: false, refund_fen: 0, failed: ['layoff_rate'] }),
  g('G18 base would be negative', { back_pay_fen: 2_000_000 }, { eligible: true, refund_fen: 0, failed: [] }),
  g('G19 micro, 1 insured, 0 layoffs', { enterprise_size: 'micro', insured_headcount: 1, paid_employer_fen: 11, paid_employee_fen: 0 }, { eligible: true, refund_fen: 7, failed: [] }), // 6.6 -> 7
  g('G20 big money', { enterprise_size: 'large', paid_employer_fen: 9_876_543_210, paid_employee_fen: 1_234_567_891 }, { eligible: true, refund_fen: 3_333_333_330, failed: [] }), // 11111111101 * .3 = 3333333330.3
];

