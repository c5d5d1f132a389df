/**
 * Feature hashing for the local embedder. Hand-written: it is a dozen lines of arithmetic and no
 * package offers a stable, dependency-free 32-bit string hash with the mixing we need.
 */

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a state after `text`, continuing from `state`. */
function fnv(text: string, state: number): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash of `prefix + text` for a fixed prefix, without building the string (ingest hashes millions). */
export function prefixedHasher(prefix: string): (text: string) => number {
  const state = fnv(prefix, FNV_OFFSET);
  return (text) => mix(fnv(text, state));
}

/** The hash of `prefix` followed by two UTF-16 code units: a bigram's hash without making its string. */
export function prefixedPairHasher(prefix: string): (first: number, second: number) => number {
  const state = fnv(prefix, FNV_OFFSET);
  return (first, second) => mix(Math.imul(Math.imul(state ^ first, 0x01000193) ^ second, 0x01000193));
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so low and high bits are both well mixed. */
export function hashFeature(feature: string): number {
  return mix(fnv(feature, FNV_OFFSET));
}

function mix(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The slot in the document-frequency table (2^bits slots). */
export function statsSlot(hash: number, bits: number): number {
  return hash >>> (32 - bits);
}

/** The output dimension a feature folds into. */
export function foldIndex(hash: number, dimensions: number): number {
  return (hash & 0x7fffffff) % dimensions;
}

/** The sign it adds with there, so that colliding features do not only add up. */
export function foldSign(hash: number): 1 | -1 {
  return hash & 0x80000000 ? -1 : 1;
}
