#!/usr/bin/env node
// A static file server for the built site, on 127.0.0.1 only.
//
//   node scripts/serve.mjs [--root DIR] [--port N]     (defaults: build/wasm/site, 8000; 0 = any free port)
//
// It prints the address and serves GET/HEAD of files under the root, nothing
// else: no directory listings, no uploads, no logging of request contents.
// .wasm is served as application/wasm so browsers compile it while streaming.
// Also imported by the browser tests (startServer).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const defaultRoot = fileURLToPath(new URL('../build/wasm/site/', import.meta.url));

/** Starts serving `root` on 127.0.0.1:`port`; resolves to { url, server, close() }. */
export function startServer({ root = defaultRoot, port = 8000 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(404, 'not found\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found\n');
    }
    if (!info.isFile()) return send(404, 'not found\n');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolveStart({
        url: `http://127.0.0.1:${actual}/`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function usage(code) {
  (code ? process.stderr : process.stdout).write(
    'usage: node scripts/serve.mjs [--root DIR] [--port N]\n' +
      `Serves DIR (default ${defaultRoot}) on 127.0.0.1, port N (default 8000; 0 picks a free one).\n`,
  );
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let root = defaultRoot;
  let port = Number(process.env.PORT || 8000);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--help' || args[i] === '-h') usage(0);
    else if (args[i] === '--root' && i + 1 < args.length) root = args[++i];
    else if (args[i] === '--port' && i + 1 < args.length) port = Number(args[++i]);
    else usage(2);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(2);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    process.stderr.write(`serve: no index.html in ${root}; build the site first: cmake --preset wasm && cmake --build --preset wasm\n`);
    process.exit(2);
  }
  const { url } = await startServer({ root, port }).catch((e) => {
    process.stderr.write(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}\n`);
    process.exit(2);
  });
  process.stdout.write(`失业保险待遇测算 / UI benefit estimator: ${url}\n(serving ${resolve(root)}; Ctrl+C to stop)\n`);
}
