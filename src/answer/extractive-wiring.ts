import { LRUCache } from 'lru-cache';
import { bm25Idf } from '../index/bm25.ts';
import type { Bm25Index } from '../index/bm25-index.ts';
import { bigramTerm } from '../text/bigrams.ts';
import type { JiebaTokenizer } from '../text/jieba.ts';
import type { Lexicon } from '../text/lexicon.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import type { TaggedWord } from './answer-kinds.ts';
import { loadAnswererModel, type AnswererModel } from './answer-model.ts';
import { ExtractiveAnswerer } from './extractive.ts';
import type { ProfileSources } from './question-profile.ts';

const TAGGINGS_KEPT = 20_000;
/** A list cited as one span may run as long as a passage (CHUNK_SIZE's default). */
const DEFAULT_LIST_SPAN = 500;

/** What the answerer reads of the corpus and the language: IDF from the index, jieba's tags, the lexicon. */
export function indexProfileSources(bm25: Bm25Index, tokenizer: JiebaTokenizer, lexicon?: Lexicon): ProfileSources {
  // The same passage sentences come back again and again; tagging is the slow part of reading them.
  const taggings = new LRUCache<string, TaggedWord[]>({ max: TAGGINGS_KEPT });
  const documentFrequency = (term: string) => bm25.documentFrequency(term);
  return {
    tag: (text) => {
      let tagged = taggings.get(text);
      if (!tagged) taggings.set(text, (tagged = tokenizer.tag(text)));
      return tagged;
    },
    termWeight: (term) => bm25Idf(documentFrequency(term), bm25.documentCount),
    documentFrequency,
    bigramTerm,
    ...(lexicon ? { synonymsOf: (word: string) => lexicon.synonymsOf(word), isGeneral: (word: string) => lexicon.knows(word), readings: (english: string) => lexicon.readings(english, documentFrequency) } : {}),
  };
}

export interface ExtractiveWiring {
  minConfidence?: number;
  cacheSize?: number;
  maxListSpan?: number;
  lexicon?: Lexicon;
  model?: AnswererModel;
}

/** The extractive answerer over a loaded index, wired as the service wires it. */
export function extractiveAnswererFor(index: LoadedIndex, tokenizer: JiebaTokenizer, wiring: ExtractiveWiring = {}): ExtractiveAnswerer {
  return new ExtractiveAnswerer({
    sources: indexProfileSources(index.bm25, tokenizer, wiring.lexicon),
    model: wiring.model ?? loadAnswererModel(),
    ...(wiring.minConfidence !== undefined ? { minConfidence: wiring.minConfidence } : {}),
    cacheSize: wiring.cacheSize ?? 0,
    maxListSpan: wiring.maxListSpan ?? DEFAULT_LIST_SPAN,
    sectionPassages: (passage) =>
      index.chunks.sectionOf(index.chunks.numberOf(passage.id) ?? -1).map((chunk) => ({ ...chunk, score: 0, debug: { bm25Rank: null, vectorRank: null, matchedTerms: [] } })),
  });
}
