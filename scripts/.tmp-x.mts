import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/config.ts';
import { FakeQaService } from '../tests/server/fake-qa-service.ts';
const app = await buildApp({ config: parseConfig({ API_KEYS: 'k1', CORS_ORIGINS: 'https://app.example' }), qa: () => new FakeQaService(), logger: false });
for (const url of ['/%761/ask', '/v1/%61sk', '/v1//ask', '/v1/ask/', '/V1/ask']) { const r = await app.inject({ method: 'POST', url, payload: { question: '数字经济' } }); console.log(url, r.statusCode, r.body.slice(0, 80)); }
let r = await app.inject({ method: 'OPTIONS', url: '/v1/ask', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
console.log(r.statusCode, r.headers);
r = await app.inject({ method: 'GET', url: '/v1/models', headers: { origin: 'https://evil.example', authorization: 'Bearer k1' } });
console.log(r.statusCode, r.headers['access-control-allow-origin'], r.headers.vary);
r = await app.inject({ method: 'GET', url: '/v1/nothing' }); console.log(r.statusCode, r.body);
r = await app.inject({ method: 'GET', url: '/metrics' }); console.log(r.body.split('\n').filter(l => l.startsWith('http_requests_total')).join('\n'));
await app.close();
const app2 = await buildApp({ config: parseConfig({}), qa: () => new FakeQaService(), logger: false });
r = await app2.inject({ method: 'OPTIONS', url: '/v1/ask', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
console.log(r.statusCode, r.headers['access-control-allow-origin'], r.body);
await app2.close();
