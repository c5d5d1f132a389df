/**
 * The index update behind /v1/documents: an incremental ingest of the documents folder, then the engine is loaded
 * from the new version and replaces the one serving. Requests in flight finish on the engine they started with.
 */
import type { Config } from '../../config.ts';
import { loadEngine, type Engine, type EngineLog } from '../../engine.ts';
import { buildIndex } from '../../ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../ingest/from-config.ts';
import { IndexUpdates, type IndexUpdate } from './index-updates.ts';
import { DocumentLibrary } from './library.ts';

/** The engine serving now; replaced whole when a new index is loaded. */
export interface EngineSlot {
  current: Engine | undefined;
}

export function liveIndexUpdate(config: Config, log: EngineLog, slot: EngineSlot): IndexUpdate {
  return async (onProgress) => {
    const report = await buildIndex({ ...ingestOptionsFromConfig(config, log), onProgress });
    slot.current = await loadEngine(config, log);
    return report;
  };
}

/** The documents folder and the ingest that follows its changes, over the engine in `slot`. */
export function manageDocuments(config: Config, log: EngineLog & { error(details: object, message: string): void }, slot: EngineSlot) {
  const updates = new IndexUpdates(liveIndexUpdate(config, log, slot), log);
  const library = new DocumentLibrary({ seedsDir: config.SEEDS_DIR, manifest: () => slot.current?.manifest, updates });
  return { library, updates };
}
