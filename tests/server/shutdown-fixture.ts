/** A server process for graceful-shutdown.test.ts: a fake engine whose answers take 400 ms. */
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../../src/server/app.ts';
import { closeOnSignals } from '../../src/server/graceful-shutdown.ts';
import type { AskOptions } from '../../src/types.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testConfig } from './test-app.ts';

class SlowQaService extends FakeQaService {
  override async ask(question: string, options: AskOptions) {
    await sleep(400);
    return super.ask(question, options);
  }
}

const qa = new SlowQaService();
const app = await buildApp({ config: testConfig(), qa: () => qa, logger: false });
closeOnSignals(app, 5000);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : ''}\n`);
