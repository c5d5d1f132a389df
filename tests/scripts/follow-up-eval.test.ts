import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Conversation } from '../../scripts/lib/conversations.ts';
import { evaluateConversation, holdsEvidence, summarise } from '../../scripts/lib/follow-up-eval.ts';
import type { ChatTurn } from '../../src/types.ts';

const PASSAGES: Record<string, string> = {
  national: '国家规划了 8 个国家算力枢纽节点和 10 个国家数据中心集群。',
  guizhou: '贵州枢纽规划设立贵安数据中心集群。',
  energy: '推动数据中心充分利用风能、太阳能等可再生能源。',
};

/** Finds a passage when the query holds one of its marker words. */
async function search(query: string) {
  const words: Record<string, string> = { 贵州: 'guizhou', 国家: 'national', 可再生: 'energy' };
  const keys = Object.entries(words).filter(([word]) => query.includes(word)).map(([, key]) => key);
  return keys.map((key) => ({ id: key, text: PASSAGES[key]! }));
}

const CONVERSATION: Conversation = {
  id: 't1',
  source: 'seed.txt',
  turns: [
    { question: '国家规划了多少个国家数据中心集群？', standalone: '国家规划了多少个国家数据中心集群？', key_terms: ['集群'], evidence: ['10 个国家数据中心集群'], topic_change: false },
    { question: '那贵州呢？', standalone: '贵州规划了哪些数据中心集群？', key_terms: ['贵州', '集群'], evidence: ['贵安数据中心集群'], topic_change: false },
    { question: '数据中心要用哪些可再生能源？', standalone: '数据中心要用哪些可再生能源？', key_terms: ['可再生能源'], evidence: ['风能、太阳能'], topic_change: true },
  ],
};

describe('holdsEvidence', () => {
  it('matches evidence whatever the spaces and full-width forms', () => {
    assert.equal(holdsEvidence([{ text: '到 2025 年，力争规模突破 200 亿元' }], ['到2025年,力争规模突破200亿元']), true);
    assert.equal(holdsEvidence([{ text: '到2030年' }], ['到2025年']), false);
  });
});

describe('evaluateConversation', () => {
  it('rewrites each later turn with the questions and answers before it, and checks what its rewrite retrieves', async () => {
    const seen: ChatTurn[][] = [];
    const rewrite = async (question: string, history: readonly ChatTurn[]) => {
      seen.push([...history]);
      return question === '那贵州呢？' ? '贵州规划了多少个数据中心集群？' : question;
    };
    const results = await evaluateConversation(CONVERSATION, { rewrite, search, answer: async (q) => `答：${q}` });
    assert.equal(results.length, 2);
    assert.deepEqual(seen[0], [
      { role: 'user', content: '国家规划了多少个国家数据中心集群？' },
      { role: 'assistant', content: '答：国家规划了多少个国家数据中心集群？' },
    ]);
    assert.equal(seen[1]?.length, 4);
    assert.deepEqual(
      results.map((r) => [r.rewrittenHit, r.unrewrittenHit, r.standaloneHit, r.keyTermsFound]),
      [
        [true, true, true, 2],
        [true, true, true, 1],
      ],
    );
    const summary = summarise(1, results);
    assert.deepEqual(summary, {
      conversations: 1,
      followUps: 1,
      retrievable: 1,
      retained: 1,
      retainedUnrewritten: 1,
      sameTop: 1,
      sameTopUnrewritten: 1,
      topicChanges: 1,
      topicChangesRewritten: 0,
      keyTermCoverage: 1,
    });
  });

  it('counts a follow-up that loses its passage, and a topic change that is rewritten', async () => {
    const rewrite = async (question: string) => (question === '那贵州呢？' ? '那呢？' : `贵州${question}`);
    const summary = summarise(1, await evaluateConversation(CONVERSATION, { rewrite, search, answer: async () => '' }));
    assert.equal(summary.retained, 0);
    assert.equal(summary.sameTop, 0);
    assert.equal(summary.topicChangesRewritten, 1);
    assert.equal(summary.keyTermCoverage, 0);
  });
});
