import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { PAGE_CSP, WEB_DIR } from '../../src/server/plugins/web-page.ts';
import { testApp } from './test-app.ts';

describe('web page', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp();
  });
  after(() => app.close());

  it('serves the chat page at / with its security and cache headers', async () => {
    const res = await app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.headers['content-security-policy'], PAGE_CSP);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.body, await readFile(`${WEB_DIR}index.html`, 'utf8'));
  });

  it('serves every file the page and its modules refer to, with the right type', async () => {
    const html = (await app.inject({ url: '/' })).body;
    const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string));
    for (const file of await readdir(WEB_DIR)) {
      if (!file.endsWith('.js') || file.endsWith('.d.ts')) continue;
      const source = await readFile(`${WEB_DIR}${file}`, 'utf8');
      for (const m of source.matchAll(/from '\.\/([^']+)'/g)) urls.add(`/assets/${m[1]}`);
    }
    assert.ok(urls.has('/assets/app.js') && urls.has('/assets/styles.css') && urls.has('/assets/sse-parser.js'));
    const types: Record<string, string> = { js: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
    for (const url of urls) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], types[url.split('.').pop() as string], url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
    }
  });

  it('answers a revalidation with 304 when the file has not changed', async () => {
    const first = await app.inject({ url: '/assets/app.js' });
    const etag = first.headers.etag as string;
    assert.match(etag, /^W\/".+"$/);
    const again = await app.inject({ url: '/assets/app.js', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  it('answers 404 in the error shape for unknown assets, type declarations and paths outside the folder', async () => {
    for (const url of ['/assets/missing.js', '/assets/sse-parser.d.ts', '/assets/index.html', '/assets/../server/app.ts', '/assets/%2e%2e/server/app.ts']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND', url);
    }
  });
});
