import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import { stripCitations } from '../../src/web/citation-markers.js';
import { SEED_SOURCE, SEED_TEXT } from '../support/seed-passages.ts';
import { testConfig } from '../server/test-app.ts';
import {
  BENEFITS_ANSWER,
  BENEFITS_QUESTION,
  FAILING_WORD,
  FOLLOW_UP_ANSWER,
  FOLLOW_UP_QUESTION,
  FOLLOW_UP_STANDALONE,
  FakeDocumentsQa,
  MODERN_ECONOMY,
  NEW_PATTERN,
  OFF_TOPIC_QUESTION,
} from './fake-documents-qa.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
/** The window the page asks /v1/context for. */
const WINDOW = 160;
const PHONE = { width: 375, height: 812 };

/** What a reader sees of an answer: each [n] marker is a chip showing n. */
function visibleAnswer(answer: string): string {
  return answer.replace(/\[(\d+)\]/g, '$1');
}

/** The cited span in its surrounding text as the panel shows it, `…` where the context stops mid-document. */
function visibleContext(start: number, end: number): string {
  const before = SEED_TEXT.slice(Math.max(0, start - WINDOW), start);
  const after = SEED_TEXT.slice(end, end + WINDOW);
  return `${before.length >= WINDOW ? '…' : ''}${before}${SEED_TEXT.slice(start, end)}${after}${after.length >= WINDOW ? '…' : ''}`;
}

describe('chat page in Chromium', { timeout: 30_000 }, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let qa: FakeDocumentsQa;
  let origin: string;
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM} for this test: apt-get install -y chromium`);
    await mkdir(OUTPUT, { recursive: true });
    qa = new FakeDocumentsQa();
    app = await buildApp({ config: testConfig(), qa: () => qa, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A refused request (the 401 below) is logged by Chromium itself; anything else is a fault of the page.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function askByKeyboard(question: string): Promise<void> {
    const input = page.getByLabel('问题', { exact: true });
    await input.fill(question);
    await input.press('Enter');
  }

  it('starts with the question box focused and an empty conversation', async () => {
    assert.equal(await page.title(), '知答 · 文档问答');
    assert.equal(await page.evaluate('document.activeElement.id'), 'question');
    assert.equal(await page.locator('#conversation > *').count(), 0);
    assert.equal(await page.locator('#empty-state').isVisible(), true);
  });

  it('makes a new line on Shift+Enter without sending', async () => {
    const input = page.getByLabel('问题', { exact: true });
    await input.pressSequentially('第一行');
    await input.press('Shift+Enter');
    await input.pressSequentially('第二行');
    assert.equal(await input.inputValue(), '第一行\n第二行');
    assert.equal(await page.locator('#conversation > *').count(), 0);
    await input.fill('');
  });

  it('streams the answer, then shows the final text with a chip per citation', async () => {
    await askByKeyboard(BENEFITS_QUESTION);
    assert.equal(await page.locator('#send').isDisabled(), true);
    assert.equal(await page.locator('.turn--user .bubble').last().textContent(), BENEFITS_QUESTION);
    // Part of the answer is on screen before the stream is done.
    await page.locator('.answer--pending .answer__body .cite').first().waitFor();
    const answer = page.locator('.answer--answered').last();
    await answer.waitFor();
    assert.equal(await page.locator('#send').isDisabled(), false);
    // `done` replaced the streamed text, whose withdrawn last sentence is gone.
    assert.equal(await answer.locator('.answer__body').textContent(), visibleAnswer(BENEFITS_ANSWER));
    assert.deepEqual(await answer.locator('.answer__body .cite').allTextContents(), ['1', '2', '3']);
    assert.equal(await answer.locator('.cite').first().getAttribute('aria-label'), `来源 1：${SEED_SOURCE} › ${NEW_PATTERN.section.join(' › ')}`);
    assert.equal(await answer.locator('.badge').textContent(), '大模型');
    assert.equal(await answer.locator('.answer__searched').isVisible(), false);
    assert.equal(await answer.locator('.answer__sources-title').textContent(), '来源');
    assert.equal(await answer.locator('.source').count(), 3);
    assert.equal(await answer.locator('.source__file').first().textContent(), SEED_SOURCE);
    assert.equal(await answer.locator('.answer__body').getAttribute('aria-busy'), 'false');
  });

  it('opens chip [1] in the side panel: file, section path and the cited span marked in its context', async () => {
    const chip = page.locator('.answer__body .cite', { hasText: '1' }).first();
    await chip.click();
    const panel = page.getByRole('dialog', { name: '来源 [1]' });
    await panel.waitFor();
    assert.equal(await page.evaluate('document.activeElement.id'), 'source-title');
    assert.equal(await panel.locator('#source-file').textContent(), SEED_SOURCE);
    assert.equal(await panel.locator('#source-section').textContent(), '二、深度解读 › (一)中央和国家层面部署 › 1.发展数字经济意义重大(3个有利于)');
    await panel.locator('#source-passage[data-state="ready"]').waitFor();
    assert.deepEqual(await panel.locator('#source-passage mark').allTextContents(), [NEW_PATTERN.text]);
    assert.equal(await panel.locator('#source-passage').textContent(), visibleContext(NEW_PATTERN.start, NEW_PATTERN.end));
    await page.screenshot({ path: `${OUTPUT}chat-desktop.png`, fullPage: true });

    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
    // Focus is back on the chip that opened the panel.
    assert.equal(await page.evaluate(`document.activeElement === document.querySelector('.answer__body .cite[data-n="1"]')`), true);
  });

  it('opens a chip from the keyboard', async () => {
    const chip = page.locator('.answer__body .cite', { hasText: '2' }).first();
    await chip.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: '来源 [2]' });
    await panel.locator('#source-passage[data-state="ready"]').waitFor();
    assert.deepEqual(await panel.locator('#source-passage mark').allTextContents(), [MODERN_ECONOMY.text]);
    await page.getByRole('button', { name: '关闭来源' }).click();
    assert.equal(await panel.isVisible(), false);
  });

  it('sends the conversation so far with a follow-up and shows the question that was searched', async () => {
    await askByKeyboard(FOLLOW_UP_QUESTION);
    const answer = page.locator('.turn--answer').last().locator('.answer--answered');
    await answer.waitFor();
    assert.deepEqual(qa.asked.at(-1)?.question, FOLLOW_UP_QUESTION);
    assert.deepEqual(qa.asked.at(-1)?.options.history, [
      { role: 'user', content: BENEFITS_QUESTION },
      { role: 'assistant', content: stripCitations(BENEFITS_ANSWER) },
    ]);
    assert.equal(await answer.locator('.answer__searched').textContent(), `检索问题：${FOLLOW_UP_STANDALONE}`);
    assert.equal(await answer.locator('.answer__body').textContent(), visibleAnswer(FOLLOW_UP_ANSWER));
    assert.equal(await answer.locator('.badge').textContent(), '离线摘录');
    assert.equal(await answer.locator('.note--warn').textContent(), '大模型暂时不可用，本次回答改为直接摘录文档原文。');
  });

  it('shows the no-answer state with the closest passages', async () => {
    await askByKeyboard(OFF_TOPIC_QUESTION);
    const answer = page.locator('.turn--answer').last().locator('.answer--none');
    await answer.waitFor();
    assert.equal(await answer.locator('.answer__heading').textContent(), '文档中没有找到答案');
    assert.equal(await answer.locator('.answer__sources-title').textContent(), '最接近的段落');
    assert.equal(await answer.locator('.source').count(), 2);
    assert.deepEqual(await answer.locator('.answer__body .cite').allTextContents(), ['1', '2']);
  });

  it('shows an error that arrives in the stream, with a retry button', async () => {
    await askByKeyboard(`这个问题会引发${FAILING_WORD}吗？`);
    const answer = page.locator('.turn--answer').last().locator('.answer--error');
    await answer.waitFor();
    assert.equal(await answer.locator('.answer__heading').textContent(), '服务出错了，请稍后重试。');
    assert.equal(await answer.locator('.answer__error-detail').textContent(), 'INTERNAL：Internal error');
    assert.equal(await answer.getByRole('button', { name: '重试' }).isVisible(), true);
    assert.equal(await page.locator('#send').isDisabled(), false);
  });

  it('asks for the API key on 401, stores it, and resends the question with it', async () => {
    const refusals: string[] = [];
    await page.route('**/v1/ask', (route) => {
      refusals.push(route.request().headers().authorization ?? '');
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Send a valid API key as "Authorization: Bearer <key>"' } }),
      });
    });
    await askByKeyboard(BENEFITS_QUESTION);
    await page.locator('.turn--answer').last().locator('.answer--error').waitFor();
    assert.deepEqual(refusals, ['']);
    assert.equal(await page.locator('#settings').getAttribute('open'), '');
    assert.equal(await page.evaluate('document.activeElement.id'), 'api-key');

    await page.unroute('**/v1/ask');
    const resent = page.waitForRequest((request) => request.url().endsWith('/v1/ask'));
    await page.getByLabel('API 密钥').fill('demo-key-123');
    await page.getByLabel('API 密钥').press('Enter');
    assert.equal((await resent).headers().authorization, 'Bearer demo-key-123');
    await page.locator('.turn--answer').last().locator('.answer--answered').waitFor();
    assert.equal(await page.evaluate("localStorage.getItem('zhida.apiKey')"), 'demo-key-123');
  });

  it('fits a 375 px phone screen, with the sources in a bottom sheet', async () => {
    await page.setViewportSize(PHONE);
    await page.locator('#settings summary').click(); // collapse the settings again
    assert.equal(await page.evaluate('document.scrollingElement.scrollWidth'), PHONE.width);
    await page.locator('.answer__body .cite', { hasText: '1' }).first().click();
    const panel = page.locator('#source-panel');
    await panel.locator('#source-passage[data-state="ready"]').waitFor();
    const box = await panel.boundingBox();
    assert.ok(box);
    assert.equal(box.x, 0);
    assert.equal(box.width, PHONE.width);
    assert.equal(Math.round(box.y + box.height), PHONE.height);
    assert.ok(await page.evaluate<boolean>('document.scrollingElement.scrollWidth <= 375'));
    await page.screenshot({ path: `${OUTPUT}chat-phone-sheet.png` });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${OUTPUT}chat-phone.png`, fullPage: true });
    assert.ok(await page.evaluate<boolean>('document.scrollingElement.scrollWidth <= 375'));
  });

  it('logged no script errors or blocked resources', () => {
    assert.deepEqual(pageErrors, []);
  });
});
