import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const number = (min: number, max: number) => z.coerce.number().min(min).max(max);

/** Every key is documented in .env.example; keep the two in step. */
export const configSchema = z.object({
  SEEDS_DIR: z.string().min(1).default('./seeds'),
  INDEX_DIR: z.string().min(1).default('./.index'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  CHUNK_SIZE: int(50, 5000).default(500),
  CHUNK_OVERLAP_SENTENCES: int(0, 5).default(1),
  INDEX_SEGMENT_CHUNKS: int(64, 10_000_000).default(8_192),
  /** Chunks per vector graph: fewer, larger graphs answer faster; ingest holds one (about 1.2 KB a chunk at 256 dimensions). */
  VECTOR_SEGMENT_CHUNKS: int(64, 10_000_000).default(65_536),
  /** Threads that tokenise beside the main one during ingest; the default leaves one core to indexing. */
  INGEST_WORKERS: int(0, 64).default(Math.max(1, availableParallelism() - 1)),

  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_DIM: int(32, 4096).default(256),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),

  RETRIEVAL_K: int(1, 50).default(5),
  RETRIEVAL_CANDIDATES: int(5, 500).default(50),
  RRF_K: number(1, 1000).default(10),
  BM25_WEIGHT: number(0, 10).default(1),
  VECTOR_WEIGHT: number(0, 10).default(0.1),
  SEARCH_CACHE_SIZE: int(0, 1_000_000).default(1000),
  /** Offline answers below this confidence are refused; unset, the threshold trained with the model. */
  ANSWER_MIN_CONFIDENCE: number(0, 1).optional(),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  /** Any chat model provider LangChain's initChatModel supports; providers other than openai need their package installed. */
  LLM_PROVIDER: z.string().min(1).default('openai'),
  LLM_TIMEOUT_MS: int(100, 600_000).default(30_000),
  LLM_TEMPERATURE: number(0, 2).default(0),
  LLM_REWRITE_QUESTIONS: boolean.default(true),

  API_KEYS: list.default([]),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(120),
  RATE_LIMIT_WINDOW_MS: int(100, 86_400_000).default(60_000),
  CORS_ORIGINS: list.default([]),
  // Enough for 20 history turns of 4,000 CJK characters (3 bytes each in UTF-8) plus the question.
  BODY_LIMIT_BYTES: int(1024, 10_485_760).default(524_288),
  // Behind a reverse proxy, take the client address from X-Forwarded-For (per-address rate limits need it).
  TRUST_PROXY: boolean.default(false),
  // A client must send its whole request (headers and body) within REQUEST_TIMEOUT_MS and its headers within
  // HEADERS_TIMEOUT_MS, or gets 408: stalled uploads cannot hold connections (and file descriptors) for long.
  REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  HEADERS_TIMEOUT_MS: int(1000, 600_000).default(10_000),
  KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).default(5_000),
  // How often the published index pointer is polled, beside file-system events, to swap in a new version.
  INDEX_WATCH_INTERVAL_MS: int(100, 60_000).default(1_000),

  /** Keys that may add and delete documents (/v1/documents); they may also ask. */
  ADMIN_API_KEYS: list.default([]),
  /** Largest document one upload may carry. */
  UPLOAD_MAX_BYTES: int(1024, 1_073_741_824).default(52_428_800),
});

export type Config = Readonly<z.infer<typeof configSchema>> & {
  /** True when an LLM is configured: a model name and, for OpenAI-compatible servers, either a key or a base URL. */
  readonly llmEnabled: boolean;
};

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Empty strings count as unset, as they do in most .env files. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') out[key] = value;
  return out;
}

/** Validates once, freezes, and reports one line per bad value. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return `${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const data = parsed.data;
  if (data.HEADERS_TIMEOUT_MS > data.REQUEST_TIMEOUT_MS) {
    throw new ConfigError([`HEADERS_TIMEOUT_MS=${data.HEADERS_TIMEOUT_MS}: must not exceed REQUEST_TIMEOUT_MS (${data.REQUEST_TIMEOUT_MS})`]);
  }
  // Other providers read their own keys (ANTHROPIC_API_KEY …) from the environment.
  const llmEnabled = Boolean(data.LLM_MODEL && (data.LLM_PROVIDER !== 'openai' || data.OPENAI_API_KEY || data.OPENAI_BASE_URL));
  if (data.EMBEDDINGS === 'openai' && !data.OPENAI_API_KEY && !data.OPENAI_BASE_URL) {
    throw new ConfigError(['EMBEDDINGS="openai": set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server)']);
  }
  return Object.freeze({ ...data, llmEnabled });
}

/** Reads `.env` from the working directory when present; real environment variables win. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = resolve('.env')): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(env);
}
