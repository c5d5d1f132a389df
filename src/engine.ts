import { existsSync } from 'node:fs';
import type { Config } from './config.ts';
import { extractiveAnswererFor } from './answer/extractive-wiring.ts';
import { LlmAnswerer } from './answer/llm.ts';
import { llmTranslator } from './qa/llm-translator.ts';
import { TranslatingRetriever } from './retrieval/translating-retriever.ts';
import { readManifest, type Manifest } from './index/manifest.ts';
import { pageLocator } from './index/page-locator.ts';
import { currentVersionDir } from './index/versions.ts';
import { buildIndex } from './ingest/build-index.ts';
import { describeReport } from './ingest/describe-report.ts';
import { ingestOptionsFromConfig } from './ingest/from-config.ts';
import { seedsChange, settingsChange } from './ingest/seeds-changed.ts';
import { createConfiguredChatModel } from './qa/chat-model.ts';
import { exampleQuestions, type ExampleQuestion } from './qa/example-questions.ts';
import { llmRewriter } from './qa/llm-rewriter.ts';
import { RetrievalQaService, type QuestionRewriter } from './qa/retrieval-qa-service.ts';
import { ruleRewriter } from './qa/rule-rewriter.ts';
import { SamplingAnswerer } from './qa/sampling-answerer.ts';
import { openRetriever } from './retrieval/open-retriever.ts';
import { JiebaTokenizer } from './text/jieba.ts';
import { defaultLexicon } from './text/lexicon.ts';
import { lexiconTranslator, firstTranslation } from './qa/lexicon-translator.ts';
import type { Answerer, QaService, Sampling } from './types.ts';

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Why the index must be (re)built before serving, or null when it is current. */
export async function ingestReason(config: Config, log: EngineLog): Promise<string | null> {
  const current = await currentVersionDir(config.INDEX_DIR);
  if (!current) return `no index in ${config.INDEX_DIR}`;
  if (!existsSync(config.SEEDS_DIR)) {
    log.warn(`${config.SEEDS_DIR} does not exist: serving the index as it was built`);
    return null;
  }
  try {
    const manifest = await readManifest(current);
    const settings = settingsChange(manifest, config);
    if (settings) return settings;
    const change = await seedsChange(config.SEEDS_DIR, manifest);
    return change ? `${config.SEEDS_DIR} changed since the index was built (${change})` : null;
  } catch (error) {
    return `the index cannot be read (${(error as Error).message})`;
  }
}

export interface Engine {
  qa: QaService;
  /** Chunks and documents in the loaded index, for metrics and the web page. */
  stats: { chunks: number; documents: number; terms: number };
  /** Questions made from the documents' headings, for the chat page. */
  examples: ExampleQuestion[];
  /** The version folder the engine reads. */
  directory: string;
  /** The loaded index's manifest: its documents, their pages and the files it skipped. */
  manifest: Manifest;
  /** Releases the index's open files once no request uses the engine. */
  close(): void;
}

/** Follow-ups are made standalone by the LLM when one is configured and allowed to, else by rule. */
async function defaultRewriter(config: Config, log: EngineLog): Promise<QuestionRewriter> {
  if (!(config.llmEnabled && config.LLM_REWRITE_QUESTIONS)) return ruleRewriter;
  return llmRewriter(await createConfiguredChatModel(config), { onFallback: (error) => log.warn(`LLM question rewrite failed (${error instanceof Error ? error.message : String(error)}); rewrote by rule`) });
}

const EXAMPLE_SOURCE_CHUNKS = 2_000;

/** Ingests when the index is missing or stale, loads it, and wires retrieval to the configured answerer. */
export async function loadEngine(config: Config, log: EngineLog, rewrite?: QuestionRewriter): Promise<Engine> {
  const tokenizer = new JiebaTokenizer();
  const reason = await ingestReason(config, log);
  if (reason) {
    log.info(`Building the index: ${reason}`);
    const report = await buildIndex(ingestOptionsFromConfig(config, log, tokenizer));
    log.info(describeReport(report).replace(/\n/g, ' '));
  }
  return openEngine(config, log, { tokenizer, ...(rewrite ? { rewrite } : {}) });
}

export interface OpenEngineOptions {
  /** Shared across versions: the jieba dictionaries are loaded once per process. */
  tokenizer: JiebaTokenizer;
  /** A version folder; the published one when absent. */
  directory?: string;
  rewrite?: QuestionRewriter;
}

/** Loads one index version as it is (no ingest) and wires retrieval to the configured answerer. */
export async function openEngine(config: Config, log: EngineLog, options: OpenEngineOptions): Promise<Engine> {
  const { tokenizer, rewrite } = options;
  const { index, retriever } = await openRetriever(config, tokenizer, options.directory);
  const lexicon = defaultLexicon();
  const extractive = extractiveAnswererFor(index, tokenizer, {
    lexicon,
    cacheSize: config.SEARCH_CACHE_SIZE,
    maxListSpan: config.CHUNK_SIZE,
    ...(config.ANSWER_MIN_CONFIDENCE !== undefined ? { minConfidence: config.ANSWER_MIN_CONFIDENCE } : {}),
  });
  // The first question would pay for loading the jieba dictionaries and tagger (seconds): pay it before serving.
  const sample = index.chunks.at(0)?.text.slice(0, 40);
  if (sample) await extractive.answer(sample, await retriever.search(sample, config.RETRIEVAL_K), {});
  const llmAnswerer = async (sampling?: Sampling) =>
    new LlmAnswerer({
      llm: await createConfiguredChatModel(config, sampling),
      timeoutMs: config.LLM_TIMEOUT_MS,
      fallback: extractive,
      onFallback: (failure) => log.warn(`LLM unavailable (${failure.reason}); answered extractively`),
    });
  const answerer: Answerer = config.llmEnabled ? new SamplingAnswerer(await llmAnswerer(), llmAnswerer) : extractive;
  log.info(`Index loaded: ${index.manifest.counts.chunks} chunks from ${index.manifest.counts.files} files; answering in ${answerer.mode} mode`);
  // An English question over Chinese documents is searched in translation: by the model when there is one, else by the lexicon.
  const byLexicon = lexiconTranslator(lexicon, (term) => index.bm25.documentFrequency(term));
  const translator = config.llmEnabled
    ? firstTranslation(llmTranslator(await createConfiguredChatModel(config), { onError: (e) => log.warn(`Question not translated: ${(e as Error).message}`) }), byLexicon)
    : byLexicon;
  const searcher = new TranslatingRetriever(retriever, translator);
  return {
    qa: new RetrievalQaService(searcher, answerer, config.RETRIEVAL_K, rewrite ?? (await defaultRewriter(config, log)), index.originals, {
      llmBudgetMs: config.llmEnabled ? config.LLM_TIMEOUT_MS : undefined,
      pages: pageLocator(index.manifest.files),
    }),
    stats: { chunks: index.manifest.counts.chunks, documents: index.manifest.counts.files, terms: index.manifest.counts.terms },
    // Example questions come from the first chunks' headings: reading all of a large index's chunks would add seconds to start-up.
    examples: exampleQuestions(index.chunks.records(0, EXAMPLE_SOURCE_CHUNKS)),
    directory: index.directory,
    manifest: index.manifest,
    close: () => index.close(),
  };
}

/** The question-answering service alone, for callers that need nothing else. */
export async function startEngine(config: Config, log: EngineLog): Promise<QaService> {
  return (await loadEngine(config, log)).qa;
}
