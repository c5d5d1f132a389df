import type { Config } from '../config.ts';
import type { IngestProgress, IngestReport } from '../ingest/progress.ts';

/** What the server sends the ingest child: the validated configuration (plain JSON) and the flags. */
export interface IngestRequest {
  config: Config;
  full: boolean;
}

/** What the ingest child reports back. */
export type IngestChildMessage =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  | { type: 'done'; report: IngestReport; maxRssMB: number }
  | { type: 'failed'; message: string; lockedBy: number | null };
