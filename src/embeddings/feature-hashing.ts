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

/** The output dimension a feature folds into, and the sign that keeps collisions from only adding up. */
export function fold(hash: number, dimensions: number): { index: number; sign: 1 | -1 } {
  return { index: (hash & 0x7fffffff) % dimensions, sign: hash & 0x80000000 ? -1 : 1 };
}
