import { answerSpans, holdsAnswerShape, type Span, type TaggedWord } from './answer-kinds.ts';
import type { AnswerType } from './question-analysis.ts';

/**
 * Part-of-speech tagging of a normalised text (cached by the caller: tagging is the costly part). It must tag a
 * text the same way every time: sentence facts remember the spans read from the first tagging.
 */
export type Tagger = (normalisedText: string) => readonly TaggedWord[];

const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

/**
 * What a (normalised) sentence holds whatever is asked: its ideographs and, per kind of answer, its answer
 * spans and shape. The same sentences come back for question after question, so each is worked out once.
 */
export class SentenceFacts {
  /** The distinct CJK ideographs of the sentence (UTF-16 codes), and how often each occurs (same order). */
  readonly characterCodes: Uint16Array;
  readonly characterCounts: Uint32Array;
  readonly cjkCount: number;
  private readonly spansByType = new Map<AnswerType, readonly Span[]>();
  private readonly shapeByType = new Map<AnswerType, boolean>();

  constructor(readonly text: string) {
    const counts = new Map<number, number>();
    let cjk = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < CJK_FIRST || code > CJK_LAST) continue;
      cjk++;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    this.characterCodes = Uint16Array.from(counts.keys());
    this.characterCounts = Uint32Array.from(counts.values());
    this.cjkCount = cjk;
  }

  /** The sentence's spans of the kind of value asked (answerSpans), remembered per kind. */
  answerSpans(type: AnswerType, tagger: Tagger): readonly Span[] {
    let spans = this.spansByType.get(type);
    if (!spans) this.spansByType.set(type, (spans = answerSpans(type, this.text, () => tagger(this.text))));
    return spans;
  }

  /** Whether the sentence holds the shape of answer asked (holdsAnswerShape), remembered per kind. */
  holdsShape(type: AnswerType, tagger: Tagger): boolean {
    let holds = this.shapeByType.get(type);
    if (holds === undefined) this.shapeByType.set(type, (holds = holdsAnswerShape(type, this.text, () => tagger(this.text))));
    return holds;
  }
}
