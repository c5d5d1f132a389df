/**
 * Example questions for the chat page's empty state, made from the documents' own headings: a heading that names
 * a list (…重点任务, …基本原则) becomes “…有哪些？”, which the answerer answers with the section's items.
 */
import type { ChunkRecord } from '../types.ts';

export interface ExampleQuestion {
  question: string;
  /** The document whose heading it comes from. */
  source: string;
}

/** Numbering and bullets that open Chinese headings: 一、 (一) 1. 1.2 第一章 ★ #. */
const NUMBERING = /^\s*(?:第[一二三四五六七八九十百零\d]+[章节条部分篇]\s*|[一二三四五六七八九十]+[、.．]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*|\d+(?:[.．]\d+)*[、.．]?\s*|[★☆●■◆▲#]+\s*)+/;
/** Heading endings that name a list of things. */
const LIST_HEADING = /(任务|措施|举措|原则|目标|要求|重点|领域|条件|方式|步骤|事项|标准|政策|产业|功能|特点|优势|服务|流程|材料|待遇|福利|规定|注意事项)$/;
const MIN_CHARS = 4;
const MAX_CHARS = 18;

function cleanHeading(heading: string): string {
  return heading.replace(NUMBERING, '').replace(/[\s:：。]+$/, '').trim();
}

/** A question asking for the items of a list-naming heading, or undefined for other headings. */
export function headingQuestion(heading: string): string | undefined {
  const title = cleanHeading(heading);
  const length = [...title].length;
  if (length < MIN_CHARS || length > MAX_CHARS || /[，,；;？?！!]/.test(title) || !LIST_HEADING.test(title)) return undefined;
  return `${title}有哪些？`;
}

/** Up to `count` distinct questions, taking documents in turn so that each contributes. */
export function exampleQuestions(chunks: Iterable<ChunkRecord>, count = 4): ExampleQuestion[] {
  const byDocument = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const chunk of chunks) {
    const heading = chunk.section.at(-1);
    const question = heading === undefined ? undefined : headingQuestion(heading);
    if (!question || seen.has(question)) continue;
    seen.add(question);
    byDocument.set(chunk.source, [...(byDocument.get(chunk.source) ?? []), question]);
  }
  const examples: ExampleQuestion[] = [];
  for (let round = 0; examples.length < count; round++) {
    const before = examples.length;
    for (const [source, questions] of byDocument) {
      const question = questions[round];
      if (question && examples.length < count) examples.push({ question, source });
    }
    if (examples.length === before) break;
  }
  return examples;
}
