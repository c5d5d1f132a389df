import { rewriteMarkers } from '../answer/citations.ts';
import type { AskResponse, Citation } from '../types.ts';

/** An unfinished marker at the end of a delta (`…格局[`, `…[1, `), held back until the next delta completes it. */
const OPEN_MARKER_TAIL = /[[［][\s0-9０-９,，、;；\-–~～]{0,20}$/;

/**
 * Gives the [n] markers of a streamed answer numbers that never change, for clients that cannot replace
 * what they were sent (OpenAI chat clients only append deltas).
 *
 * The engine's deltas number markers by the latest `citations` event, and its final response renumbers
 * them; after a mid-stream fallback a second `citations` event renumbers everything. Here each passage
 * gets a number on first mention (1, 2, … in order of appearance, as in the final response) and keeps it,
 * so the appended text and the citations sent at the end always agree.
 */
export class StableCitations {
  private current = new Map<number, Citation>();
  private readonly numbers = new Map<string, number>();
  private readonly cited: Citation[] = [];
  private held = '';
  private streamed = '';
  private startingOver = false;

  /**
   * A `citations` event: the numbers of the deltas that follow. After text was sent, the answer starts over.
   * Returns the text still held back under the previous numbers, to send first.
   */
  numberBy(citations: readonly Citation[]): string {
    const rest = this.flush();
    this.current = new Map(citations.map((c) => [c.n, c]));
    this.startingOver = this.streamed !== '';
    return rest;
  }

  /** The text to send for a delta, markers renumbered; may hold back an unfinished marker. */
  push(delta: string): string {
    const text = this.held + delta;
    const tail = OPEN_MARKER_TAIL.exec(text);
    this.held = tail ? tail[0] : '';
    return this.emit(tail ? text.slice(0, tail.index) : text);
  }

  /** Whatever was held back, at the end of the stream. */
  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.emit(rest);
  }

  /** All the text sent so far. */
  get text(): string {
    return this.streamed;
  }

  /**
   * The citations for what was sent: the final response's own when the sent text is exactly its answer
   * (the usual case), else the passages as numbered in the sent text.
   */
  citationsFor(response: AskResponse): Citation[] {
    return this.streamed === response.answer ? response.citations : [...this.cited];
  }

  private emit(text: string): string {
    if (text === '') return '';
    let out = rewriteMarkers(text, (n) => this.stableNumber(n));
    if (this.startingOver) {
      // The partial answer already sent stays; the new one starts on its own paragraph.
      out = `\n\n${out}`;
      this.startingOver = false;
    }
    this.streamed += out;
    return out;
  }

  private stableNumber(n: number): number | undefined {
    const citation = this.current.get(n);
    if (!citation) return undefined;
    let stable = this.numbers.get(citation.id);
    if (stable === undefined) {
      stable = this.cited.length + 1;
      this.numbers.set(citation.id, stable);
      this.cited.push({ ...citation, n: stable });
    }
    return stable;
  }
}
