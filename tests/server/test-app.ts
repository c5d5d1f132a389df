import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import type { QaService } from '../../src/types.ts';
import { FakeQaService } from './fake-qa-service.ts';

/** The default configuration (body limit included), except RETRIEVAL_K = 2 so the default is visible in tests. */
export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  return parseConfig({ RETRIEVAL_K: '2', ...env });
}

/** A silent app over `qa` (a fresh FakeQaService by default; `null` = engine not loaded yet), `env` on top of testConfig's. */
export async function testApp(qa: QaService | null = new FakeQaService(), env: NodeJS.ProcessEnv = {}): Promise<FastifyInstance> {
  return buildApp({ config: testConfig(env), qa: () => qa ?? undefined, logger: false });
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a text/event-stream body: blocks separated by a blank line, `event:` and `data:` fields. */
export function parseSse(payload: string): SseEvent[] {
  return payload
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice('event: '.length);
        else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
        else throw new Error(`unexpected SSE line: ${JSON.stringify(line)}`);
      }
      return { event, data: JSON.parse(data.join('\n')) as unknown };
    });
}

/** Inside a describe block: a fresh fake service and app before its tests, closed after them. */
export function fakeAppPerSuite(): { current(): { fake: FakeQaService; app: FastifyInstance } } {
  let fake: FakeQaService;
  let app: FastifyInstance;
  before(async () => {
    fake = new FakeQaService();
    app = await testApp(fake);
  });
  after(() => app.close());
  return { current: () => ({ fake, app }) };
}
