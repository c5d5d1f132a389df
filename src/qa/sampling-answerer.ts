import { LRUCache } from 'lru-cache';
import type { Answerer, AskEvent, AskOptions, AskResponse, Sampling, SearchResult } from '../types.ts';

/** Different sampling settings a service keeps answerers for; clients send few distinct ones. */
const CACHED_SETTINGS = 32;

/**
 * Answers with a model built for the request's sampling settings (temperature, max_tokens …) when it sends
 * any, else with the configured one. LangChain chat models take these at construction, not per call.
 */
export class SamplingAnswerer implements Answerer {
  readonly mode: Answerer['mode'];
  private readonly answerers = new LRUCache<string, Promise<Answerer>>({ max: CACHED_SETTINGS });

  constructor(
    private readonly configured: Answerer,
    private readonly build: (sampling: Sampling) => Promise<Answerer>,
  ) {
    this.mode = configured.mode;
  }

  async answer(question: string, passages: SearchResult[], options: AskOptions): Promise<AskResponse> {
    return (await this.answererFor(options.sampling)).answer(question, passages, options);
  }

  async *stream(question: string, passages: SearchResult[], options: AskOptions): AsyncIterable<AskEvent> {
    yield* (await this.answererFor(options.sampling)).stream(question, passages, options);
  }

  private answererFor(sampling: Sampling | undefined): Promise<Answerer> {
    const set = Object.entries(sampling ?? {}).filter(([, value]) => value !== undefined);
    if (set.length === 0) return Promise.resolve(this.configured);
    const key = JSON.stringify(set.sort(([a], [b]) => a.localeCompare(b)));
    let answerer = this.answerers.get(key);
    if (!answerer) {
      answerer = this.build(Object.fromEntries(set));
      // A failed build is not kept: the next request tries again.
      answerer.catch(() => this.answerers.delete(key));
      this.answerers.set(key, answerer);
    }
    return answerer;
  }
}
