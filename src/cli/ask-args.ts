import { parseArgs } from 'node:util';

export const USAGE = [
  'Usage: npm run ask -- [--json] [--k N] [--url URL | --local] "问题"',
  '  --k N      passages to retrieve, 1–20 (default RETRIEVAL_K)',
  '  --url URL  ask the service running at URL (key from ZHIDA_API_KEY); without it, a service answering at',
  '             HOST:PORT is asked, else the index is loaded here',
  '  --local    load the index here even when a service is running (e.g. just after npm run ingest)',
].join('\n');

export interface AskArgs {
  question: string;
  json: boolean;
  k?: number;
  url?: string;
  local?: boolean;
}

/** Reads `[--json] [--k N] [--url URL | --local] question…`; returns the problem as a string when the arguments are unusable. */
export function parseAskArgs(argv: string[]): AskArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, k: { type: 'string' }, url: { type: 'string' }, local: { type: 'boolean' } },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const question = parsed.positionals.join(' ').trim();
  if (question === '') return { error: 'No question given' };
  const { json = false, k: rawK, url, local } = parsed.values;
  if (url !== undefined && !URL.canParse(url)) return { error: `--url must be a URL such as http://127.0.0.1:3000, got "${url}"` };
  if (url !== undefined && local) return { error: '--url and --local exclude each other' };
  const base = { question, json, ...(url !== undefined ? { url } : {}), ...(local ? { local } : {}) };
  if (rawK === undefined) return base;
  const k = Number(rawK);
  if (!/^\d+$/.test(rawK) || k < 1 || k > 20) return { error: `--k must be a whole number from 1 to 20, got "${rawK}"` };
  return { ...base, k };
}
