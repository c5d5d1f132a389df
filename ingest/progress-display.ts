import cliProgress from 'cli-progress';
import type { IngestProgress } from '../src/ingest/progress.ts';

const MB = 1024 * 1024;

/** A progress bar on a terminal; plain lines (at most one every few seconds) otherwise. */
export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const rate = (p: IngestProgress) => (p.bytesDone / MB / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(2);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {percentage}% | {value}/{total} {unit} | {chunks} chunks | {rate} MB/s', stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let phase = '';
    return {
      update(p: IngestProgress) {
        const [value, total, unit] = p.phase === 'embed' ? [p.embedded, p.chunks, 'vectors'] : [p.filesDone, p.filesTotal, 'files'];
        if (p.phase !== phase) {
          if (phase) bar.stop();
          phase = p.phase;
          bar.start(total, value, { phase: p.phase.padEnd(5), unit, chunks: p.chunks, rate: rate(p) });
        } else bar.update(value, { chunks: p.chunks, rate: rate(p) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastPrint = 0;
  let lastPhase = '';
  return {
    update(p: IngestProgress) {
      const now = performance.now();
      const done = p.phase === 'read' ? p.filesDone === p.filesTotal : p.embedded === p.chunks;
      if (p.phase === lastPhase && !done && now - lastPrint < 2000) return;
      lastPrint = now;
      lastPhase = p.phase;
      const detail = p.phase === 'embed' ? `${p.embedded}/${p.chunks} vectors` : `${p.filesDone}/${p.filesTotal} files, ${p.chunks} chunks`;
      stream.write(`ingest ${p.phase}: ${detail}, ${rate(p)} MB/s\n`);
    },
    stop() {},
  };
}
