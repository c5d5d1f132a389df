import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DOCUMENTS_DIR } from '../ingest/document-fixtures.ts';
import { documentsApp } from '../server/documents-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const NOTE = '贵阳大数据交易所成立于2015年4月14日，是全国第一家大数据交易所。';

describe('documents panel in Chromium', { timeout: 120_000 }, () => {
  let app: FastifyInstance;
  let seeds: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM} for this test: apt-get install -y chromium`);
    ({ app, seeds } = await documentsApp({ 'note.txt': NOTE }));
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    // Every text the status line shows, so progress that passes quickly is still seen.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const status = document.getElementById('documents-status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const row = (source: string) => page.locator(`.document[data-source="${source}"]`);

  it('opens from the top bar and lists the documents with their state', async () => {
    await page.getByRole('button', { name: '文档', exact: true }).click();
    await row('note.txt').waitFor();
    assert.equal(await row('note.txt').locator('.document__status').textContent(), '已索引');
    assert.match((await row('note.txt').locator('.document__details').textContent())!, /^TXT · \d+ B · 1 段$/);
    assert.match((await page.locator('#documents-status').textContent())!, /共 1 个文件：已索引 1/);
  });

  it('uploads a picked PDF, shows the indexing, then lists it indexed with its pages', async () => {
    await page.locator('#documents-file').setInputFiles(join(DOCUMENTS_DIR, 'handbook.pdf'));
    await row('handbook.pdf').waitFor();
    await row('handbook.pdf').locator('.document__status', { hasText: '已索引' }).waitFor({ timeout: 60_000 });
    assert.match((await row('handbook.pdf').locator('.document__details').textContent())!, /^PDF · .* · 3 页 · \d+ 段$/);
    const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    assert.ok(seen.some((text) => /正在索引/.test(text)), seen.join(' | '));
  });

  it('answers from the uploaded PDF at once, and the source panel names the page', async () => {
    const input = page.getByLabel('问题', { exact: true });
    await input.fill('核心业务数据多久进行一次增量备份？');
    await input.press('Enter');
    const answer = page.locator('.answer--answered').last();
    await answer.waitFor();
    await answer.locator('.answer__body .cite').first().click();
    assert.equal(await page.locator('#source-file').textContent(), 'handbook.pdf · 第 2 页');
  });

  it('takes a dropped file, and refuses a mislabelled one with the reason', async () => {
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['遵义会议于1935年1月召开。'], 'dropped.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('#documents-drop', 'drop', { dataTransfer: dropped });
    await row('dropped.txt').locator('.document__status', { hasText: '已索引' }).waitFor({ timeout: 60_000 });

    const fake = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just text'], 'fake.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    await page.dispatchEvent('#documents-drop', 'drop', { dataTransfer: fake });
    await page.locator('#documents-status.documents-status--error').waitFor();
    assert.match((await page.locator('#documents-status').textContent())!, /无法读取此文件.*not a PDF/);
  });

  it('deletes a document after confirmation', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await row('dropped.txt').getByRole('button', { name: '删除 dropped.txt' }).click();
    await row('dropped.txt').waitFor({ state: 'detached' });
    assert.equal(existsSync(join(seeds, 'dropped.txt')), false);
    assert.deepEqual(pageErrors, []);
  });
});
