import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The token of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Finds which configured key a token is, in time independent of the token: both sides are hashed to the
 * same length for timingSafeEqual, and every key is compared (no early exit). Returns a label naming the
 * key by position (`key-1`…), safe for logs and rate-limit buckets; never the key itself.
 */
export function apiKeyMatcher(keys: readonly string[]): (token: string | undefined) => string | undefined {
  const digests = keys.map(digest);
  return (token) => {
    if (token === undefined) return undefined;
    const presented = digest(token);
    let match: string | undefined;
    digests.forEach((key, i) => {
      if (timingSafeEqual(key, presented) && match === undefined) match = `key-${i + 1}`;
    });
    return match;
  };
}
