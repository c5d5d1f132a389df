/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without when it reads as text), else GB18030/GBK,
 * else Big5, else not text. The text is never altered.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-bom' | 'utf-16be-bom' | 'gb18030' | 'big5';

export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: 'binary' | 'unknown-encoding' };

/** Share of control bytes above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.02;
/**
 * In simplified Chinese text ~99 % of characters are level-1 GB2312 hanzi (the 3,755 most frequent) or punctuation;
 * in random high bytes about a quarter are.
 */
const MIN_COMMON_SHARE = 0.7;
/** Private-use and control characters: allowed only as rare accidents. */
const MAX_BAD_SHARE = 0.01;

/** Characters of running text: ASCII, Latin-1, general and CJK punctuation, kana, hanzi, full-width forms. */
const TEXT_CHAR = /[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
/** Decoded as UTF-16 without a BOM, at least this share must be such characters (wrong-endian text is mostly not). */
const MIN_UTF16_TEXT_SHARE = 0.95;
/** Big5's frequent hanzi (A440–C67E) and its symbol rows (A1–A3): nearly all of a traditional Chinese text. */
const MIN_BIG5_COMMON_SHARE = 0.9;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return utf16;
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };

  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryDecode('utf-8', hasBom ? bytes.subarray(3) : bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  if (hasBom) return { ok: false, reason: 'unknown-encoding' };

  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined && isPlausibleGb(bytes, gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  const big5 = tryDecode('big5', bytes);
  if (big5 !== undefined && isPlausibleBig5(bytes)) return { ok: true, text: big5, encoding: 'big5' };
  return { ok: false, reason: 'unknown-encoding' };
}

/** UTF-16 by its BOM; without one, by decoding to running text in one byte order (NULs and all). */
function decodeUtf16(bytes: Uint8Array): DecodeResult | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const text = tryDecode(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    return text === undefined ? { ok: false, reason: 'unknown-encoding' } : { ok: true, text, encoding: le ? 'utf-16le-bom' : 'utf-16be-bom' };
  }
  if (bytes.length < 2 || bytes.length % 2 !== 0 || tryDecode('utf-8', bytes) !== undefined) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined && textShare(text) >= MIN_UTF16_TEXT_SHARE) return { ok: true, text, encoding };
  }
  return null;
}

function textShare(text: string): number {
  let ok = 0;
  for (const char of text) if (TEXT_CHAR.test(char)) ok++;
  return ok / Math.max(1, text.length);
}

function tryDecode(encoding: 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM has already been handled above; any other one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** NUL anywhere, or more than a few control bytes other than tab/newline/CR/form feed/ESC. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && !isAllowedControl(b)) || b === 0x7f) controls++;
  }
  return bytes.length > 0 && controls / bytes.length > MAX_CONTROL_SHARE;
}

function isAllowedControl(b: number): boolean {
  return b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x0b || b === 0x1b;
}

/**
 * GB18030 accepts almost any run of high bytes, so a clean decode proves little. Require that most multi-byte
 * characters are frequent hanzi or punctuation, and that private-use/control characters are rare. Traditional Chinese
 * stored as GBK (rare: it is usually Big5 or UTF-8) falls mostly outside that table and is rejected.
 */
function isPlausibleGb(bytes: Uint8Array, text: string): boolean {
  // A trail byte 30–39 opens a four-byte GB18030 sequence: characters outside GBK, counted as uncommon.
  const { multiByte, common } = countPairs(bytes, isCommonGbPair, (trail) => (trail >= 0x30 && trail <= 0x39 ? 4 : 2));
  if (multiByte === 0) return true;

  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return common / multiByte >= MIN_COMMON_SHARE && bad <= text.length * MAX_BAD_SHARE;
}

/** Level-1 GB2312 hanzi (rows B0–D7) and the punctuation, numbering and full-width rows (A1–A3). */
function isCommonGbPair(lead: number, trail: number): boolean {
  if (trail < 0xa1 || trail > 0xfe) return false;
  return (lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa3);
}

/** Like the GB check: most two-byte characters must be Big5's frequent hanzi or symbols. */
function isPlausibleBig5(bytes: Uint8Array): boolean {
  const { multiByte, common } = countPairs(bytes, isCommonBig5Pair, () => 2);
  return multiByte > 0 && common / multiByte >= MIN_BIG5_COMMON_SHARE;
}

/** Big5's symbol rows (A1–A3) and frequent hanzi (A440–C67E). */
function isCommonBig5Pair(lead: number, trail: number): boolean {
  const validTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
  return validTrail && lead >= 0xa1 && (lead < 0xc6 || (lead === 0xc6 && trail <= 0x7e));
}

/** Multi-byte characters of a double-byte encoding, and how many of them `isCommon` accepts. */
function countPairs(bytes: Uint8Array, isCommon: (lead: number, trail: number) => boolean, width: (trail: number) => number) {
  let multiByte = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    multiByte++;
    const size = width(trail);
    if (size === 2 && isCommon(lead, trail)) common++;
    i += size;
  }
  return { multiByte, common };
}
