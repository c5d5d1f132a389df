import { chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/config.ts';
import { FakeQaService } from '../tests/server/fake-qa-service.ts';
const app = await buildApp({ config: parseConfig({}), qa: () => new FakeQaService(), logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as any).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const problems: string[] = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push('pageerror ' + e.message));
page.on('requestfailed', (r) => problems.push('failed ' + r.url()));
for (const path of ['/docs', '/docs/', '/']) {
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.waitForTimeout(1500);
  const ops = await page.locator('.opblock').count();
  console.log(path, 'opblocks', ops, 'title', await page.title());
}
console.log(problems);
await browser.close(); await app.close();
