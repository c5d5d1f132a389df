/**
 * Citation markers in answer text, read the way the server writes and checks them (src/answer/citations.ts):
 * `[1]`, `[1][2]`, `[1, 2]`, `[1，2]`, `[1、2]`, `[1-3]` and full-width `［１］`; at most three digits, so `[2024]` stays text.
 * Kept in step by hand: the page has no build step to share the server's module.
 */

const DIGITS = '[0-9０-９]{1,3}';
const ITEM = `${DIGITS}(?:\\s*[-–~～]\\s*${DIGITS})?`;
const MARKER = new RegExp(`[\\[［]\\s*${ITEM}(?:\\s*[,，、;；]\\s*${ITEM})*\\s*[\\]］]`, 'g');
/** A range longer than this is read as its two ends (`[6-27]` is more likely a date than 22 citations). */
const MAX_RANGE = 20;

function toInt(digits) {
  return Number.parseInt(digits.trim().normalize('NFKC'), 10);
}

/** Every number one marker names, in written order, without repeats. */
export function markerNumbers(marker) {
  const numbers = [];
  for (const item of marker.slice(1, -1).split(/[,，、;；]/)) {
    const [from, to] = item.split(/[-–~～]/).map(toInt);
    if (to === undefined) numbers.push(from);
    else if (to >= from && to - from < MAX_RANGE) for (let n = from; n <= to; n++) numbers.push(n);
    else numbers.push(from, to);
  }
  return [...new Set(numbers)];
}

/**
 * Splits an answer into text and citation pieces: `{ type: 'text', text }` and
 * `{ type: 'cite', numbers, raw }`. An unfinished marker at the end of a streaming answer stays text.
 */
export function splitCitations(answer) {
  const parts = [];
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    if (match.index > last) parts.push({ type: 'text', text: answer.slice(last, match.index) });
    parts.push({ type: 'cite', numbers: markerNumbers(match[0]), raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < answer.length) parts.push({ type: 'text', text: answer.slice(last) });
  return parts;
}

/** The answer without its markers (and the spaces before them), for the conversation history sent back. */
export function stripCitations(answer) {
  return answer.replace(new RegExp(`[ \\t]*${MARKER.source}`, 'g'), '');
}
