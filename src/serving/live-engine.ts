import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.ts';
import { ingestReason, openEngine, type Engine, type EngineLog } from '../engine.ts';
import type { IngestProgress, IngestReport } from '../ingest/progress.ts';
import { currentVersionDir, ingestLockHolder, listVersions } from '../index/versions.ts';
import { JiebaTokenizer } from '../text/jieba.ts';
import { IndexHolder, type Lease } from './index-holder.ts';
import { childProcessIngest, IngestBusyError, type IngestRunner } from './ingest-runner.ts';
import { watchPublishedVersion, type VersionWatch } from './version-watch.ts';

export type RefreshState = 'idle' | 'checking' | 'ingesting' | 'waiting_for_other_ingest' | 'loading';

/** What /readyz reports about the served index. */
export interface IndexStatus {
  /** The served version folder's name; null until one is loaded. */
  version: string | null;
  refreshing: boolean;
  state: RefreshState;
  /** Why the refresh under way runs. */
  reason: string | null;
  progress: IngestProgress | null;
  /** The last load or refresh that failed (e.g. a damaged version); cleared by the next good one. */
  lastError: string | null;
  /** Replaced versions still finishing their requests. */
  draining: number;
}

export interface RefreshResult {
  /** The version served once the refresh is over. */
  version: string;
  /** Null when another process's ingest did the work. */
  report: IngestReport | null;
}

export interface RefreshOptions {
  /** A full rebuild instead of an incremental one. */
  full?: boolean;
  /** Called with the ingest's progress (not when another process's ingest does the work). */
  onProgress?: (progress: IngestProgress) => void;
}

export interface LiveEngineLog extends EngineLog {
  error(message: string): void;
}

export interface LiveEngineOptions {
  tokenizer?: JiebaTokenizer;
  ingest?: IngestRunner;
  /** How often the published pointer is polled where file-system events do not arrive. */
  pollMs?: number;
}

const LOCK_POLL_MS = 250;

/**
 * The served index, kept current while the service runs. A version published by any ingest (this
 * server's or `npm run ingest`) is loaded beside the one serving and swapped in atomically; the old one
 * is closed when its last request ends. A version that does not load is reported and not served.
 */
export class LiveEngine {
  private readonly holder = new IndexHolder<Engine>();
  private readonly tokenizer: JiebaTokenizer;
  private readonly ingest: IngestRunner;
  private readonly pollMs: number;
  private readonly stop = new AbortController();
  private watch: VersionWatch | undefined;
  private loads: Promise<unknown> = Promise.resolve();
  private running: Promise<RefreshResult> | null = null;
  private queued: Promise<RefreshResult> | null = null;
  private state: RefreshState = 'idle';
  private reason: string | null = null;
  private progress: IngestProgress | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly config: Config,
    private readonly log: LiveEngineLog,
    options: LiveEngineOptions = {},
  ) {
    this.tokenizer = options.tokenizer ?? new JiebaTokenizer();
    this.ingest = options.ingest ?? childProcessIngest(log);
    this.pollMs = options.pollMs ?? 1000;
  }

  current(): Engine | undefined {
    return this.holder.current();
  }

  /** The engine a request uses until it ends, whatever is swapped in meanwhile. */
  acquire(): Lease<Engine> | undefined {
    return this.holder.acquire();
  }

  status(): IndexStatus {
    const served = this.holder.current();
    return {
      version: served ? basename(served.directory) : null,
      refreshing: this.state !== 'idle',
      state: this.state,
      reason: this.reason,
      progress: this.progress,
      lastError: this.lastError,
      draining: this.holder.retiredInUse,
    };
  }

  /**
   * Serves what is published (or, when it is damaged, the newest older version that loads), then keeps
   * watching. Returns once something is served: at once when an index exists, refreshing it in the
   * background when the seeds or settings changed; after the first ingest (this one or another
   * process's) when none exists.
   */
  async start(): Promise<void> {
    // Until the seeds are compared with the served index, /readyz must not claim the index is current.
    this.state = 'checking';
    this.reason = 'comparing the seeds with the index';
    const published = await currentVersionDir(this.config.INDEX_DIR);
    const served = await this.loadNewestGood(published);
    this.watch = watchPublishedVersion(this.config.INDEX_DIR, (directory) => void this.load(directory), { pollMs: this.pollMs, known: published });
    if (!served) {
      await this.refresh(published ? 'the published index cannot be read' : `no index in ${this.config.INDEX_DIR}`);
      return;
    }
    const reason = published && served !== published ? 'the published index cannot be read' : await ingestReason(this.config, this.log);
    this.state = 'idle';
    this.reason = null;
    if (reason) this.refresh(reason).catch(() => undefined);
  }

  /**
   * Ingests now (incrementally unless `full`) and resolves once the new version is served. A call made
   * while a refresh runs is queued behind it (documents may have changed after it read them); further
   * calls share the queued one.
   */
  refresh(reason: string, options: RefreshOptions = {}): Promise<RefreshResult> {
    if (!this.running) {
      this.running = this.runRefresh(reason, options).finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.refresh(reason, options);
      });
    return this.queued;
  }

  /** Stops watching, stops a running ingest, and closes the served version once its requests end. */
  async close(): Promise<void> {
    this.watch?.close();
    this.stop.abort();
    await Promise.allSettled([this.running, this.loads]);
    this.holder.clear();
  }

  private async runRefresh(reason: string, { full = false, onProgress }: RefreshOptions): Promise<RefreshResult> {
    this.state = 'ingesting';
    this.reason = reason;
    this.progress = null;
    this.log.info(`Refreshing the index (${reason}); serving ${this.status().version ?? 'nothing'} meanwhile`);
    try {
      let report: IngestReport | null = null;
      try {
        const progressed = (progress: IngestProgress) => {
          this.progress = progress;
          onProgress?.(progress);
        };
        report = await this.ingest(this.config, { full, signal: this.stop.signal, onProgress: progressed });
      } catch (error) {
        if (!(error instanceof IngestBusyError)) throw error;
        this.log.info(`${error.message}: serving its result once it publishes`);
        this.state = 'waiting_for_other_ingest';
        await this.otherIngestDone();
      }
      this.state = 'loading';
      const published = await currentVersionDir(this.config.INDEX_DIR);
      if (!published || !(await this.load(published))) throw new Error(this.lastError ?? `no index was published in ${this.config.INDEX_DIR}`);
      return { version: basename(published), report };
    } catch (error) {
      if (!this.stop.signal.aborted) {
        this.lastError = `refresh failed: ${(error as Error).message}`;
        this.log.error(`Index refresh failed (${(error as Error).message}); still serving ${this.status().version ?? 'nothing'}`);
      }
      throw error;
    } finally {
      this.state = 'idle';
      this.reason = null;
      this.progress = null;
    }
  }

  private async otherIngestDone(): Promise<void> {
    while ((await ingestLockHolder(this.config.INDEX_DIR)) !== null && !this.stop.signal.aborted) await sleep(LOCK_POLL_MS);
  }

  /** Loads `directory` beside the served version and swaps it in; false (served version kept) when it does not load. */
  private load(directory: string): Promise<boolean> {
    const next = this.loads.then(() => this.loadNow(directory));
    this.loads = next.catch(() => undefined);
    return next;
  }

  private async loadNow(directory: string): Promise<boolean> {
    if (this.holder.current()?.directory === directory) return true;
    if (this.stop.signal.aborted) return false;
    try {
      const engine = await openEngine(this.config, this.log, { tokenizer: this.tokenizer, directory });
      this.holder.swap(engine);
      this.lastError = null;
      this.log.info(`Serving index version ${basename(directory)}`);
      return true;
    } catch (error) {
      this.lastError = `version ${basename(directory)} not served: ${(error as Error).message}`;
      this.log.error(`Index version ${basename(directory)} cannot be served (${(error as Error).message}); keeping ${this.status().version ?? 'none'}`);
      return false;
    }
  }

  /** The published version, else the newest older one that loads; null when none does. */
  private async loadNewestGood(published: string | null): Promise<string | null> {
    const candidates = [...(published ? [published] : []), ...(await listVersions(this.config.INDEX_DIR)).filter((dir) => dir !== published)];
    let damage: string | null = null;
    for (const directory of candidates) {
      if (await this.load(directory)) {
        // Serving an older version does not make the published one good: /readyz keeps saying why.
        this.lastError = damage;
        return directory;
      }
      damage ??= this.lastError;
    }
    return null;
  }
}
