/** The CLI asking a running service over HTTP instead of loading the index itself (about 2 s saved). */
import { AppError, ERRORS, type ErrorCode } from '../errors.ts';
import type { AskResponse } from '../types.ts';

/** How long a probe of the default address may take before the CLI loads the index itself. */
const PROBE_MS = 300;
/** The longest wait for an answer from the service. */
const ASK_TIMEOUT_MS = 60_000;

/** True when a service answers `/readyz` at `url` within the probe time. */
export async function serviceReady(url: string, timeoutMs = PROBE_MS): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Asks the service at `url`; its `{ error: { code, message } }` replies become AppErrors with their code. */
export async function askService(url: string, question: string, options: { k?: number; apiKey?: string }): Promise<AskResponse> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/ask', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify({ question, ...(options.k ? { k: options.k } : {}) }),
      signal: AbortSignal.timeout(ASK_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`no service answers at ${url} (${(error as Error).message}): start it with "npm start", or leave out --url`);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | AskResponse | undefined;
  if (response.ok && body && !('error' in body)) return body as AskResponse;
  const failure = body && 'error' in body ? body.error : undefined;
  const code: ErrorCode = failure?.code && failure.code in ERRORS ? (failure.code as ErrorCode) : 'INTERNAL';
  throw new AppError(code, failure?.message ?? `HTTP ${response.status}`);
}
