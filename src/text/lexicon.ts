/**
 * An offline bilingual lexicon derived from CC-CEDICT (models/lexicon.json, built by `npm run build:lexicon`):
 * English words to Chinese candidate terms, and Chinese words to words sharing a specific English gloss.
 */
import { readFileSync } from 'node:fs';
import { isStopword } from './stopwords.ts';

interface LexiconFile {
  english: Record<string, string[]>;
  synonyms: Record<string, string[]>;
  /** Proper names by their toneless pinyin run together (guizhou → 贵州). */
  names?: Record<string, string[]>;
  /** The dictionary's multi-character words, `|`-separated. */
  vocabulary?: string;
}

export const LEXICON_FILE = new URL('../../models/lexicon.json', import.meta.url);

/** Longest English phrase looked up as one key ("lithium battery", "annual leave"). */
const MAX_PHRASE = 3;
/** How many Chinese terms one English word contributes to a translated query. */
const TERMS_PER_WORD = 3;
/** English "how" with a measure (how deep, how often): it asks for a figure or a time, not about depth or frequency. */
export const HOW_FIGURE = 'big|large|old|far|tall|high|wide|deep|heavy|fast|many|much';
export const HOW_TIME = 'long|often|soon';
/** English interrogatives say what kind of answer is wanted (the answerer reads that), not what to search for. */
const INTERROGATIVES = new RegExp(`\\b(?:what|which|who|whom|whose|when|where|why|how(?: (?:${HOW_FIGURE}|${HOW_TIME}))?)\\b`, 'gi');

/** Inflected forms tried back to their dictionary form, in order (clusters → cluster, planned → plan). */
const INFLECTIONS: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/ves$/, 'f'],
  [/es$/, ''],
  [/s$/, ''],
  [/ied$/, 'y'],
  [/(.)\1ed$/, '$1'],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/(.)\1ing$/, '$1'],
  [/ing$/, ''],
  [/ing$/, 'e'],
];

/** Acronyms the documents may use as they are (GDP, RO); words with digits (5G, R600) are kept whatever their case. */
const ACRONYM = /^[A-Z]{2,}[A-Za-z]*$/;
/** A number as English writes it, decimals and thousands included (3.5, 2,000); not the start of a code (5G). */
const NUMBER_RUN = String.raw`\d+(?:[.,]\d+)*(?![A-Za-z\d])`;
const NUMBER = new RegExp(`^${NUMBER_RUN}$`);
/** A number, or a word: letters and digits, hyphenated parts, a possessive. */
const TOKEN = new RegExp(`${NUMBER_RUN}|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:'[a-z]+)?`, 'g');

/** How many of the documents' passages hold a term; translations prefer the senses they use most. */
export type TermFrequency = (term: string) => number;

/** How many words from a position one reading takes, and the Chinese terms it gives. */
interface Reading {
  length: number;
  terms: readonly string[];
}

const NOTHING_READ: Reading = { length: 0, terms: [] };

export class Lexicon {
  private readonly vocabulary: ReadonlySet<string>;

  constructor(private readonly data: LexiconFile) {
    this.vocabulary = new Set(data.vocabulary ? data.vocabulary.split('|') : []);
  }

  /** Whether the word is general vocabulary the dictionary lists (单位, 死因), not a name it does not know (獬豸计划). */
  knows(word: string): boolean {
    return this.vocabulary.has(word) || word in this.data.synonyms;
  }

  static load(file: URL | string = LEXICON_FILE): Lexicon {
    return new Lexicon(JSON.parse(readFileSync(file, 'utf8')) as LexiconFile);
  }

  /** Words that share a specific English gloss with `word` (省电 → 节电); empty when none. */
  synonymsOf(word: string): readonly string[] {
    return this.data.synonyms[word] ?? [];
  }

  /** The Chinese terms for an English key, trying the dictionary forms of its last word (clusters), then of its first (speeding up). */
  private chineseFor(phrase: string): string[] | undefined {
    for (const key of dictionaryKeys(phrase)) {
      const found = this.data.english[key];
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Chinese terms for the content words of an English text, longest phrases first; each English word
   * gives its first few senses' terms, and capitalised words written in pinyin their names (Xi Jinping →
   * 习近平, Guizhou's → 贵州) unless an English phrase as long reads them (Long March → 长征). Of a word's
   * senses, those the documents use most (`frequency`) come first. Numbers and codes (GDP, 5G) are kept as
   * they are; other words the lexicon does not know are left out.
   */
  translate(english: string, frequency?: TermFrequency): string[] {
    return [...new Set(this.readings(english, frequency).flat())];
  }

  /** The same terms, one list of alternatives per English word or phrase read, the likeliest first; a number or code on its own. */
  readings(english: string, frequency?: TermFrequency): string[][] {
    const words = this.wordsOf(english);
    const readings: string[][] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i]!;
      if (NUMBER.test(word)) {
        readings.push([word.replace(/,/g, '')]);
        i++;
        continue;
      }
      const gloss = this.glossAt(words, i, frequency);
      const name = this.nameAt(words, i);
      const read = name.length > gloss.length ? name : gloss;
      if (read.terms.length) readings.push([...read.terms]);
      if (/\d/.test(word) || (ACRONYM.test(word) && !isStopword(word.toLowerCase()))) readings.push([word.toLowerCase()]);
      i += read.length || 1;
    }
    return readings;
  }

  /** The words of an English text; a hyphenated compound stays one word when the lexicon has it (one-off), else its parts. */
  private wordsOf(english: string): string[] {
    const tokens = english.replace(INTERROGATIVES, ' ').match(TOKEN) ?? [];
    return tokens.flatMap((token) => {
      const word = token.replace(/'s$/, '');
      return !word.includes('-') || this.chineseFor(word.toLowerCase()) ? [word] : word.split('-');
    });
  }

  /**
   * The longest run of capitalised words from `i` that spells a name in pinyin, and its terms. A single word
   * counts only when it is no English word the lexicon knows (He, Long): sentences start with capitals too.
   */
  private nameAt(words: readonly string[], i: number): Reading {
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (!run.every((w) => /^[A-Z][a-z]+$/.test(w))) continue;
      const key = run.join('').toLowerCase();
      if (n === 1 && (isStopword(key) || this.chineseFor(key))) continue;
      const names = this.data.names?.[key];
      if (names) return { length: n, terms: names.slice(0, TERMS_PER_WORD) };
    }
    return NOTHING_READ;
  }

  /** The longest English key the lexicon has from `i`, and its terms. */
  private glossAt(words: readonly string[], i: number, frequency?: TermFrequency): Reading {
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).map((w) => w.toLowerCase());
      if (n === 1 && isStopword(phrase[0]!)) break;
      const chinese = this.chineseFor(phrase.join(' '));
      if (chinese) return { length: n, terms: (frequency ? byUse(chinese, frequency) : chinese).slice(0, TERMS_PER_WORD) };
    }
    return NOTHING_READ;
  }
}

/** The senses the documents use, the most used first, then the others in the dictionary's order. */
function byUse(terms: readonly string[], frequency: TermFrequency): string[] {
  const counted = terms.map((term) => ({ term, count: frequency(term) }));
  const used = counted.filter((t) => t.count > 0).sort((a, b) => b.count - a.count);
  return [...used, ...counted.filter((t) => t.count === 0)].map((t) => t.term);
}

/** The dictionary forms of a word (clusters → cluster, planned → plan); the word itself first. */
function dictionaryForms(word: string): string[] {
  if (word.length < 4) return [word];
  return [word, ...INFLECTIONS.filter(([suffix]) => suffix.test(word)).map(([suffix, replacement]) => word.replace(suffix, replacement))];
}

/** The keys to look an English phrase up by: its last word in each dictionary form, then its first (speeding up → speed up). */
function dictionaryKeys(phrase: string): string[] {
  const words = phrase.split(' ');
  if (words.length === 1) return dictionaryForms(phrase);
  const lastForms = dictionaryForms(words.at(-1)!).map((last) => [...words.slice(0, -1), last].join(' '));
  const firstForms = dictionaryForms(words[0]!).slice(1).map((first) => [first, ...words.slice(1)].join(' '));
  return [...lastForms, ...firstForms];
}

let shared: Lexicon | undefined;

/** The lexicon, read once per process on first use (≈5 MB of JSON). */
export function defaultLexicon(): Lexicon {
  return (shared ??= Lexicon.load());
}
