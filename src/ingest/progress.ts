export type IngestPhase = 'read' | 'embed' | 'write';

export interface IngestProgress {
  phase: IngestPhase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  chunks: number;
  /** Vectors written so far, during the embed phase. */
  embedded: number;
}

export interface IngestReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  skipped: { source: string; reason: string; hash?: string }[];
  chunks: number;
  embeddedChunks: number;
  bytes: number;
  seconds: number;
  versionDir: string;
}

export interface IngestLog {
  info(message: string): void;
  warn(message: string): void;
}
