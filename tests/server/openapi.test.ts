import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ERRORS } from '../../src/errors.ts';
import { testApp } from './test-app.ts';

type Json = any;

/** The routes this service documents, with the error statuses each must list. */
const ROUTES: [string, string, number[]][] = [
  ['get', '/healthz', []],
  ['get', '/readyz', [503]],
  ['get', '/metrics', []],
  ['post', '/v1/ask', [400, 401, 413, 415, 429, 500, 503]],
  ['post', '/v1/search', [400, 401, 413, 415, 429, 500, 503]],
  ['post', '/v1/chat/completions', [400, 401, 413, 415, 429, 500, 503]],
  ['get', '/v1/models', [401, 429]],
  ['get', '/v1/documents', [401, 403, 429, 503]],
  ['post', '/v1/documents', [400, 401, 403, 409, 413, 415, 429, 503]],
  ['delete', '/v1/documents/{source}', [401, 403, 404, 429, 503]],
];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(doc: Json): [string, string, Json][] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): [string, string, Json] => [method, path, operation]),
  );
}

/** Schemas of an operation: its request body and every response content. */
function schemasOf(operation: Json): [string, Json][] {
  const out: [string, Json][] = [];
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) out.push([`requestBody ${type}`, (media as Json).schema]);
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    for (const [type, media] of Object.entries((response as Json).content ?? {})) out.push([`${status} ${type}`, (media as Json).schema]);
  }
  return out;
}

/** Paths (JSON pointers) of properties without a description, anywhere in `schema`. */
function undescribedFields(schema: Json, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const missing: string[] = [];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    if (typeof property.description !== 'string' || property.description === '') missing.push(`${at}/${name}`);
    missing.push(...undescribedFields(property, `${at}/${name}`));
  }
  if (schema.items) missing.push(...undescribedFields(schema.items, `${at}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const [i, sub] of ((schema[key] ?? []) as Json[]).entries()) missing.push(...undescribedFields(sub, `${at}/${key}/${i}`));
  return missing;
}

function refsIn(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

function resolvePointer(doc: Json, ref: string): Json {
  assert.ok(ref.startsWith('#/'), `only local references: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, part) => (node === undefined ? undefined : node[part]), doc);
}

describe('GET /openapi.json', () => {
  let app: FastifyInstance;
  let doc: Json;
  before(async () => {
    app = await testApp(undefined, { API_KEYS: 'sk-docs' });
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });
  after(() => app.close());

  it('is an OpenAPI 3 document with info, tags and the bearer scheme', () => {
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(doc.info.title, 'zhida');
    assert.equal(typeof doc.info.version, 'string');
    assert.deepEqual(
      doc.tags.map((tag: Json) => tag.name),
      ['Questions', 'OpenAI compatible', 'Documents', 'Operations'],
    );
    assert.deepEqual(doc.components.securitySchemes.bearerAuth.type, 'http');
    assert.deepEqual(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
  });

  it('documents every route, and only routes that exist', () => {
    for (const [method, path] of ROUTES) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    for (const [method, path] of operations(doc)) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      assert.ok(app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path} is a route`);
    }
    for (const hidden of ['/openapi.json', '/docs', '/docs/json']) assert.equal(doc.paths[hidden], undefined, hidden);
  });

  it('gives every operation responses with descriptions and content, and a success response', () => {
    for (const [method, path, operation] of operations(doc)) {
      const statuses = Object.keys(operation.responses ?? {});
      assert.ok(statuses.some((status) => status.startsWith('2')), `${method} ${path} has a 2xx response`);
      for (const status of statuses) {
        const response = operation.responses[status];
        assert.equal(typeof response.description, 'string', `${method} ${path} ${status}`);
        assert.ok(Object.keys(response.content ?? {}).length > 0, `${method} ${path} ${status} has content`);
      }
    }
  });

  it('describes each of its routes, every field, and every error it can answer', () => {
    for (const [method, path, errorStatuses] of ROUTES) {
      const operation = doc.paths[path][method];
      const name = `${method.toUpperCase()} ${path}`;
      assert.ok(operation.summary, `${name} summary`);
      assert.ok(operation.description, `${name} description`);
      assert.ok(operation.tags?.length > 0, `${name} tags`);
      for (const status of errorStatuses) assert.ok(operation.responses[status], `${name} documents ${status}`);
      for (const [where, schema] of schemasOf(operation)) assert.deepEqual(undescribedFields(schema, where), [], `${name}: fields without a description`);
    }
  });

  it('lists, for each error response, the codes of src/errors.ts with that status', () => {
    for (const [method, path, operation] of operations(doc)) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        const schema = response.content['application/json'].schema;
        assert.deepEqual(schema.required, ['error']);
        const codes: string[] = schema.properties.error.properties.code.enum;
        assert.ok(codes.length > 0, `${method} ${path} ${status}`);
        for (const code of codes) assert.equal(ERRORS[code as keyof typeof ERRORS]?.status, Number(status), `${method} ${path} ${status} ${code}`);
      }
    }
    const ask = doc.paths['/v1/ask'].post.responses;
    assert.deepEqual(ask['400'].content['application/json'].schema.properties.error.properties.code.enum, ['INVALID_REQUEST', 'INVALID_JSON', 'INVALID_ENCODING', 'BAD_HTTP', 'EMPTY_QUESTION', 'QUESTION_TOO_LONG']);
    assert.deepEqual(ask['401'].content['application/json'].schema.properties.error.properties.code.enum, ['UNAUTHORIZED']);
    assert.deepEqual(ask['429'].content['application/json'].schema.properties.error.properties.code.enum, ['RATE_LIMITED']);
    assert.equal(ask['429'].headers['retry-after'].schema.type, 'integer');
  });

  it('marks the /v1 routes as needing the bearer key when keys are configured', () => {
    for (const [method, path, operation] of operations(doc)) {
      assert.deepEqual(operation.security, path.startsWith('/v1/') ? [{ bearerAuth: [] }] : undefined, `${method} ${path}`);
    }
  });

  it('has only references that resolve', () => {
    for (const ref of refsIn(doc)) assert.notEqual(resolvePointer(doc, ref), undefined, ref);
  });

  it('documents the streamed form of the answers', () => {
    for (const path of ['/v1/ask', '/v1/chat/completions']) {
      assert.deepEqual(Object.keys(doc.paths[path].post.responses['200'].content), ['application/json', 'text/event-stream'], path);
    }
  });
});

describe('OpenAPI without API keys', () => {
  it('lists no security requirement, while still documenting 401', async () => {
    const app = await testApp();
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.equal(doc.paths['/v1/ask'].post.security, undefined);
    assert.ok(doc.paths['/v1/ask'].post.responses['401']);
    await app.close();
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI and its files from the package', async () => {
    const app = await testApp();
    const page = await app.inject({ method: 'GET', url: '/docs' });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(page.payload, /<div id="swagger-ui"><\/div>/);
    for (const file of ['/docs/static/swagger-ui-bundle.js', '/docs/static/swagger-ui.css', '/docs/static/swagger-initializer.js']) {
      const res = await app.inject({ method: 'GET', url: file });
      assert.equal(res.statusCode, 200, file);
    }
    const spec = await app.inject({ method: 'GET', url: '/docs/json' });
    assert.deepEqual(spec.json(), (await app.inject({ method: 'GET', url: '/openapi.json' })).json());
    await app.close();
  });
});
