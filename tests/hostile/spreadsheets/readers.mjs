// The XLSX reader as the tests hold it: its source (scripts/vendor/
// xlsx-read.mjs) and its bundle as the screening Worker loads it (the
// classic script build/wasm/site/screen/vendor/xlsx-read.js defining
// UieXlsxRead, built by scripts/bundle-vendor.mjs), with the helpers
// tests/js/xlsx-read.test.mjs, xlsx-hostile.test.mjs and xlsx-random.test.mjs
// compare their answers with.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

import * as source from '../../../scripts/vendor/xlsx-read.mjs';

export { source };

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const bundlePath = join(repo, 'build', 'wasm', 'site', 'screen', 'vendor', 'xlsx-read.js');

/** The bundle in a realm of its own with what a Worker offers it: UieXlsxRead. */
export function loadBundle() {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: build the site first with  cmake --preset wasm && cmake --build --preset wasm`);
  }
  const ctx = vm.createContext({ TextDecoder, Uint8Array, ArrayBuffer, Promise });
  ctx.self = ctx;
  vm.runInContext(readFileSync(bundlePath, 'utf8'), ctx);
  return ctx.UieXlsxRead;
}

export const arrayBuffer = (u8) => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);

// Rows copied into this realm (the bundle's arrays are the vm's), Dates as their instant.
export const plain = (rows) => Array.from(rows, (r) => Array.from(r, (c) => (Object.prototype.toString.call(c) === '[object Date]'
  ? { date: new Date(c.getTime()).toISOString() } : c)));

/**
 * The first sheet through reader.readSheetRows, every batch checked as it
 * comes (numbered on from the last, no longer than batchRows, rows unpadded:
 * none ends in null) and gathered: { rows (plain), result }.
 */
export async function streamedRows(reader, bytes, { batchRows = 2000, limits } = {}) {
  const rows = [];
  const result = await reader.readSheetRows(bytes, {
    batchRows,
    limits,
    onRows(batch, first) {
      assert.equal(first, rows.length + 1, 'batches come in order, numbered from 1 without a gap');
      assert.ok(batch.length > 0 && batch.length <= batchRows, `a batch of 1 to ${batchRows} rows (${batch.length})`);
      for (const row of plain(batch)) {
        assert.ok(row.length === 0 || row[row.length - 1] !== null, 'a row ends with its last value, not padded');
        rows.push(row);
      }
    },
  });
  assert.equal(result.rows, rows.length, 'rows: how many were delivered');
  assert.equal(result.columns, rows.reduce((w, r) => Math.max(w, r.length), 0), 'columns: the longest row');
  if (rows.length) assert.ok(rows[rows.length - 1].length > 0, 'the last row delivered has a value');
  return { rows, result };
}

/** Rows padded with null to the widest, as readSheet and read-excel-file give them. */
export function padded(rows) {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
}
