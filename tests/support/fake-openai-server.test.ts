import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAIEmbeddings } from '@langchain/openai';
import OpenAI from 'openai';
import { type FakeOpenAiServer, FAKE_MODEL, hashEmbedding, startFakeOpenAiServer } from './fake-openai-server.ts';

let server: FakeOpenAiServer;
before(async () => {
  server = await startFakeOpenAiServer();
});
after(() => server.close());

describe('fake OpenAI server', () => {
  it('lists its model', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: server.baseURL, maxRetries: 0 });
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    assert.deepEqual(models, [FAKE_MODEL]);
  });

  // Left unset, the OpenAI client asks for base64 and decodes it itself.
  for (const [encodingFormat, requested] of [['float', 'float'], [undefined, 'base64']] as const) {
    it(`returns embeddings the client decodes (encoding_format ${requested})`, async () => {
      const before = server.requests.length;
      const embeddings = new OpenAIEmbeddings({
        model: 'fake-embedding-model',
        apiKey: 'unused',
        dimensions: 8,
        maxRetries: 0,
        configuration: { baseURL: server.baseURL },
        ...(encodingFormat ? { encodingFormat } : {}),
      });
      const vectors = await embeddings.embedDocuments(['东数西算', '算力保障基地']);
      const sent = server.requestsTo('/v1/embeddings').filter((r) => server.requests.indexOf(r) >= before);
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]?.body.input, ['东数西算', '算力保障基地']);
      assert.equal(sent[0]?.body.encoding_format, requested);
      const expected = [hashEmbedding('东数西算', 8), hashEmbedding('算力保障基地', 8)];
      // base64 carries float32, so compare at float32 precision.
      for (const [i, vector] of vectors.entries()) {
        assert.deepEqual(Array.from(new Float32Array(vector)), Array.from(new Float32Array(expected[i]!)));
      }
    });
  }
});
