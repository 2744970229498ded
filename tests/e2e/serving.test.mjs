// How the site is served (scripts/serve.mjs over the build's precompressed
// files): brotli or gzip as the request allows, with Vary and revalidation
// headers; what a browser really receives; the Worker's own CSP.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { CSP } from '../../scripts/serve.mjs';
import { engineReady, open, SITE, suite } from './lib/page.mjs';

const env = suite('serving');

/** GET (or HEAD) `path` with `headers`; resolves to { status, headers, body: Buffer }. */
function get(path, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, env.server.url), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function siteFiles(dir = SITE) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? siteFiles(p) : [p];
  });
}

describe('serving', () => {
  test('the build writes .br and .gz beside every file, each decoding to that file', () => {
    const plain = siteFiles().filter((f) => !/\.(br|gz)$/.test(f));
    assert.ok(plain.length >= 10);
    for (const f of plain) {
      const bytes = readFileSync(f);
      assert.ok(brotliDecompressSync(readFileSync(`${f}.br`)).equals(bytes), `${relative(SITE, f)}.br`);
      assert.ok(gunzipSync(readFileSync(`${f}.gz`)).equals(bytes), `${relative(SITE, f)}.gz`);
    }
  });

  test('brotli when accepted, else gzip, else as is; always Vary: Accept-Encoding and revalidation', async () => {
    const wasm = readFileSync(join(SITE, 'estimator.wasm'));
    const br = await get('/estimator.wasm', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['cache-control'], 'no-cache', 'names carry no hash: revalidate every time');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(brotliDecompressSync(br.body).equals(wasm));
    assert.ok(br.body.length < wasm.length / 3, `${br.body.length} bytes of ${wasm.length}`);

    const gz = await get('/estimator.wasm', { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(wasm));
    const refused = await get('/estimator.wasm', { 'Accept-Encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip', 'q=0 refuses an encoding');
    const none = await get('/estimator.wasm');
    assert.equal(none.headers['content-encoding'], undefined);
    assert.equal(none.headers.vary, 'Accept-Encoding');
    assert.ok(none.body.equals(wasm));

    // Revalidation: the same variant's ETag gives 304 and no body; another encoding has another ETag.
    assert.ok(br.headers.etag && gz.headers.etag && br.headers.etag !== gz.headers.etag);
    const again = await get('/estimator.wasm', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const head = await get('/', { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.body.length, 0);
    assert.equal((await get('/../etc/passwd')).status, 404);
    assert.equal((await get('/', {}, 'POST')).status, 405);
  });

  test('the browser gets every file compressed; the page and the Worker carry the CSP header', async () => {
    const seen = new Map();
    const from = env.requests.length;
    const { page, done } = await open(env, '', { wait: null });
    page.on('response', (r) => { seen.set(new URL(r.url()).pathname, r.headers()); });
    page.on('worker', (w) => { seen.set('worker', w.url()); });
    await page.reload();
    await page.waitForSelector('#app[data-screen="who"]');
    await engineReady(page);
    const paths = [...seen.keys()].filter((k) => k !== 'worker');
    for (const p of ['/', '/style.css', '/app.mjs', '/shared/uie-front.js', '/engine-client.js']) {
      assert.ok(paths.includes(p), `${p} was loaded`);
      assert.equal(seen.get(p)['content-encoding'], 'br', `${p} came brotli-compressed`);
    }
    assert.equal(seen.get('/')['content-security-policy'], CSP);
    const worker = await get('/engine-worker.js', { 'Accept-Encoding': 'br' });
    assert.equal(worker.headers['content-security-policy'], CSP, 'a Worker takes its policy from its own response');
    assert.match(CSP, /default-src 'none'/);
    assert.match(CSP, /connect-src 'self'/);
    // What the engine Worker fetched asked for brotli too, so it came compressed.
    for (const p of ['/engine-worker.js', '/estimator-lite.js', '/estimator-api.js', '/estimator-lite.wasm']) {
      const asked = env.requests.slice(from).filter((r) => r.url === p);
      assert.ok(asked.length, `${p} was fetched`);
      assert.ok(asked.every((r) => /\bbr\b/.test(r.accept)), `${p}: ${asked.map((r) => r.accept).join(' | ')}`);
    }
    await done();
  });
});
