// An office's file of insured units for the screening tests and
// scripts/screen-speed.mjs: the template's Chinese headers plus columns that
// are no facts (单位名称, 统一社会信用代码, 备注), values written as Excel
// writes them (企业, 中小微企业, "56,789.12", 是/否), and, mixed in, what real
// files have: bad cells, blank rows, formula-like cells, quoted commas.
// Deterministic: the same n gives the same file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const HEADER = ['单位名称', '统一社会信用代码', '单位类型 (unit_type)', '企业规模（企业划型） (size)',
  '已足额缴纳失业保险费的月数 (contribution_months)', '上年末单位参保人数 (insured_headcount)',
  '上年度裁员人数（新增领金人数） (layoffs)', '上年度实际缴纳的失业保险费 (contributions_paid)', '是否被列入经营异常名录', '备注'];

// A small deterministic generator (mulberry32), so no test depends on luck.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** { rows: cells per data row, csv: the UTF-8 text without BOM, bad: how many rows have a bad cell, blank }. */
export function screenFile(n, seed = 1) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rows = [];
  let bad = 0;
  let blank = 0;
  for (let i = 0; i < n; i++) {
    const hc = 1 + Math.floor(next() * 400);
    const row = [
      i % 997 === 5 ? `某某${i}有限公司, 分公司` : `单位${i}`,
      `91140000MA${String(i).padStart(8, '0')}`,
      pick(['企业', '企业', '企业', 'enterprise', '社会团体', '律师事务所']),
      pick(['中小微企业', 'sme', '大型企业', '']),
      String(Math.floor(next() * 40)),
      String(hc),
      String(Math.floor(next() * (hc / 4 + 1))),
      (Math.floor(next() * 90000000) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
      pick(['否', '否', '否', '是', '']),
      pick(['', '', '', '=1+1', '+86 351', '-', '@备注', '正常']),
    ];
    if (i % 250 === 17) { row[6] = '若干'; bad += 1; }                     // not a count ('三' is read as 3, as the page reads it)
    else if (i % 400 === 33) { row[7] = '1.234'; bad += 1; }               // three decimals
    else if (i % 600 === 51) { row[2] = '合伙企业'; bad += 1; }             // not an option
    else if (i % 300 === 7) { row[5] = ''; }                               // a fact missing: undecided
    rows.push(row);
    if (i % 1000 === 500) { rows.push(['', '', '', '', '', '', '', '', '', '']); blank += 1; }
  }
  const csv = [HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return { rows, csv, bad, blank, units: n };
}

/** The same text in GB18030, as Excel saves "CSV (逗号分隔)" on a Chinese Windows (glibc's iconv). */
export function gb18030(text) {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8'), maxBuffer: 1 << 30 });
}

/**
 * The rows as an XLSX workbook (bytes), written with the site's own bundled
 * writer; numbers as numbers ("56,789.12" → 56789.12), as a sheet typed in
 * Excel has them.
 */
export async function xlsx(site, rows) {
  const ctx = vm.createContext({ Blob, Promise, TextEncoder, Uint8Array, console });
  ctx.globalThis = ctx;
  ctx.self = ctx;
  vm.runInContext(readFileSync(join(site, 'screen', 'vendor', 'xlsx-write.js'), 'utf8'), ctx);
  // Built inside the writer's own realm, so its checks of plain objects and arrays hold.
  ctx.input = JSON.stringify([HEADER, ...rows]);
  const blob = await vm.runInContext(
    'UieXlsxWrite.writeWorkbook(JSON.parse(input).map(function (r, i) { return r.map(function (c) {' +
    '  var n = c.replace(/,/g, "");' +
    '  return i > 0 && /^[0-9]+(\\.[0-9]+)?$/.test(n) ? { value: Number(n), type: Number } : { value: c, type: String };' +
    '}); })).toBlob()', ctx);
  return Buffer.from(await blob.arrayBuffer());
}
