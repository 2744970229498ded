// Reads one case of the hostile-spreadsheet corpus (make.mjs) in a process of
// its own and prints, as one JSON line, what happened and what it cost:
//
//   node --expose-gc tests/hostile/spreadsheets/read-case.mjs NAME [--reader MODULE] [--whole]
//   → { name, outcome: 'read' | 'refused', code, limit, value, message, messageEn,
//       rows, columns, batches, ms, peakMB, heapMB }
//
// peakMB is how far the process's peak resident memory (VmHWM) rose above
// its resident memory when the reading began, the package already built and
// the heap collected: the most the reading ever held at once, garbage not
// yet collected included. It is read from /proc (Linux, where the project's
// tests run); the peak is reset just before the reading (clear_refs 5), so
// building the package does not count. heapMB: the JS heap in use at the
// largest point any batch saw.
//
// --reader reads with another build of the reader (the bundle's source as it
// was, to measure what the limits changed); --whole calls readSheet, which
// holds every row, instead of readSheetRows.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CASES } from './make.mjs';

const args = process.argv.slice(2);
const name = args[0];
const option = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
const readerPath = option('--reader') || fileURLToPath(new URL('../../../scripts/vendor/xlsx-read.mjs', import.meta.url));
const whole = args.includes('--whole');
const c = CASES.find((x) => x.name === name);
if (!c) {
  console.error(`read-case: no case ${name} (${CASES.map((x) => x.name).join(', ')})`);
  process.exit(2);
}

const kb = (field) => {
  const m = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : NaN;
};

const reader = await import(pathToFileURL(readerPath).href);
let bytes = c.bytes();
if (global.gc) global.gc();
try {
  writeFileSync('/proc/self/clear_refs', '5');   // the peak so far becomes the memory now
} catch {
  // No way to reset it (an old kernel): the peak then includes building the package, which only overstates.
}
const startRss = kb('VmRSS');
const startHeap = process.memoryUsage().heapUsed;
let heapMax = startHeap;
let batches = 0;
const out = { name };
const t = performance.now();
try {
  let result;
  if (whole) {
    const rows = await reader.readSheet(bytes, 1, { limits: c.limits });
    result = { rows: rows.length, columns: rows.length ? rows[0].length : 0 };
  } else {
    result = await reader.readSheetRows(bytes, {
      limits: c.limits,
      onRows() {
        batches++;
        heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);   // the batch itself is dropped: the caller keeps nothing
      },
    });
  }
  Object.assign(out, { outcome: 'read', rows: result.rows, columns: result.columns });
} catch (e) {
  Object.assign(out, { outcome: 'refused', code: e.code || null, limit: e.limit || null, value: e.value === undefined ? null : e.value,
    error: e.name, message: e.message, messageEn: e.messageEn || null });
}
out.ms = Math.round(performance.now() - t);
bytes = null;
out.batches = batches;
out.peakMB = Math.round((kb('VmHWM') - startRss) / 1048576 * 10) / 10;
out.heapMB = Math.round((heapMax - startHeap) / 1048576 * 10) / 10;
console.log(JSON.stringify(out));
