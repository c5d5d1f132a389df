import { splitCitations } from './citation-markers.js';

/** Closing punctuation that must not start a line, kept on the chip's line (“…格局[1]，”). */
const CLOSING = /^[，。、；：！？,.;:!?）)」』”’》〉】]+/u;

/**
 * The answer as text and citation groups, each group holding the character before it and the closing punctuation
 * after it: rendered unbreakable, a chip can never wrap alone onto a new line (nor leave its comma behind).
 * Returns `{ type: 'text', text }` and `{ type: 'cite', before, numbers, raw, after }` pieces.
 */
export function bindCitations(answer) {
  const parts = splitCitations(answer);
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.type === 'text') {
      out.push({ ...part });
      continue;
    }
    const previous = out.at(-1);
    let before = '';
    if (previous?.type === 'text' && previous.text !== '') {
      const chars = [...previous.text];
      // A line break before the chip stays a line break: nothing to bind.
      if (!/\s/.test(chars.at(-1))) {
        before = chars.pop();
        previous.text = chars.join('');
      }
    }
    const next = parts[i + 1];
    const closing = next?.type === 'text' ? (CLOSING.exec(next.text)?.[0] ?? '') : '';
    if (closing) parts[i + 1] = { type: 'text', text: next.text.slice(closing.length) };
    out.push({ type: 'cite', before, numbers: part.numbers, raw: part.raw, after: closing });
  }
  return out.filter((part) => part.type !== 'text' || part.text !== '');
}
