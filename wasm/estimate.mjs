#!/usr/bin/env node
// estimate, through the WebAssembly build: the same command line and the same
// output, byte for byte, as the native build/native/estimate (contract §6).
//
//   node wasm/estimate.mjs < request.json          one request in, one response out
//   node wasm/estimate.mjs --jsonl < batch.jsonl   one request per line, one response per line
//
// Exit status 0 when every response was produced (whatever they say); 2 when
// it could not run at all (bad options, module or rule packs not loadable).
import { loadEstimator, wasmDir } from './js/node.mjs';

const HELP = `用法 / usage: node wasm/estimate.mjs [--jsonl] [--today YYYY-MM-DD]

失业保险待遇测算（稳岗返还、技能提升补贴、失业保险金等），用 WebAssembly 版引擎在本机计算。
Estimates unemployment-insurance benefits on this machine with the WebAssembly build
of the engine (the same answers as build/native/estimate); nothing is sent anywhere.

  (no option)        read one JSON request on standard input, print one JSON response
  --jsonl            read one request per line and print one response per line, in order;
                     a bad line gets an error response and the batch goes on
  --today DATE       the date a request without "date" is evaluated on (default: today)
  --catalog          print the programs, regions and policies the rules cover
  --version          print the engine version
  --help             print this text

The module is read from ${wasmDir()} (set UIE_WASM_DIR to use another build).
Exit status: 0 when every response was produced (whatever they say), 2 when it could
not run at all (bad options, module or rule packs not loadable).
`;

// The engine's request limit (uie::Limits::max_request_bytes). A longer
// --jsonl line is answered from a stand-in of the same size class, as the
// native CLI does, so the message is the same.
const MAX_REQUEST_BYTES = 64 * 1024;

function usageError(message) {
  process.stderr.write(`estimate: ${message}\n(try node wasm/estimate.mjs --help)\n`);
  process.exit(2);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Splits on \n exactly as the native reader does: every \n ends a line (an
// empty one too, which gets its own error response); text after the last \n
// is a line; a trailing \r is dropped.
function* lines(bytes) {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    const last = end === -1;
    if (last) end = bytes.length;
    let line = bytes.subarray(start, end);
    if (line.length <= MAX_REQUEST_BYTES && line.length > 0 && line[line.length - 1] === 0x0d) {
      line = line.subarray(0, line.length - 1);
    }
    yield line;
    start = end + 1;
  }
}

function write(text) {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function main() {
  const args = process.argv.slice(2);
  let jsonl = false;
  let catalog = false;
  let today = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(HELP);
      return;
    } else if (a === '--version') {
      const estimator = await load();
      process.stdout.write(`${await estimator.version()}\n`);
      return;
    } else if (a === '--jsonl') {
      jsonl = true;
    } else if (a === '--catalog') {
      catalog = true;
    } else if (a === '--today' && i + 1 < args.length) {
      today = args[++i];
      if (today.length !== 10) usageError('--today 需要 YYYY-MM-DD 格式的日期');
    } else if (a === '--pack') {
      usageError('--pack 只有原生版 build/native/estimate 支持；WebAssembly 版只用内置规则包');
    } else {
      usageError(`不认识的参数 ${a}`);
    }
  }
  const estimator = await load();
  if (catalog) {
    await write(`${await estimator.catalogText()}\n`);
    return;
  }
  const input = await readStdin();
  if (!jsonl) {
    await write(`${await estimator.estimateText(input, { today })}\n`);
    return;
  }
  const standIn = ' '.repeat(MAX_REQUEST_BYTES + 1);
  for (const line of lines(input)) {
    const request = line.length > MAX_REQUEST_BYTES ? standIn : line;
    await write(`${await estimator.estimateText(request, { today })}\n`);
  }
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
