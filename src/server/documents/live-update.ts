/**
 * The index update behind /v1/documents: the live index ingests the documents folder (incrementally) and swaps the
 * new version in. Requests in flight finish on the version they started with.
 */
import type { Config } from '../../config.ts';
import type { LiveEngine } from '../../serving/live-engine.ts';
import { IndexUpdates, type IndexUpdate } from './index-updates.ts';
import { DocumentLibrary } from './library.ts';

/** What document management needs of the live index. */
export type LiveIndex = Pick<LiveEngine, 'current' | 'refresh'>;

export function liveIndexUpdate(live: LiveIndex): IndexUpdate {
  return async (onProgress) => (await live.refresh('the documents changed', { onProgress })).report;
}

/** The documents folder and the ingest that follows its changes, served by `live`. */
export function manageDocuments(config: Config, log: { error(details: object, message: string): void }, live: LiveIndex) {
  const updates = new IndexUpdates(liveIndexUpdate(live), log);
  const library = new DocumentLibrary({ seedsDir: config.SEEDS_DIR, manifest: () => live.current()?.manifest, updates });
  return { library, updates };
}
