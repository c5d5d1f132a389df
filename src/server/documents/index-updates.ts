/** Re-ingests the documents folder after each change, one run at a time, and keeps what the page shows as progress. */
import type { IngestProgress, IngestReport } from '../../ingest/progress.ts';

/**
 * Builds a new index from the documents folder (incrementally) and makes the service answer from it; null when
 * another process's ingest built the version now served.
 */
export type IndexUpdate = (onProgress: (progress: IngestProgress) => void) => Promise<IngestReport | null>;

export interface IngestStatus {
  state: 'idle' | 'running';
  /** Another run will follow the current one (changes arrived while it ran). */
  queued: boolean;
  progress?: IngestProgress;
  last?: { finishedAt: string; seconds: number; added: string[]; changed: string[]; removed: string[]; skipped: number; error?: string };
}

/**
 * Changes that arrive while an ingest runs are gathered into one more run after it; a caller waiting on its change
 * is released when a run that started after the change has finished and the new index serves.
 */
export class IndexUpdates {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private progress: IngestProgress | undefined;
  private last: IngestStatus['last'];

  constructor(
    private readonly update: IndexUpdate,
    private readonly log: { error(details: object, message: string): void },
  ) {}

  /** Schedules a run that sees every change made before this call. */
  request(): Promise<void> {
    if (!this.running) return (this.running = this.run());
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return (this.running = this.run());
    });
    return this.queued;
  }

  status(): IngestStatus {
    return {
      state: this.running ? 'running' : 'idle',
      queued: this.queued !== null,
      ...(this.running && this.progress ? { progress: { ...this.progress } } : {}),
      ...(this.last ? { last: this.last } : {}),
    };
  }

  private async run(): Promise<void> {
    const started = performance.now();
    this.progress = undefined;
    try {
      const report = await this.update((progress) => (this.progress = progress));
      const seconds = report?.seconds ?? (performance.now() - started) / 1000;
      this.last = { finishedAt: new Date().toISOString(), seconds, added: report?.added ?? [], changed: report?.changed ?? [], removed: report?.removed ?? [], skipped: report?.skipped.length ?? 0 };
    } catch (error) {
      // The previous index keeps serving; the failure is shown, not thrown at whoever uploaded.
      this.log.error({ err: error }, 'updating the index failed');
      this.last = { finishedAt: new Date().toISOString(), seconds: (performance.now() - started) / 1000, added: [], changed: [], removed: [], skipped: 0, error: (error as Error).message };
    } finally {
      this.running = null;
    }
  }
}
