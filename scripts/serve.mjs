#!/usr/bin/env node
// A static file server for the built site, on 127.0.0.1 only.
//
//   node scripts/serve.mjs [--root DIR] [--port N]     (defaults: build/wasm/site, 8000; 0 = any free port)
//
// It prints the address and serves GET/HEAD of files under the root, nothing
// else: no directory listings, no uploads, no logging of request contents.
// - Compression: the build writes F.br and F.gz beside each file F
//   (wasm/assemble_site.cmake); a request that accepts br (or gzip) gets that
//   file as is, with Content-Encoding and Vary: Accept-Encoding. Nothing is
//   compressed per request.
// - Caching: no file name carries a content hash, so every response must be
//   revalidated (Cache-Control: no-cache) and carries an ETag; a request with
//   a matching If-None-Match gets 304 and no body.
// - .wasm is served as application/wasm, so browsers compile it while streaming.
// - The page's Content-Security-Policy is also sent as a header on HTML and
//   scripts: the engine's Worker takes its policy from its own response.
// Also imported by the browser tests and scripts/page-speed.mjs (startServer).
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

// The same policy as web/index.html's <meta>, for documents and the Worker.
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];   // in order of preference

/** The encodings a request's Accept-Encoding allows (q > 0), e.g. Set { 'br', 'gzip' }. */
function accepted(header) {
  const ok = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    if (name && (!q || Number(q[1]) > 0)) ok.add(name);
  }
  return ok;
}

async function fileInfo(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

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
    const info = await fileInfo(file);
    if (!info) return send(404, 'not found\n');
    // The smallest accepted precompressed sibling, if the build wrote one.
    const ok = accepted(req.headers['accept-encoding']);
    let body = file;
    let size = info.size;
    let mtime = info.mtimeMs;
    let encoding = null;
    for (const [name, suffix] of ENCODINGS) {
      if (!ok.has(name)) continue;
      const sibling = await fileInfo(file + suffix);
      if (sibling && sibling.size < size) {
        [body, size, mtime, encoding] = [file + suffix, sibling.size, sibling.mtimeMs, name];
        break;
      }
    }
    const ext = extname(file);
    const etag = `"${size.toString(36)}-${Math.floor(mtime).toString(36)}${encoding ? `-${encoding}` : ''}"`;
    const headers = {
      'Content-Type': MIME[ext] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (ext === '.html' || ext === '.js') headers['Content-Security-Policy'] = CSP;
    const match = String(req.headers['if-none-match'] || '').split(',').map((x) => x.trim());
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (match.includes(etag) || match.includes('*')) {
      res.writeHead(304);
      return res.end();
    }
    res.setHeader('Content-Length', size);
    res.writeHead(200);
    if (req.method === 'HEAD') return res.end();
    createReadStream(body).pipe(res);
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
