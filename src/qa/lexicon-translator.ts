import type { Lexicon, TermFrequency } from '../text/lexicon.ts';
import type { QueryTranslator } from '../retrieval/translating-retriever.ts';

/**
 * Offline cross-language search: an English question becomes the lexicon's Chinese terms for its words, the
 * senses the documents use most first.
 */
export function lexiconTranslator(lexicon: Lexicon, frequency?: TermFrequency): QueryTranslator {
  return async (query) => {
    const terms = lexicon.translate(query, frequency);
    return terms.length ? terms.join(' ') : null;
  };
}

/** The first translator that succeeds (a model, then the lexicon when the model fails). */
export function firstTranslation(...translators: QueryTranslator[]): QueryTranslator {
  return async (query, signal) => {
    for (const translate of translators) {
      const translated = await translate(query, signal);
      if (translated !== null) return translated;
    }
    return null;
  };
}
