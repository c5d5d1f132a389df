import { parseArgs } from 'node:util';

export const USAGE = 'Usage: npm run ask -- [--json] [--k N] "问题"   (N: passages to retrieve, 1–20)';

export interface AskArgs {
  question: string;
  json: boolean;
  k?: number;
}

/** Reads `[--json] [--k N] question…`; returns the problem as a string when the arguments are unusable. */
export function parseAskArgs(argv: string[]): AskArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, k: { type: 'string' } },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const question = parsed.positionals.join(' ').trim();
  if (question === '') return { error: 'No question given' };
  const { json = false, k: rawK } = parsed.values;
  if (rawK === undefined) return { question, json };
  const k = Number(rawK);
  if (!/^\d+$/.test(rawK) || k < 1 || k > 20) return { error: `--k must be a whole number from 1 to 20, got "${rawK}"` };
  return { question, json, k };
}
