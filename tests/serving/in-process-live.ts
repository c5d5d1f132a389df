/** A live index whose ingest runs in the test's own process (a child process under `npm start`), and the app options that serve it. */
import type { Config } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import type { BuildAppOptions } from '../../src/server/app.ts';
import { LiveEngine } from '../../src/serving/live-engine.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const tokenizer = new JiebaTokenizer();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function inProcessLive(config: Config): LiveEngine {
  return new LiveEngine(config, quiet, {
    tokenizer,
    ingest: (c, run) => buildIndex({ ...ingestOptionsFromConfig(c, quiet, tokenizer), full: run.full, onProgress: (p) => run.onProgress?.(p) }),
    pollMs: 100,
  });
}

/** What `npm start` passes to buildApp for a live index. */
export function liveAppOptions(live: LiveEngine): Pick<BuildAppOptions, 'qa' | 'lease' | 'indexStatus' | 'refreshIndex' | 'onClose'> {
  return {
    qa: () => live.current()?.qa,
    lease: () => live.acquire(),
    indexStatus: () => live.status(),
    refreshIndex: (reason, options) => live.refresh(reason, options),
    onClose: () => live.close(),
  };
}
