/** Runs one ingest in its own process and prints its figures as JSON, so peak RSS is the ingest's alone. */
import { loadConfig } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';

const config = loadConfig();
const report = await buildIndex({ ...ingestOptionsFromConfig(config, { info: () => undefined, warn: () => undefined }), full: process.argv.includes('--full') });
const maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds: report.seconds, bytes: report.bytes, chunks: report.chunks, embedded: report.embeddedChunks, maxRssMB }));
