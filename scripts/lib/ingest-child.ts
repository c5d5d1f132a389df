/** Runs one ingest in its own process and prints its figures as JSON, so peak RSS is the ingest's alone. */
import { loadConfig } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';

const config = loadConfig();
const report = await buildIndex({ ...ingestOptionsFromConfig(config, { info: () => undefined, warn: () => undefined }), full: process.argv.includes('--full') });
const usage = process.resourceUsage();
const maxRssMB = usage.maxRSS / 1024;
// CPU time of every thread: on a shared machine it varies far less than the elapsed time.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(JSON.stringify({ seconds: report.seconds, bytes: report.bytes, chunks: report.chunks, embedded: report.embeddedChunks, maxRssMB, cpuSeconds }));
