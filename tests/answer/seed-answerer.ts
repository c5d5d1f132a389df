/** The extractive answerer over a real index of the seed document, wired as src/engine.ts wires it, without the engine. */
import assert from 'node:assert/strict';
import type { ExtractiveAnswerer } from '../../src/answer/extractive.ts';
import { extractiveAnswererFor } from '../../src/answer/extractive-wiring.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { openRetriever } from '../../src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { defaultLexicon } from '../../src/text/lexicon.ts';
import type { AskResponse, Citation, SearchResult } from '../../src/types.ts';
import { makeSeeds, seedText, silentLog, testConfig } from '../ingest/fixtures.ts';

/** The seed's file name as the index reports it in `source`. */
export const SEED_NAME = '000_dcbe81f0de4cc422.txt';

export interface SeedAnswerer {
  answerer: ExtractiveAnswerer;
  /** The seed document's original text, which citation offsets point into. */
  seed: string;
  retrieve(question: string): Promise<SearchResult[]>;
  /** Retrieves with the configured k, then answers. */
  ask(question: string): Promise<{ passages: SearchResult[]; response: AskResponse }>;
}

export async function seedAnswerer(): Promise<SeedAnswerer> {
  const tokenizer = new JiebaTokenizer();
  const seed = await seedText();
  const config = await testConfig(await makeSeeds({ [SEED_NAME]: seed }));
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  const { index, retriever } = await openRetriever(config, tokenizer);
  const answerer = extractiveAnswererFor(index, tokenizer, { lexicon: defaultLexicon() });

  const retrieve = (question: string) => retriever.search(question, config.RETRIEVAL_K);
  return {
    answerer,
    seed,
    retrieve,
    async ask(question) {
      const passages = await retrieve(question);
      return { passages, response: await answerer.answer(question, passages, {}) };
    },
  };
}

/** The [n] markers of an answer, in order of appearance. */
export function markersOf(answer: string): number[] {
  return [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** Citations are numbered 1..m, every marker names one of them, and every one of them is named. */
export function assertCitationContract(response: Pick<AskResponse, 'answer' | 'citations'>): void {
  const numbers = response.citations.map((c) => c.n);
  assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'citations are numbered 1..m in order');
  const markers = new Set(markersOf(response.answer));
  assert.deepEqual([...markers].sort((a, b) => a - b), numbers, `markers of ${JSON.stringify(response.answer)}`);
}

/** Each citation's offsets cut exactly its text out of the seed document. */
export function assertExactOffsets(citations: readonly Citation[] | readonly SearchResult[], seed: string): void {
  for (const c of citations) {
    assert.equal(c.source, SEED_NAME);
    assert.ok(c.start >= 0 && c.end > c.start, `offsets ${c.start}–${c.end}`);
    assert.equal(seed.slice(c.start, c.end), c.text, `offsets ${c.start}–${c.end}`);
  }
}
