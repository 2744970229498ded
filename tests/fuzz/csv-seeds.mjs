// Seeds of fuzz_csv (make-seeds.mjs writes them): batches for uie::Session,
// each behind the bytes that say how to run it (fuzz_csv.cpp, Plan).

const maxSeed = 4096;

// Byte 0 of a plan: bit 0 JSONL, bits 1-2 the output (kLines, kReasons,
// kTable, kFull), bit 3 the 256-byte limit, bit 4 English, bit 5 which run
// tees, bit 6 CRLF for the CSV written from cells, bit 7 the generator.
// Byte 1 chooses the defaults, byte 2 seeds the chunks; with the generator,
// bytes 3-5 place the piece, give its length and how far it is stretched.
function plan({ jsonl = false, output = 0, small = false, english = false, teeWhole = false, crlf = false,
  defaults = 0, seed = 0, stretch = null }) {
  const mode = (jsonl ? 1 : 0) | (output << 1) | (small ? 8 : 0) | (english ? 16 : 0) | (teeWhole ? 32 : 0) |
    (crlf ? 64 : 0) | (stretch ? 128 : 0);
  const bytes = [mode, defaults, seed];
  if (stretch) bytes.push(stretch.start, stretch.length - 1, stretch.how);
  return Buffer.from(bytes);
}

const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells) => cells.map(csvCell).join(',');

// A fact's value as a spreadsheet holds it.
function cellOf(v, k) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(k % 2 ? ';' : '、');
  if (typeof v === 'boolean') return k % 2 ? (v ? '是' : '否') : (v ? 'TRUE' : 'FALSE');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// Each program's scenario requests as tables of at most maxSeed bytes,
// region/date/program in columns, facts headed by id, label or "label (id)".
function scenarioTables(programs, requests) {
  const tables = [];
  for (const p of programs.programs ?? []) {
    const label = new Map((p.facts ?? []).map((f) => [f.id, f.label]));
    const rows = requests.filter((r) => r && r.program === p.id && r.facts && typeof r.facts === 'object');
    const ids = [...new Set(rows.flatMap((r) => Object.keys(r.facts)))];
    const headers = [
      ['region', 'date', 'program', ...ids],
      ['地区', '日期', '项目', ...ids.map((id) => label.get(id) ?? id)],
      ['单位名称', 'region', 'date', ...ids.map((id) => (label.has(id) ? `${label.get(id)} (${id})` : id))],
    ];
    for (let h = 0; h < headers.length; ++h) {
      let table = csvLine(headers[h]) + '\n';
      let count = 0;
      for (const [k, r] of rows.entries()) {
        const lead = h === 2 ? [`单位${k}`, r.region ?? '', r.date ?? ''] : [r.region ?? '', r.date ?? '', r.program];
        const line = csvLine([...lead, ...ids.map((id) => cellOf(r.facts[id], k))]) + (k % 3 ? '\n' : '\r\n');
        if (table.length + line.length > maxSeed - 16 && count) {
          tables.push({ text: table, program: p.id });
          table = csvLine(headers[h]) + '\n';
          count = 0;
        }
        table += line;
        ++count;
      }
      if (count) tables.push({ text: table, program: p.id });
    }
  }
  return tables;
}

// The edges of tests/unit/csv_test.cpp and session_test.cpp, on 山西's table.
const header = 'unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid';
const good = 'enterprise,sme,24,80,4,56789.12';
const edgeTables = [
  `\uFEFF${header}\r\n${good}\r\n`,
  ` unit_type , size,contribution_months,insured_headcount,layoffs,contributions_paid\nenterprise, sme ,24,80,4,"56,789.12"\n`,
  `单位名称,${header}\n"某某有限公司, 分公司",${good}\n"他说""好""",${good}\n"两行\n的名称",${good}\n=1+1,${good}\n`,
  `${header}\nenterprise,sme,24,80\nenterprise,sme,24,80,4,56789.12,extra\nenterprise,sme,24,80,4,56789.12,,\n`,
  `${header}\nenterprise,sme,24,80,three,56789.12\n${good}\nenterprise,huge,24,80,4,1\nenterprise,sme,24,80,90,1\nenterprise,sme,24,80,4,1.234\n`,
  `region,date,${header}\n140000,2024-07-15,${good}\n630000,2021-10-08,${good}\n14,2024-07-15,${good}\n999999,2024-07-15,${good}\n140000,2024/07/15,${good}\n140000,2031-01-01,${good}\n`,
  `unit_type,size,contribution_month,insured_headcount,layoffs,contributions_paid\n${good}\n`,
  'unit_type,unit_type\nenterprise,enterprise\n',
  `${header}\n${good}\n"enterprise,sme,24,80,4,1\n`,
  `${header}\n\n${good}\n\r\n ,,\n${good}`,
  '',
  `${header}\n`,
];

export function csvSeeds(programs, requests, batches) {
  const seeds = [];
  scenarioTables(programs, requests).forEach(({ text }, i) => {
    seeds.push(Buffer.concat([plan({ output: i % 4, teeWhole: i % 2 === 1, crlf: i % 3 === 0, defaults: i % 9, seed: i }),
      Buffer.from(text)]));
  });
  edgeTables.forEach((text, i) => {
    for (let output = 0; output < 4; ++output) {
      seeds.push(Buffer.concat([plan({ output, english: output === 1, teeWhole: i % 2 === 0, defaults: 0, seed: i * 4 + output }),
        Buffer.from(text)]));
    }
    seeds.push(Buffer.concat([plan({ output: i % 4, small: true, defaults: 0, seed: i }), Buffer.from(text)]));
  });
  batches.filter((b) => b.length <= maxSeed).forEach((b, i) => {
    seeds.push(Buffer.concat([plan({ jsonl: true, output: i % 4, small: i % 5 === 0, english: i % 7 === 0, seed: i }), b]));
  });
  // Items stretched to the limit's edge and far past it (the generator): a
  // cell of a table row, and a JSONL line, on both engines.
  const row = `单位名称,${header}\n"备注",${good}\n${good}\n`;
  const line = `${batches.find((b) => b.length > 0 && b.length < 1024) ?? '{}'}\n{}\n`;
  for (const how of [0, 1, 2, 3, 4]) {
    for (const small of [false, true]) {
      const cell = Buffer.from(row).indexOf('备注');
      seeds.push(Buffer.concat([plan({ output: how % 4, small, seed: how, stretch: { start: cell, length: 3, how } }), Buffer.from(row)]));
      seeds.push(Buffer.concat([plan({ jsonl: true, output: how % 4, small, seed: how, stretch: { start: 2, length: 4, how } }),
        Buffer.from(line)]));
    }
  }
  // A line and a record of exactly the limit -1 … +2 bytes, then CRLF: the
  // CR may not count (session_test.cpp: the splitter keeps its limit to the byte).
  for (const how of [0, 1, 2, 3]) {
    for (const small of [false, true]) {
      for (const [jsonl, text] of [[true, '{}\nX\r\n{}\n'], [false, 'note\nX\r\nY\r\n']]) {
        const start = text.indexOf('X');
        seeds.push(Buffer.concat([plan({ jsonl, output: how % 4, small, seed: how, stretch: { start, length: 1, how } }),
          Buffer.from(text)]));
      }
    }
  }
  return seeds;
}
