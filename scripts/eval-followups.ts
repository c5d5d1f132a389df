/**
 * Follow-up rewriting measured on the conversation sets in eval/sets/ (conversations-*.dev.jsonl and
 * conversations-*.heldout.jsonl): the share of follow-ups whose rewrite retrieves the passage their expected
 * standalone question retrieves, and topic changes left alone. Rewriters: the offline rule, and the LLM rewriter
 * against the fake OpenAI-compatible server (a model that returns the question unchanged, and one that fails).
 * Usage: npm run eval:followups [-- --show] [-- --set <file>]; --show lists the dev sets' misses only.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseConfig, type Config } from '../src/config.ts';
import { loadEngine } from '../src/engine.ts';
import { createConfiguredChatModel } from '../src/qa/chat-model.ts';
import { llmRewriter } from '../src/qa/llm-rewriter.ts';
import type { QuestionRewriter } from '../src/qa/retrieval-qa-service.ts';
import { ruleRewriter } from '../src/qa/rule-rewriter.ts';
import { startFakeOpenAiServer, type RecordedRequest } from '../tests/support/fake-openai-server.ts';
import { conversationFiles, loadConversations, type Conversation } from './lib/conversations.ts';
import { evaluateConversation, summarise, type TurnResult } from './lib/follow-up-eval.ts';
import { fmt } from './lib/metrics.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';

const SETS_DIR = resolve(PROJECT_ROOT, 'eval', 'sets');
const show = process.argv.includes('--show');

function chosenSets(): { name: string; split: 'dev' | 'heldout'; file: string }[] {
  const given = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--set' ? [resolve(arg)] : []));
  const files = given.length > 0 ? given : [...conversationFiles(SETS_DIR, 'dev'), ...conversationFiles(SETS_DIR, 'heldout')];
  return files.map((file) => ({ name: basename(file, '.jsonl'), split: file.endsWith('.heldout.jsonl') ? 'heldout' : 'dev', file }));
}

/** seeds/ plus every document the conversations are about (in documents/ beside the set's folder), in a fresh folder to index. */
async function corpusFor(sets: readonly { file: string; conversations: Conversation[] }[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhida-followups-'));
  for (const name of await readdir(SEED_DIR)) await copyFile(join(SEED_DIR, name), join(dir, name));
  for (const set of sets) {
    for (const source of new Set(set.conversations.map((c) => c.source))) {
      if (existsSync(join(dir, source))) continue;
      const document = resolve(dirname(set.file), '..', 'documents', source);
      if (!existsSync(document)) throw new Error(`${source}: neither in seeds/ nor at ${document}`);
      await copyFile(document, join(dir, source));
    }
  }
  return dir;
}

/** The fake model's reply: the last question of the rewrite prompt, unchanged (a model that does not rewrite). */
function lastQuestion(request: RecordedRequest): string {
  const prompt = String(request.body?.messages?.at(-1)?.content ?? '');
  return /Last question: (.*)$/m.exec(prompt)?.[1] ?? '';
}

const sets = chosenSets();
if (sets.length === 0) {
  console.error(`No conversation sets: put conversations-<name>.dev.jsonl / .heldout.jsonl in ${SETS_DIR} (format in eval/sets/README*.md), or pass --set <file>.`);
  process.exit(1);
}
let loaded: ((typeof sets)[number] & { conversations: Conversation[] })[];
let corpus: string;
try {
  loaded = sets.map((set) => ({ ...set, conversations: loadConversations(set.file) }));
  corpus = await corpusFor(loaded);
} catch (error) {
  // A malformed set or a missing document is the data's problem: say which, without a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
const indexDir = await mkdtemp(join(tmpdir(), 'zhida-followups-index-'));
await mkdir(indexDir, { recursive: true });
const config: Config = parseConfig({ ...process.env, SEEDS_DIR: corpus, INDEX_DIR: indexDir, LOG_LEVEL: 'silent', LLM_MODEL: '', OPENAI_BASE_URL: '' });
const quiet = { info: () => undefined, warn: () => undefined };
const { qa } = await loadEngine(config, quiet, ruleRewriter);
const fake = await startFakeOpenAiServer();
const llmConfig = parseConfig({ LLM_MODEL: 'fake-chat-model', OPENAI_BASE_URL: fake.baseURL, LLM_TIMEOUT_MS: '5000' });
const fakeModel = await createConfiguredChatModel(llmConfig);

const modes: { name: string; rewriter: QuestionRewriter; before?: () => void }[] = [
  { name: 'offline (rule)', rewriter: ruleRewriter },
  { name: 'fake LLM, returns the question unchanged', rewriter: llmRewriter(fakeModel), before: () => fake.script({ chat: lastQuestion }) },
  { name: 'fake LLM, fails (HTTP 500)', rewriter: llmRewriter(fakeModel), before: () => fake.script({ chat: () => ({ fail: 'status' }) }) },
];

// Answers (the history's assistant turns) and searches are the same in every mode.
const answers = new Map<string, Promise<string>>();
const answer = (standalone: string) => {
  if (!answers.has(standalone)) answers.set(standalone, qa.ask(standalone, {}).then((r) => r.answer));
  return answers.get(standalone)!;
};
const search = (query: string) => qa.search(query, config.RETRIEVAL_K);

console.log(`k = ${config.RETRIEVAL_K}. retained: of the follow-ups whose expected standalone question finds an evidence passage in its top ${config.RETRIEVAL_K}, the share whose rewrite does too (the floor, ≥ 0.85); same top: the rewrite's first passage is the standalone question's first; "as asked": the follow-up searched without rewriting.\n`);
console.log('| set | rewriter | conversations | follow-ups | retrievable | retained (floor ≥ 0.85) | retained as asked | same top | same top as asked | topic changes rewritten | key terms |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const misses: TurnResult[] = [];
const row = (name: string, mode: string, conversations: number, results: TurnResult[]) => {
  const s = summarise(conversations, results);
  console.log(`| ${name} | ${mode} | ${s.conversations} | ${s.followUps} | ${s.retrievable} | ${fmt(s.retained)} | ${fmt(s.retainedUnrewritten)} | ${fmt(s.sameTop)} | ${fmt(s.sameTopUnrewritten)} | ${s.topicChangesRewritten}/${s.topicChanges} | ${fmt(s.keyTermCoverage)} |`);
};
try {
  for (const mode of modes) {
    mode.before?.();
    const bySplit = { dev: { conversations: 0, results: [] as TurnResult[] }, heldout: { conversations: 0, results: [] as TurnResult[] } };
    for (const set of loaded) {
      const results: TurnResult[] = [];
      for (const conversation of set.conversations) results.push(...(await evaluateConversation(conversation, { rewrite: mode.rewriter, search, answer })));
      row(set.name, mode.name, set.conversations.length, results);
      bySplit[set.split].conversations += set.conversations.length;
      bySplit[set.split].results.push(...results);
      // Held-out sets report figures only, so that nobody tunes on them.
      if (set.split === 'dev' && mode === modes[0]) misses.push(...results.filter((r) => (r.topicChange ? r.rewritten !== r.question : r.keyTermsFound < r.keyTerms || (r.standaloneHit && !r.rewrittenHit))));
    }
    for (const [split, { conversations, results }] of Object.entries(bySplit)) if (conversations > 0) row(`**all ${split}**`, mode.name, conversations, results);
  }
  if (show) {
    console.log('\nDev turns missing their passage or a key term (offline):');
    for (const r of misses) {
      const lost = r.standaloneHit && !r.rewrittenHit ? ' [passage lost]' : '';
      console.log(`- ${r.conversation}#${r.turn}${r.topicChange ? ' (topic change)' : ''}${lost}: ${r.question} → ${r.rewritten} (expected ${r.expected}; key terms ${r.keyTermsFound}/${r.keyTerms})`);
    }
  }
} finally {
  await fake.close();
  await rm(corpus, { recursive: true, force: true });
  await rm(indexDir, { recursive: true, force: true });
}
