import type { Answerer, AskEvent, AskOptions, AskResponse, ChatTurn, QaService, Retriever, SearchResult } from '../types.ts';

/** Turns a follow-up into a question that stands alone; the identity when there is no history. */
export type QuestionRewriter = (question: string, history: readonly ChatTurn[]) => Promise<string>;

export const keepQuestion: QuestionRewriter = async (question) => question;

/**
 * Retrieve, then answer. Only the (rewritten) new question is searched: the history decides what the
 * question means, never what is retrieved.
 */
export class RetrievalQaService implements QaService {
  constructor(
    private readonly retriever: Retriever,
    private readonly answerer: Answerer,
    private readonly defaultK: number,
    private readonly rewrite: QuestionRewriter = keepQuestion,
  ) {}

  search(query: string, k: number): Promise<SearchResult[]> {
    return this.retriever.search(query, k);
  }

  private async prepare(question: string, options: AskOptions) {
    const standalone = options.history?.length ? await this.rewrite(question.trim(), options.history) : question.trim();
    const passages = await this.retriever.search(standalone, options.k ?? this.defaultK);
    return { standalone, passages };
  }

  async ask(question: string, options: AskOptions = {}): Promise<AskResponse> {
    const { standalone, passages } = await this.prepare(question, options);
    return { ...(await this.answerer.answer(standalone, passages, options)), question: standalone };
  }

  async *askStream(question: string, options: AskOptions = {}): AsyncIterable<AskEvent> {
    const { standalone, passages } = await this.prepare(question, options);
    for await (const event of this.answerer.stream(standalone, passages, options)) {
      yield event.type === 'done' ? { type: 'done', response: { ...event.response, question: standalone } } : event;
    }
  }
}
