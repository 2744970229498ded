#!/usr/bin/env node
// estimate, through the WebAssembly build: the native build/native/estimate's
// command line (contract §6) and its output, byte for byte, on the same batch
// session (uie::Session) — every flag but --pack (the module has the built-in
// rules only).
//
//   node wasm/estimate.mjs < request.json                  one request in, one response out
//   node wasm/estimate.mjs --jsonl [--screen] < batch.jsonl one response (or screening line) per line
//   node wasm/estimate.mjs --csv [--screen] --region R --date D --program P < units.csv > results.csv
//
// Exit status 0 when every response was produced (whatever they say); 2 when
// it could not run at all (bad options, module or rule packs not loadable, a
// CSV header that cannot be read).
import { createRequire } from 'node:module';

import { loadEstimator, wasmDir } from './js/node.mjs';

const HELP = `用法 / usage: node wasm/estimate.mjs [--jsonl | --csv [--encoding E]] [--screen] [--today YYYY-MM-DD] [--lang zh|en]

失业保险待遇测算（稳岗返还、技能提升补贴、失业保险金等），用 WebAssembly 版引擎在本机计算。
Estimates unemployment-insurance benefits on this machine with the WebAssembly build
of the engine (the same answers as build/native/estimate); nothing is sent anywhere.

  (no option)        read one JSON request on standard input, print one JSON response
  --jsonl            read one request per line and print one response per line, in order;
                     a bad line gets an error response and the batch goes on
  --screen           screening: one compact line per unit instead of the full answer or the table
  --csv              read a CSV batch (a header row, then one unit per row) and write the table:
                     every input column plus 是否符合, 金额/分, 金额/元, 可能金额 and 原因
  --encoding E       the CSV's encoding: auto (default: UTF-8, else GB18030), utf-8 or gb18030;
                     the table is written in the same one
  --region CODE, --date DATE, --program ID, --policy ID
                     the defaults of every CSV row (columns of those names override them)
  --today DATE       the date a request without "date" is evaluated on (default: today)
  --lang zh|en       the language of sentences, notes and errors (default zh)
  --catalog          print the programs, regions and policies the rules cover
  --version          print the engine version
  --help             print this text

The module is read from ${wasmDir()} (set UIE_WASM_DIR to use another build).
Exit status: 0 when every response was produced (whatever they say), 2 when it could
not run at all (bad options, module or rule packs not loadable, a CSV header that
cannot be read).
`;

const ENCODINGS = { auto: 'auto', 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030' };

function usageError(message) {
  process.stderr.write(`estimate: ${message}\n(try node wasm/estimate.mjs --help)\n`);
  process.exit(2);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function write(text) {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

// Input bytes → what the session reads, as the native CLI's Decoder: auto
// decides at the first byte past ASCII (UTF-8 when the bytes from there are
// valid UTF-8, else GB18030); UTF-8 goes in as it is.
class Decoder {
  constructor(encoding) {
    this.encoding = encoding;   // 'auto' while everything was ASCII
    this.gb = null;
  }

  decode(bytes) {
    if (this.encoding === 'auto') {
      const first = bytes.findIndex((b) => b >= 0x80);
      if (first < 0) return bytes;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(first), { stream: true });
        this.encoding = 'utf-8';
      } catch {
        this.encoding = 'gb18030';
      }
    }
    if (this.encoding === 'utf-8') return bytes;
    this.gb ||= new TextDecoder('gb18030');
    return this.gb.decode(bytes, { stream: true });
  }

  finish() {
    return this.gb ? this.gb.decode() : '';
  }
}

async function main() {
  const args = process.argv.slice(2);
  const o = { jsonl: false, csv: false, screen: false, catalog: false, today: '', lang: 'zh', encoding: 'auto',
              region: '', date: '', program: '', policy: '' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = i + 1 < args.length;
    if (a === '--help' || a === '-h') {
      process.stdout.write(HELP);
      return;
    } else if (a === '--version') {
      const estimator = await load();
      process.stdout.write(`${await estimator.version()}\n`);
      return;
    } else if (a === '--jsonl' || a === '--csv' || a === '--screen' || a === '--catalog') {
      o[a.slice(2)] = true;
    } else if (a === '--today' && value) {
      o.today = args[++i];
      if (o.today.length !== 10) usageError('--today 需要 YYYY-MM-DD 格式的日期');
    } else if (a === '--lang' && value) {
      o.lang = args[++i];
      if (o.lang !== 'zh' && o.lang !== 'en') usageError('--lang 只能是 zh 或 en');
    } else if (a === '--encoding' && value) {
      o.encoding = ENCODINGS[args[++i].toLowerCase()];
      if (!o.encoding) usageError('--encoding 只能是 auto、utf-8 或 gb18030');
    } else if (['--region', '--date', '--program', '--policy'].includes(a) && value) {
      o[a.slice(2)] = args[++i];
    } else if (a === '--pack') {
      usageError('--pack 只有原生版 build/native/estimate 支持；WebAssembly 版只用内置规则包');
    } else {
      usageError(`不认识的参数 ${a}`);
    }
  }
  if (o.jsonl && o.csv) usageError('--jsonl 和 --csv 只能选一个');
  if (o.screen && !o.jsonl && !o.csv) usageError('--screen 需要和 --jsonl 或 --csv 一起用');
  const estimator = await load();
  if (o.catalog) {
    await write(`${await estimator.catalogText()}\n`);
    return;
  }
  if (o.jsonl || o.csv) {
    process.exitCode = (await batch(estimator, o)) ? 0 : 2;
    return;
  }
  await write(`${await estimator.estimateText(await readStdin(), { today: o.today, lang: o.lang })}\n`);
}

// One session for the whole of standard input, fed as it arrives.
async function batch(estimator, o) {
  const table = o.csv && !o.screen;
  const session = await estimator.openSession({
    input: o.jsonl ? 'jsonl' : 'csv', output: o.screen ? 'lines' : table ? 'table' : 'full',
    region: o.region, date: o.date, program: o.program, policy: o.policy, today: o.today, lang: o.lang,
  });
  const decoder = o.csv ? new Decoder(o.encoding) : null;
  // The table goes out as the input came in (GB18030 back as GB18030; the
  // UTF-8 byte-order mark kept); while the input is all ASCII its encoding
  // is not known yet, so the table waits, as the native CLI's does.
  let pending = '';
  let bom = null;
  const out = async (text, last) => {
    if (!table) return text ? write(text) : undefined;
    pending += text;
    if (decoder.encoding === 'auto' && !last && pending.length < (16 << 20)) return undefined;
    const gb = decoder.encoding === 'gb18030';
    const bytes = gb ? createRequire(import.meta.url)('iconv-lite').encode(pending, 'gb18030') : pending;
    const head = !gb && bom ? '\uFEFF' : '';
    bom = false;
    pending = '';
    return write(head ? head + bytes : bytes);
  };
  for await (const chunk of process.stdin) {
    if (bom === null) bom = chunk.length >= 3 && chunk[0] === 0xEF && chunk[1] === 0xBB && chunk[2] === 0xBF;
    await out(session.feed(decoder ? decoder.decode(new Uint8Array(chunk)) : chunk), false);
    if (session.error) break;
  }
  if (!session.error) {
    if (decoder) await out(session.feed(decoder.finish()), false);
    await out(session.finish(), true);
  }
  const error = session.error;
  session.close();
  if (error && table) {
    process.stderr.write(`estimate: ${error}\n`);
    return false;
  }
  return !error;
}

async function load() {
  try {
    return await loadEstimator();
  } catch (e) {
    const detail = e.issues ? e.issues.map((i) => `\n  ${i.file} ${i.pointer}: ${i.message}`).join('') : '';
    process.stderr.write(`estimate: 无法加载 WebAssembly 模块（${wasmDir()}）：${e.message}${detail}\n` +
                         '先构建：cmake --preset wasm && cmake --build --preset wasm\n');
    process.exit(2);
  }
}

main().catch((e) => {
  process.stderr.write(`estimate: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
