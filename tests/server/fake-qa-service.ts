import type { AskEvent, AskOptions, AskResponse, Citation, QaService, SearchResult } from '../../src/types.ts';

/** Passages of seeds/000_dcbe81f0de4cc422.txt with their real offsets. */
const SOURCE = '000_dcbe81f0de4cc422.txt';
const SECTION_BENEFITS = ['二、深度解读', '(一)中央和国家层面部署', '1.发展数字经济意义重大(3个有利于)'];
const SECTION_MEASURES = ['二、深度解读', '(一)中央和国家层面部署', '3.推动我国数字经济健康发展的7项重要举措'];

export const PASSAGES: SearchResult[] = [
  {
    id: 'c0003',
    source: SOURCE,
    section: SECTION_BENEFITS,
    start: 264,
    end: 396,
    text: '一是数字经济健康发展,有利于推动构建新发展格局。构建新发展格局的重要任务是增强经济发展动能、畅通经济循环。数字技术、数字经济可以推动各类资源要素快捷流动、各类市场主体加速融合,帮助市场主体重构组织模式,实现跨界发展,打破时空限制,延伸产业链条,畅通国内外经济循环。',
    score: 0.0328,
    debug: { bm25Rank: 1, vectorRank: 2, matchedTerms: ['数字经济', '健康发展', '有利于'] },
  },
  {
    id: 'c0004',
    source: SOURCE,
    section: SECTION_BENEFITS,
    start: 397,
    end: 516,
    text: '二是数字经济健康发展,有利于推动建设现代化经济体系。数据作为新型生产要素,对传统生产方式变革具有重大影响。数字经济具有高创新性、强渗透性、广覆盖性,不仅是新的经济增长点,而且是改造提升传统产业的支点,可以成为构建现代化经济体系的重要引擎。',
    score: 0.0323,
    debug: { bm25Rank: 2, vectorRank: 1, matchedTerms: ['数字经济', '健康发展', '有利于'] },
  },
  {
    id: 'c0005',
    source: SOURCE,
    section: SECTION_BENEFITS,
    start: 517,
    end: 606,
    text: '三是数字经济健康发展,有利于推动构筑国家竞争新优势。当今时代,数字技术、数字经济是世界科技革命和产业变革的先机,是新一轮国际竞争重点领域,我们一定要抓住先机、抢占未来发展制高点。',
    score: 0.0317,
    debug: { bm25Rank: 3, vectorRank: null, matchedTerms: ['数字经济', '有利于'] },
  },
  {
    id: 'c0009',
    source: SOURCE,
    section: SECTION_MEASURES,
    start: 1051,
    end: 1237,
    text: '第三,推动数字经济和实体经济融合发展。要把握数字化、网络化、智能化方向,推动制造业、服务业、农业等产业数字化,利用互联网新技术对传统产业进行全方位、全链条的改造,提高全要素生产率,发挥数字技术对经济发展的放大、叠加、倍增作用。要推动互联网、大数据、人工智能同产业深度融合,加快培育一批“专精特新”企业和制造业单项冠军企业。当然,要脚踏实地、因企制宜,不能为数字化而数字化。',
    score: 0.0161,
    debug: { bm25Rank: null, vectorRank: 3, matchedTerms: [] },
  },
];

export const ANSWER_TEXT =
  '数字经济健康发展有三个“有利于”：有利于推动构建新发展格局[1]，有利于推动建设现代化经济体系[2]，有利于推动构筑国家竞争新优势[3]。';
export const NO_ANSWER_TEXT = '资料中没有找到这个问题的答案。';
/** Size of the answer pieces streamed as `delta` events. */
export const DELTA_CHARS = 12;

export interface FakeQaOptions {
  /** Thrown by search/ask, and by askStream before its first event. */
  failWith?: unknown;
  /** Thrown by askStream after the citations event (a failure mid-stream). */
  failMidStreamWith?: unknown;
  /** askStream sends its citations, then waits until the request's signal aborts. */
  hangAfterCitations?: boolean;
  /** Added to every answered response (e.g. `confidence` and `short`). */
  answerExtras?: Record<string, unknown>;
}

export interface RecordedCall {
  method: 'search' | 'ask' | 'askStream';
  text: string;
  k?: number;
  options?: AskOptions;
}

function bigrams(text: string): string[] {
  const chars = [...text.replace(/\s/g, '')];
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/** Passages sharing at least one character bigram with the query, best first. */
function matching(query: string, k: number): SearchResult[] {
  const grams = bigrams(query);
  return PASSAGES.filter((passage) => grams.some((gram) => passage.text.includes(gram))).slice(0, k);
}

function toCitations(passages: SearchResult[]): Citation[] {
  return passages.map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));
}

/** A deterministic QaService over four real passages: questions sharing words with them are answered. */
export class FakeQaService implements QaService {
  readonly calls: RecordedCall[] = [];
  /** Set when an askStream generator has finished (normally, by error or because the consumer stopped). */
  streamClosed = false;

  constructor(private readonly options: FakeQaOptions = {}) {}

  async search(query: string, k: number): Promise<SearchResult[]> {
    this.calls.push({ method: 'search', text: query, k });
    if (this.options.failWith !== undefined) throw this.options.failWith;
    return matching(query, k);
  }

  async ask(question: string, options: AskOptions): Promise<AskResponse> {
    this.calls.push({ method: 'ask', text: question, options });
    if (this.options.failWith !== undefined) throw this.options.failWith;
    return this.respond(question, options);
  }

  async *askStream(question: string, options: AskOptions): AsyncIterable<AskEvent> {
    this.calls.push({ method: 'askStream', text: question, options });
    try {
      if (this.options.failWith !== undefined) throw this.options.failWith;
      const response = this.respond(question, options);
      yield { type: 'citations', citations: response.citations };
      if (this.options.failMidStreamWith !== undefined) throw this.options.failMidStreamWith;
      if (this.options.hangAfterCitations) await aborted(options.signal);
      const chars = [...response.answer];
      for (let i = 0; i < chars.length; i += DELTA_CHARS) {
        yield { type: 'delta', text: chars.slice(i, i + DELTA_CHARS).join('') };
      }
      yield { type: 'done', response };
    } finally {
      this.streamClosed = true;
    }
  }

  private respond(question: string, options: AskOptions): AskResponse {
    const passages = matching(question, Math.min(options.k ?? 3, 3));
    const answered = passages.length > 0;
    return {
      status: answered ? 'answered' : 'no_answer',
      answer: answered ? ANSWER_TEXT : NO_ANSWER_TEXT,
      mode: 'extractive',
      citations: answered ? toCitations(passages) : [],
      question,
      ...(answered ? this.options.answerExtras : {}),
      ...(options.debug ? { debug: { retrieved: passages.map((p) => p.id), timings: { retrievalMs: 3, answerMs: 1 } } } : {}),
    };
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Builds a QaService whose `ask` returns exactly `response`, whatever the question (for shape tests). */
export function fixedResponseQa(response: AskResponse): QaService {
  const fake = new FakeQaService();
  return {
    search: (query, k) => fake.search(query, k),
    ask: async () => response,
    askStream: async function* () {
      yield { type: 'citations', citations: response.citations };
      yield { type: 'done', response };
    },
  };
}
