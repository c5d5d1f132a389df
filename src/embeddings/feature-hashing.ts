/**
 * Feature hashing for the local embedder. Hand-written: it is a dozen lines of arithmetic and no
 * package offers a stable, dependency-free 32-bit string hash with the mixing we need.
 */

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so low and high bits are both well mixed. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
