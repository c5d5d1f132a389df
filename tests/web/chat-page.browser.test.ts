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
  LIST_ANSWER,
  LIST_QUESTION,
  LOW_CONFIDENCE,
  MEASURE_ITEMS,
  MODERN_ECONOMY,
  NEW_PATTERN,
  OFF_TOPIC_QUESTION,
  SHORT_ANSWER,
  SHORT_PHRASE,
  SHORT_QUESTION,
  SLOW_WORD,
} from './fake-documents-qa.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
/** The window the page asks /v1/context for. */
const WINDOW = 160;
const PHONE = { width: 375, height: 812 };
/** What GET /v1/examples offers the page. */
const EXAMPLES = [
  { question: LIST_QUESTION, source: SEED_SOURCE },
  { question: '“十四五”数字经济发展基本原则有哪些？', source: SEED_SOURCE },
];

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
    app = await buildApp({ config: testConfig(), qa: () => qa, examples: () => EXAMPLES, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
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

  /** The locator's bottom edge is on screen, above the question box. */
  async function assertEndInView(locator: ReturnType<Page['locator']>): Promise<void> {
    await page.waitForFunction(() => {
      const s = document.scrollingElement!;
      return s.scrollHeight - s.scrollTop - s.clientHeight < 2;
    });
    const box = await locator.boundingBox();
    const composer = await page.locator('#composer').boundingBox();
    assert.ok(box && composer);
    assert.ok(box.y + box.height <= composer.y + 1, `card ends at ${box.y + box.height}, question box starts at ${composer.y}`);
  }

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
    assert.equal(await page.locator('#new-conversation').isVisible(), false);
    // Example questions made from the documents' headings.
    await page.locator('#examples').waitFor();
    assert.deepEqual(await page.locator('#examples .example').allTextContents(), EXAMPLES.map((e) => e.question));
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
    // While it streams, the send button gives way to a stop button.
    assert.equal(await page.locator('#send').isVisible(), false);
    assert.equal(await page.locator('#stop').isVisible(), true);
    assert.equal(await page.locator('.turn--user .bubble').last().textContent(), BENEFITS_QUESTION);
    // Part of the answer is on screen before the stream is done.
    await page.locator('.answer--pending .answer__body .cite').first().waitFor();
    const answer = page.locator('.answer--answered').last();
    await answer.waitFor();
    assert.equal(await page.locator('#send').isVisible(), true);
    assert.equal(await page.locator('#stop').isVisible(), false);
    assert.equal(await page.locator('#new-conversation').isVisible(), true);
    // `done` replaced the streamed text, whose withdrawn last sentence is gone.
    assert.equal(await answer.locator('.answer__body').textContent(), visibleAnswer(BENEFITS_ANSWER));
    assert.deepEqual(await answer.locator('.answer__body .cite').allTextContents(), ['1', '2', '3']);
    assert.equal(await answer.locator('.cite').first().getAttribute('aria-label'), `来源 1：${SEED_SOURCE} › ${NEW_PATTERN.section.join(' › ')}`);
    assert.equal(await answer.locator('.badge').textContent(), '大模型');
    assert.equal(await answer.locator('.answer__searched').isVisible(), false);
    assert.equal(await answer.locator('.answer__sources-title').textContent(), '来源');
    // Three items of one section: one source card listing the three.
    assert.equal(await answer.locator('.source--group').count(), 1);
    assert.deepEqual(await answer.locator('.source--group .source-item .source__n').allTextContents(), ['1', '2', '3']);
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
    assert.equal(await answer.locator('.source-item').count(), 2);
    assert.deepEqual(await answer.locator('.answer__body .cite').allTextContents(), ['1', '2']);
    // The view follows to the end of the settled card: nothing of it is hidden behind the question box.
    await assertEndInView(answer);
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

  it('shows a low-confidence answer as such, with the short answer emphasised above its proof', async () => {
    await askByKeyboard(SHORT_QUESTION);
    const answer = page.locator('.turn--answer').last().locator('.answer--answered');
    await answer.waitFor();
    assert.equal(await answer.evaluate((e) => e.classList.contains('answer--uncertain')), true);
    assert.equal(await answer.locator('.badge--uncertain').textContent(), '把握不大，请核对出处');
    assert.equal(await answer.locator('.badge--uncertain').getAttribute('title'), `把握约 ${Math.round(LOW_CONFIDENCE * 100)}%`);
    assert.equal(await answer.locator('.answer__short strong').textContent(), SHORT_PHRASE);
    assert.equal(await answer.locator('.answer__short .cite').textContent(), '1');
    assert.equal(await answer.locator('.answer__body').textContent(), visibleAnswer(SHORT_ANSWER));
    // A confident answer has no such badge.
    assert.equal(await page.locator('.answer--answered').first().locator('.badge--uncertain').count(), 0);
  });

  it('groups a seven-item list answer into one source card with its items, each opening its passage', async () => {
    await askByKeyboard(LIST_QUESTION);
    const answer = page.locator('.turn--answer').last().locator('.answer--answered');
    await answer.waitFor();
    assert.equal(await answer.locator('.answer__body').textContent(), visibleAnswer(LIST_ANSWER));
    assert.equal(await answer.locator('.answer__sources .source-list > li').count(), 1);
    assert.equal(await answer.locator('.source--group .source__section').textContent(), MEASURE_ITEMS[0]!.section.join(' › '));
    assert.deepEqual(await answer.locator('.source-item .source__n').allTextContents(), ['1', '2', '3', '4', '5', '6', '7']);
    await answer.locator('.source-item').nth(4).click();
    const panel = page.getByRole('dialog', { name: '来源 [5]' });
    await panel.locator('#source-passage[data-state="ready"]').waitFor();
    assert.deepEqual(await panel.locator('#source-passage mark').allTextContents(), [MEASURE_ITEMS[4]!.text]);
    await page.keyboard.press('Escape');
  });

  it('copies an answer with what each [n] cites', async () => {
    const answer = page.locator('.turn--answer').last().locator('.answer--answered');
    await answer.getByRole('button', { name: '复制回答' }).click();
    await answer.getByRole('button', { name: '复制回答' }).filter({ hasText: '已复制' }).waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const lines = copied.split('\n');
    assert.equal(lines[0], LIST_ANSWER);
    assert.equal(lines[1], '');
    assert.equal(lines.length, 2 + MEASURE_ITEMS.length);
    assert.equal(lines[2], `[1] ${SEED_SOURCE} › ${MEASURE_ITEMS[0]!.section.join(' › ')}：${MEASURE_ITEMS[0]!.text}`);
  });

  it('stops a streaming answer on Stop, keeping what arrived', async () => {
    const before = qa.asked.length;
    await askByKeyboard(`请${SLOW_WORD}说说三个“有利于”`);
    const card = page.locator('.turn--answer').last().locator('.answer');
    await card.locator('.answer__body .cite').first().waitFor();
    await page.getByRole('button', { name: '停止' }).click();
    await page.locator('.turn--answer').last().locator('.answer--stopped').waitFor();
    assert.equal(await card.locator('.answer__status').textContent(), '已停止');
    const shown = (await card.locator('.answer__body').textContent()) ?? '';
    assert.ok(shown.length > 0 && shown.length < visibleAnswer(BENEFITS_ANSWER).length, shown);
    assert.equal(await page.locator('#send').isVisible(), true);
    assert.equal(qa.asked.length, before + 1);
    // The stopped answer is not sent back as history.
    await askByKeyboard(SHORT_QUESTION);
    await page.locator('.turn--answer').last().locator('.answer--answered').waitFor();
    assert.equal(qa.asked.at(-1)?.options.history?.some((turn) => turn.content.includes(SLOW_WORD)), false);
  });

  it('keeps the conversation across a reload, and sends it with the next follow-up', async () => {
    // Finished exchanges come back; stopped and failed ones are not kept.
    const turns = await page.locator('.turn--answer .answer').evaluateAll((cards) =>
      cards.map((card) => ({
        question: card.closest('.turn--answer')?.previousElementSibling?.textContent ?? '',
        finished: card.classList.contains('answer--answered') || card.classList.contains('answer--none'),
        body: card.querySelector('.answer__body')?.textContent ?? '',
      })),
    );
    const finished = turns.filter((turn) => turn.finished);
    assert.ok(finished.length >= 5 && finished.length < turns.length);
    await page.reload();
    await page.locator('.answer').last().waitFor();
    assert.deepEqual(await page.locator('.turn--user .bubble').allTextContents(), finished.map((turn) => turn.question));
    assert.deepEqual(await page.locator('.answer__body').allTextContents(), finished.map((turn) => turn.body));
    assert.equal(await page.locator('#empty-state').isVisible(), false);
    await assertEndInView(page.locator('.answer').last());
    await askByKeyboard(FOLLOW_UP_QUESTION);
    await page.locator('.turn--answer').last().locator('.answer--answered').waitFor();
    assert.deepEqual(qa.asked.at(-1)?.options.history?.at(-1), { role: 'assistant', content: stripCitations(SHORT_ANSWER) });
  });

  it('starts a new conversation: empty, with the example questions, and nothing sent back', async () => {
    await page.getByRole('button', { name: '新对话' }).click();
    assert.equal(await page.locator('#conversation > *').count(), 0);
    assert.equal(await page.locator('#empty-state').isVisible(), true);
    assert.equal(await page.evaluate("localStorage.getItem('zhida.conversation')"), null);
    assert.equal(await page.evaluate('document.activeElement.id'), 'question');
    await page.locator('#examples .example', { hasText: LIST_QUESTION }).click();
    await page.locator('.turn--answer').last().locator('.answer--answered').waitFor();
    assert.equal(qa.asked.at(-1)?.question, LIST_QUESTION);
    assert.equal(qa.asked.at(-1)?.options.history, undefined);
    await page.reload();
    assert.deepEqual(await page.locator('.turn--user .bubble').allTextContents(), [LIST_QUESTION]);
  });

  it('fits a 375 px phone screen, with the sources in a bottom sheet', async () => {
    await page.setViewportSize(PHONE);
    // Collapse the settings if the key prompt left them open.
    if ((await page.locator('#settings').getAttribute('open')) !== null) await page.locator('#settings summary').click();
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

  it('never lets a citation chip wrap alone onto a line, at phone and desktop width', async () => {
    for (const width of [PHONE.width, 320, 1280]) {
      await page.setViewportSize({ width, height: PHONE.height });
      // Each chip group is one unbreakable box that starts with the character it follows.
      const groups = await page.locator('.answer__body .cites').evaluateAll((spans) =>
        spans.map((span) => ({ lines: span.getClientRects().length, lead: span.firstChild?.nodeType === Node.TEXT_NODE ? (span.firstChild.textContent ?? '') : '' })),
      );
      assert.ok(groups.length >= 7);
      for (const group of groups) {
        assert.equal(group.lines, 1);
        assert.notEqual(group.lead, '');
      }
    }
  });

  it('logged no script errors or blocked resources', () => {
    assert.deepEqual(pageErrors, []);
  });
});
