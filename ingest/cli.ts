import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { buildIndex } from '../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../src/ingest/from-config.ts';
import { describeReport } from '../src/ingest/describe-report.ts';
import { createProgressDisplay } from './progress-display.ts';

const USAGE = 'usage: npm run ingest -- [--full] [--seeds DIR] [--index DIR] [--quiet]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      seeds: { type: 'string' },
      index: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig({ ...process.env, ...(values.seeds ? { SEEDS_DIR: values.seeds } : {}), ...(values.index ? { INDEX_DIR: values.index } : {}) });
  const log = { info: (m: string) => console.error(m), warn: (m: string) => console.error(`warning: ${m}`) };
  const display = values.quiet ? null : createProgressDisplay();
  const report = await buildIndex({ ...ingestOptionsFromConfig(config, log), full: values.full, onProgress: (p) => display?.update(p) });
  display?.stop();
  console.log(describeReport(report));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : `ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
