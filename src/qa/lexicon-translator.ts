import type { Lexicon } from '../text/lexicon.ts';
import type { QueryTranslator } from '../retrieval/translating-retriever.ts';

/** Offline cross-language search: an English question becomes the lexicon's Chinese terms for its words. */
export function lexiconTranslator(lexicon: Lexicon): QueryTranslator {
  return async (query) => {
    const terms = lexicon.translate(query);
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
