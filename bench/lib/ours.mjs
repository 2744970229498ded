// A peer-bench case (lib/cases.mjs) as this project's input — a contract request, a
// JSONL line, a CSV row — and our answers (full response or compact screening line)
// back as the peers' verdict { eligible, refund_fen, failed }.
//
// The rule: 山西 2024 (晋人社厅发〔2024〕28号 on 人社部发〔2024〕40号), the peers' conditions
// (12 months; layoff rate ≤ 5.5 %, or ≤ 20 % with ≤ 30 insured; 失信; 注销吊销; 经营异常)
// and rates (30 % large, 60 % SME), on 2024-06-01.
export const REGION = '140000';
export const DATE = '2024-06-01';
export const TODAY = '2024-06-01';
export const PROGRAM = 'stabilization_refund';
export const SCREEN_DEFAULTS = JSON.stringify({ region: REGION, date: DATE, program: PROGRAM });

// Our contract refuses a unit with no insured staff (insured_headcount ≥ 1, invalid_fact),
// where the peers' rule still answers: such cases (2 of the 18 edge templates, 2 golden
// cases) must come back as that error, and are counted as "refused", not as agreement.
export const refusal = (c) => (c.insured_headcount === 0 ? 'invalid_fact' : null);

// Money as yuan with two decimals, from integer fen, without floating point.
function yuan(fen) {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
const baseFen = (c) => Math.max(0, c.paid_employer_fen + c.paid_employee_fen - c.back_pay_fen - c.late_fee_fen);

export function facts(c) {
  return {
    unit_type: 'enterprise',
    size: c.enterprise_size === 'large' ? 'large' : 'sme',
    contribution_months: c.months_paid_full,
    insured_headcount: c.insured_headcount,
    layoffs: c.layoffs,
    contributions_paid: yuan(baseFen(c)),
    seriously_dishonest: c.serious_dishonest,
    license_revoked: c.registration_status !== 'active',
    abnormal_operations: c.abnormal_operations,
  };
}

export const toRequest = (c) => ({ region: REGION, date: DATE, program: PROGRAM, facts: facts(c) });

export const CSV_HEADER = Object.keys(facts({ enterprise_size: 'large', paid_employer_fen: 0, paid_employee_fen: 0, back_pay_fen: 0, late_fee_fen: 0 })).join(',');
export const csvRow = (c) => Object.values(facts(c)).join(',');
export const jsonlLine = (c) => JSON.stringify(toRequest(c));
// A batch as the bytes of a file: what an office uploads (CSV) or a system exports (JSONL).
const utf8 = (text) => new TextEncoder().encode(text);
export const csvBytes = (cases) => utf8(`${CSV_HEADER}\n${cases.map(csvRow).join('\n')}\n`);
export const jsonlBytes = (cases) => utf8(cases.map(jsonlLine).join('\n') + '\n');

// Condition ids of our packs → the peers' failed codes.
const CODE = {
  contribution_months: 'contribution_months',
  layoff_rate: 'layoff_rate',
  seriously_dishonest: 'serious_dishonest',
  license_revoked: 'registration_status',
  abnormal_operations: 'abnormal_operations',
};
const code = (id) => CODE[id] ?? id;

// A full contract response (parsed).
export function fromAnswer(r) {
  if (!r.ok) return { error: r.error.code };
  const failed = r.conditions.filter((k) => k.passed === false).map((k) => code(k.id));
  return { eligible: r.eligible, refund_fen: r.amount_fen, failed };
}

// A compact screening line (parsed): {eligible, amount_fen, failed, missing} or the error
// object. A unit with every fact given must have nothing missing.
export function fromScreenLine(r) {
  if (r.ok === false) return { error: r.error?.code };
  if (!Array.isArray(r.missing) || r.missing.length) return { unexpected_missing: r.missing };
  return { eligible: r.eligible, refund_fen: r.amount_fen, failed: (r.failed ?? []).map(code) };
}

// Splits screening output into one parsed verdict per line (the trailing newline ends the last).
export function screenResults(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => {
    try {
      return fromScreenLine(JSON.parse(l));
    } catch {
      return { unparsable: l.slice(0, 200) };
    }
  });
}
