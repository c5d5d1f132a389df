/** Chinese word segmentation with nodejieba; identical processing at index time and at query time. */
import { createRequire } from 'node:module';
import type { Tokenizer } from '../types.ts';
import { normaliseForMatch } from './normalise.ts';
import { isStopword } from './stopwords.ts';

type Jieba = typeof import('nodejieba');

let jieba: Jieba | undefined;

/** Loads the native module and its dictionaries (≈0.8 s) on first use only, once per process. */
function loadJieba(): Jieba {
  if (!jieba) {
    const loaded = createRequire(import.meta.url)('nodejieba') as Jieba;
    loaded.load();
    jieba = loaded;
  }
  return jieba;
}

/** Search terms (`tokenize`) and precise-mode words (`words`) of normalised text, without stop words or punctuation. */
export class JiebaTokenizer implements Tokenizer {
  /** Loads the dictionaries now rather than on the first question. */
  preload(): void {
    loadJieba();
  }

  /** Search mode with HMM: long words also yield their shorter dictionary words (数据中心 → 数据, 中心, 数据中心). */
  tokenize(text: string): string[] {
    return this.tokenizeNormalised(normaliseForMatch(text));
  }

  tokenizeNormalised(normalisedText: string): string[] {
    return keepContent(loadJieba().cutForSearch(normalisedText, true));
  }

  /** Precise mode with HMM: one segmentation, no overlapping terms; used to score answers. */
  words(text: string): string[] {
    return keepContent(loadJieba().cut(normaliseForMatch(text), true));
  }

  /** Words of already normalised text with jieba's part-of-speech tags (ns place, nr person, nt organisation, m numeral …). */
  tag(normalisedText: string): { word: string; tag: string }[] {
    return loadJieba().tag(normalisedText);
  }
}

function keepContent(tokens: string[]): string[] {
  const kept: string[] = [];
  for (const token of tokens) {
    const term = token.trim().toLowerCase();
    if (term !== '' && !isStopword(term)) kept.push(term);
  }
  return kept;
}
