import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prompt templates shipped in `prompts/`, by file name without `.md`. */
export type PromptName = 'answer-system' | 'answer-user' | 'rewrite-question' | 'translate-question';

/** Resolved from this file rather than the working directory, so the CLI, the server and tests all find the same files. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The first line the answer prompt asks for when the passages do not answer the question. */
export const NO_ANSWER_SENTINEL = 'NO_ANSWER';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export class PromptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PromptError';
  }
}

/** Names of the `{{…}}` placeholders in a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/**
 * Replaces every `{{name}}` in one pass, so text inside a value (a passage quoting `{{question}}`) is never filled again.
 * A placeholder without a value, or a value without a placeholder, is a broken template: both throw.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, templateName = 'template'): string {
  const used = placeholdersOf(template);
  const missing = used.filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0) {
    throw new PromptError(`Prompt "${templateName}" has placeholder(s) with no value: ${missing.map((n) => `{{${n}}}`).join(', ')}`);
  }
  const unused = Object.keys(values).filter((name) => !used.includes(name));
  if (unused.length > 0) {
    throw new PromptError(`Prompt "${templateName}" lacks placeholder(s) ${unused.map((n) => `{{${n}}}`).join(', ')}: restore them in the template`);
  }
  return template.replace(PLACEHOLDER, (_match, name: string) => values[name] as string);
}

/** Reads each template once and keeps it; a missing file fails on first use with its full path. */
export class PromptLibrary {
  readonly dir: string;
  private readonly cache = new Map<PromptName, string>();

  constructor(dir: string = DEFAULT_PROMPTS_DIR) {
    this.dir = dir;
  }

  template(name: PromptName): string {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const path = join(this.dir, `${name}.md`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new PromptError(`Prompt file missing or unreadable: ${path}`, { cause: error });
    }
    const trimmed = text.trim();
    if (trimmed === '') throw new PromptError(`Prompt file is empty: ${path}`);
    this.cache.set(name, trimmed);
    return trimmed;
  }

  render(name: PromptName, values: Readonly<Record<string, string>>): string {
    return fillTemplate(this.template(name), values, name);
  }
}

/** The shared library over `prompts/` at the project root. */
export const prompts = new PromptLibrary();
