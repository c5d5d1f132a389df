import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RetrievalQaService, deadline, keepQuestion, type OriginalsReader } from '../../src/qa/retrieval-qa-service.ts';
import type { Answerer, Retriever } from '../../src/types.ts';

const unusedRetriever: Retriever = {
  search: async () => assert.fail('context must not search'),
};
const unusedAnswerer: Answerer = {
  mode: 'extractive',
  answer: async () => assert.fail('context must not answer'),
  stream: () => assert.fail('context must not answer'),
};

const DOCUMENT = '一、背景链接\n东数西算工程落地落实,加快打造算力保障基地。\n二、深度解读';
const SPAN = '东数西算工程落地落实';
const START = DOCUMENT.indexOf(SPAN);
const END = START + SPAN.length;

function originals(documents: Record<string, string>): OriginalsReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: async (source) => {
      reads.push(source);
      return Object.hasOwn(documents, source) ? documents[source] : undefined;
    },
  };
}

function service(reader?: OriginalsReader): RetrievalQaService {
  return new RetrievalQaService(unusedRetriever, unusedAnswerer, 5, keepQuestion, reader);
}

describe('RetrievalQaService.context', () => {
  it('returns the span and up to `window` characters either side, read from the original', async () => {
    const reader = originals({ 'plan.txt': DOCUMENT });
    assert.deepEqual(await service(reader).context('plan.txt', START, END, 4), {
      source: 'plan.txt',
      before: '景链接\n',
      text: SPAN,
      after: ',加快打',
    });
    assert.deepEqual(reader.reads, ['plan.txt']);
  });

  it('stops the context at the ends of the document', async () => {
    assert.deepEqual(await service(originals({ 'plan.txt': DOCUMENT })).context('plan.txt', 0, 2, 400), {
      source: 'plan.txt',
      before: '',
      text: '一、',
      after: DOCUMENT.slice(2),
    });
    assert.deepEqual(await service(originals({ 'plan.txt': DOCUMENT })).context('plan.txt', DOCUMENT.length, DOCUMENT.length, 3), {
      source: 'plan.txt',
      before: '二、深度解读'.slice(-3),
      text: '',
      after: '',
    });
  });

  it('never cuts a surrogate pair at the edges of the context', async () => {
    const text = '𠀀𠀁中文𠀂𠀃'; // each 𠀀 is two UTF-16 units
    const start = text.indexOf('中');
    // A window of 3 units would end inside 𠀀 before and inside 𠀃 after: those halves are left out.
    assert.deepEqual(await service(originals({ 'ext-b.txt': text })).context('ext-b.txt', start, start + 2, 3), {
      source: 'ext-b.txt',
      before: '𠀁',
      text: '中文',
      after: '𠀂',
    });
  });

  it('is null for an unknown source or offsets outside the document', async () => {
    const qa = service(originals({ 'plan.txt': DOCUMENT }));
    assert.equal(await qa.context('other.txt', 0, 1, 10), null);
    assert.equal(await qa.context('plan.txt', 0, DOCUMENT.length + 1, 10), null);
    assert.equal(await qa.context('plan.txt', 5, 4, 10), null);
    assert.equal(await qa.context('plan.txt', -1, 4, 10), null);
  });

  it('is null when the service was built without originals', async () => {
    assert.equal(await service().context('plan.txt', 0, 1, 10), null);
  });
});

describe('deadline', () => {
  it('aborts with a TimeoutError after its time even when only a composite signal is held and garbage is collected', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const client = new AbortController();
    const composite = AbortSignal.any([client.signal, deadline(100)]);
    const aborted = new Promise<unknown>((resolve) => composite.addEventListener('abort', () => resolve(composite.reason), { once: true }));
    for (let i = 0; i < 5; i++) {
      collect();
      await sleep(10);
    }
    const reason = await Promise.race([aborted, sleep(2000).then(() => 'still waiting')]);
    assert.ok(reason instanceof DOMException && reason.name === 'TimeoutError', `reason: ${String(reason)}`);
  });
});
