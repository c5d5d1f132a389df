import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../src/errors.ts';
import type { AskEvent, AskOptions, AskResponse, Citation, PassageContext, QaService, SearchResult } from '../../src/types.ts';
import { AI_PRODUCTS, PLATFORM_ECONOMY, SEED_SOURCE, SEED_TEXT, seedPassage } from '../support/seed-passages.ts';

/**
 * A scripted QaService over real lines of the seed document (exact offsets), for driving the chat
 * page: it streams with small pauses, rewrites follow-ups, refuses off-topic questions and can fail.
 */

const BENEFITS = ['二、深度解读', '(一)中央和国家层面部署', '1.发展数字经济意义重大(3个有利于)'];

export const NEW_PATTERN = seedPassage('c0003', '一是数字经济健康发展,有利于推动构建新发展格局', BENEFITS, 0.0328);
export const MODERN_ECONOMY = seedPassage('c0004', '二是数字经济健康发展,有利于推动建设现代化经济体系', BENEFITS, 0.0323);
export const COMPETITION = seedPassage('c0005', '三是数字经济健康发展,有利于推动构筑国家竞争新优势', BENEFITS, 0.0317);

export const BENEFITS_QUESTION = '数字经济健康发展有哪三个“有利于”？';
export const BENEFITS_ANSWER =
  '数字经济健康发展有三个“有利于”：有利于推动构建新发展格局[1]，有利于推动建设现代化经济体系[2]，有利于推动构筑国家竞争新优势[3]。';
/** Streamed after the answer and then withdrawn by `done` (as a verifier drops an unsupported sentence). */
export const WITHDRAWN_TAIL = '另外还有第四个有利于[9]。';

export const FOLLOW_UP_QUESTION = '第二个具体指什么？';
export const FOLLOW_UP_STANDALONE = '数字经济健康发展的第二个“有利于”具体指什么？';
export const FOLLOW_UP_ANSWER = '第二个“有利于”是推动建设现代化经济体系[1]：数据作为新型生产要素,对传统生产方式变革具有重大影响[1]。';

export const OFF_TOPIC_QUESTION = '贵州的火锅有什么特色？';
export const NO_ANSWER = '文档中没有能回答这个问题的内容。最接近的段落是[1][2]，供参考核对。';

const MEASURES = ['二、深度解读', '(一)中央和国家层面部署', '3.推动我国数字经济健康发展的7项重要举措'];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七'];
/** The seven items of one section: a list answer citing each. */
export const MEASURE_ITEMS = ORDINALS.map((ordinal, i) => seedPassage(`c001${i}`, `${ordinal},`, MEASURES, 0.03 - i * 0.001));
export const LIST_QUESTION = '推动我国数字经济健康发展有哪些重要举措？';
export const LIST_ANSWER = `推动我国数字经济健康发展有7项重要举措：${MEASURE_ITEMS.map((item, i) => `${item.text.split('。')[0]!.split(',')[1]}[${i + 1}]`).join('；')}。`;

const OUTSOURCING = seedPassage('c0085', '到 2025 年,力争规模突破 200 亿元', ['二、深度解读', '★《贵州省“十四五”数字经济发展规划》部署', '3.贵州省“十四五”数字经济发展主要任务'], 0.02);
export const SHORT_QUESTION = '贵州软件外包到2025年要达到多大规模？';
export const SHORT_ANSWER = '到 2025 年,力争规模突破 200 亿元[1]。';
export const SHORT_PHRASE = '200 亿元';
/** An answer the service is unsure of. */
export const LOW_CONFIDENCE = 0.38;

/** Questions containing this stream slowly, so that the reader can stop them. */
export const SLOW_WORD = '详细';
const SLOW_PAUSE_MS = 400;

/** Questions containing this fail after the citations, as an engine failure mid-stream does. */
export const FAILING_WORD = '故障';

/** Size of the streamed pieces and the pause between them (long enough to see the answer grow). */
const DELTA_CHARS = 8;
const DELTA_PAUSE_MS = 30;

function citations(passages: SearchResult[]): Citation[] {
  return passages.map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));
}

export class FakeDocumentsQa implements QaService {
  readonly asked: { question: string; options: AskOptions }[] = [];

  async search(): Promise<SearchResult[]> {
    return [NEW_PATTERN, MODERN_ECONOMY, COMPETITION];
  }

  async ask(question: string, options: AskOptions): Promise<AskResponse> {
    return this.respond(question, options).response;
  }

  async *askStream(question: string, options: AskOptions): AsyncIterable<AskEvent> {
    this.asked.push({ question, options });
    const { response, streamed } = this.respond(question, options);
    await sleep(DELTA_PAUSE_MS);
    yield { type: 'citations', citations: response.citations };
    if (question.includes(FAILING_WORD)) throw new AppError('INTERNAL');
    const chars = [...streamed];
    const pause = question.includes(SLOW_WORD) ? SLOW_PAUSE_MS : DELTA_PAUSE_MS;
    for (let i = 0; i < chars.length; i += DELTA_CHARS) {
      if (options.signal?.aborted) return;
      await sleep(pause);
      yield { type: 'delta', text: chars.slice(i, i + DELTA_CHARS).join('') };
    }
    yield { type: 'done', response };
  }

  /** The same rule as the real engine: a slice of the original, `window` characters either side. */
  async context(source: string, start: number, end: number, window: number): Promise<PassageContext | null> {
    if (source !== SEED_SOURCE || end > SEED_TEXT.length || start > end) return null;
    return {
      source,
      before: SEED_TEXT.slice(Math.max(0, start - window), start),
      text: SEED_TEXT.slice(start, end),
      after: SEED_TEXT.slice(end, end + window),
    };
  }

  private respond(question: string, options: AskOptions): { response: AskResponse; streamed: string } {
    if (options.history?.length && question.includes('第二个')) {
      const response: AskResponse = {
        status: 'answered',
        answer: FOLLOW_UP_ANSWER,
        mode: 'extractive',
        citations: citations([MODERN_ECONOMY]),
        question: FOLLOW_UP_STANDALONE,
        fallback: 'llm_unavailable',
      };
      return { response, streamed: FOLLOW_UP_ANSWER };
    }
    if (question === LIST_QUESTION) {
      const response: AskResponse = { status: 'answered', answer: LIST_ANSWER, mode: 'extractive', citations: citations(MEASURE_ITEMS), question };
      return { response, streamed: LIST_ANSWER };
    }
    if (question === SHORT_QUESTION) {
      const short = { text: SHORT_PHRASE, citation: 1, start: SEED_TEXT.indexOf(SHORT_PHRASE, OUTSOURCING.start), end: SEED_TEXT.indexOf(SHORT_PHRASE, OUTSOURCING.start) + SHORT_PHRASE.length };
      const response = { status: 'answered', answer: SHORT_ANSWER, mode: 'extractive', citations: citations([OUTSOURCING]), question, confidence: LOW_CONFIDENCE, short } as AskResponse;
      return { response, streamed: SHORT_ANSWER };
    }
    if (question.includes('有利于') || question.includes(FAILING_WORD) || question.includes(SLOW_WORD)) {
      const response: AskResponse = {
        status: 'answered',
        answer: BENEFITS_ANSWER,
        mode: 'llm',
        citations: citations([NEW_PATTERN, MODERN_ECONOMY, COMPETITION]),
        question,
      };
      return { response, streamed: BENEFITS_ANSWER + WITHDRAWN_TAIL };
    }
    const response: AskResponse = {
      status: 'no_answer',
      answer: NO_ANSWER,
      mode: 'extractive',
      citations: citations([AI_PRODUCTS, PLATFORM_ECONOMY]),
      question,
    };
    return { response, streamed: NO_ANSWER };
  }
}
