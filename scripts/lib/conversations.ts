/** Conversation sets (eval/sets/conversations-*.jsonl): follow-ups with their expected standalone questions. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const turnSchema = z.object({
  question: z.string().min(1),
  standalone: z.string().min(1),
  key_terms: z.array(z.string()),
  evidence: z.array(z.string()),
  topic_change: z.boolean(),
});

export const conversationSchema = z.object({
  id: z.string(),
  /** The document the conversation is about, a file under eval/documents/ or seeds/. */
  source: z.string(),
  turns: z.array(turnSchema).min(2),
});

export type Conversation = z.infer<typeof conversationSchema>;
export type Turn = z.infer<typeof turnSchema>;

export function loadConversations(file: string): Conversation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = conversationSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** The conversation files of one split (`dev` or `heldout`) in `dir`, sorted. */
export function conversationFiles(dir: string, split: 'dev' | 'heldout'): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('conversations-') && name.endsWith(`.${split}.jsonl`))
    .sort()
    .map((name) => join(dir, name));
}
