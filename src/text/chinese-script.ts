/** Traditional ↔ simplified Chinese with opencc-js; the simplifying direction skips text that has nothing to convert. */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
type DictGroup = readonly (string | readonly (readonly [string, string])[])[];
type PresetConfig = { segmentation: unknown; conversionChain: readonly DictGroup[]; normalizationChain?: readonly DictGroup[] };

/**
 * The Hong Kong preset: its variant table folds Hong Kong forms (綫, 説, 衞) and its traditional→simplified table covers
 * Taiwan forms (臺, 爲/為, 峯); the Taiwan preset would also rewrite the simplified 显著 as 显着.
 */
const SIMPLIFY_FROM = 'hk';
const SIMPLIFY_CONFIG = 'hk2s';

/** Per BMP code unit: IN_KEY = appears in some dictionary key; TRIGGER = conversion may change it. */
const IN_KEY = 1;
const TRIGGER = 2;
/** Clean text shorter than this between two dirty runs is converted along with them (one call instead of two). */
const MAX_CLEAN_GAP = 256;

interface Simplifier {
  convert: Convert;
  flags: Uint8Array;
}

let simplifier: Simplifier | undefined;
let traditionalConverter: Convert | undefined;

/** Traditional (Taiwan, Hong Kong) → simplified; output equals the opencc-js `hk → cn` converter. */
export function toSimplified(text: string): string {
  simplifier ??= buildSimplifier();
  const { convert, flags } = simplifier;
  // Dictionary matches never span a character that occurs in no key, so the text can be converted in regions cut at
  // such characters; only regions holding a character that conversion can change are handed to the converter.
  // Nearby dirty runs are merged into one region to keep the number of converter calls low.
  let out = '';
  let copiedUpTo = 0;
  let runStart = 0;
  let dirty = false;
  let regionStart = -1;
  let regionEnd = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const flag = i < n ? flags[text.charCodeAt(i)]! : 0;
    if (flag & IN_KEY) {
      if (flag & TRIGGER) dirty = true;
      continue;
    }
    if (dirty) {
      if (regionStart < 0) regionStart = runStart;
      regionEnd = i;
      dirty = false;
    } else if (regionStart >= 0 && i - regionEnd > MAX_CLEAN_GAP) {
      out += text.slice(copiedUpTo, regionStart) + convert(text.slice(regionStart, regionEnd));
      copiedUpTo = regionEnd;
      regionStart = -1;
    }
    runStart = i + 1;
  }
  if (regionStart >= 0) {
    out += text.slice(copiedUpTo, regionStart) + convert(text.slice(regionStart, regionEnd));
    copiedUpTo = regionEnd;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Simplified → Taiwan traditional; for tests and evaluation. */
export function toTraditional(text: string): string {
  const convert = (traditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

function buildSimplifier(): Simplifier {
  const convert = OpenCC.Converter({ from: SIMPLIFY_FROM, to: 'cn' });
  const config = OpenCC.Locale.configs[SIMPLIFY_CONFIG] as PresetConfig | undefined;
  if (!config) throw new Error(`opencc-js has no "${SIMPLIFY_CONFIG}" preset: check the installed opencc-js version`);

  const flags = new Uint8Array(0x10000);
  // Surrogates (astral characters) and ideographic description characters are always handed to the converter.
  flags.fill(IN_KEY | TRIGGER, 0xd800, 0xe000);
  flags.fill(IN_KEY | TRIGGER, 0x2ff0, 0x3000);

  const groups = [...config.conversionChain, ...(config.normalizationChain ?? [])];
  for (const group of groups) {
    for (const dict of group) {
      for (const [key] of entries(dict)) markKey(key, convert(key), flags);
    }
  }
  return { convert, flags };
}

function entries(dict: DictGroup[number]): Iterable<readonly [string, string]> {
  if (typeof dict !== 'string') return dict;
  return dict.split('|').map((line) => {
    const [key = '', value = ''] = line.split(' ');
    return [key, value] as const;
  });
}

/** Marks the key's characters; those the whole conversion changes (or all of them, if the length changes) trigger it. */
function markKey(key: string, converted: string, flags: Uint8Array): void {
  const sameLength = converted.length === key.length;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    flags[code]! |= IN_KEY;
    if (converted !== key && (!sameLength || converted.charCodeAt(i) !== code)) flags[code]! |= TRIGGER;
  }
}
