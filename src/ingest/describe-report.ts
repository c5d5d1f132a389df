import type { IngestReport } from './progress.ts';

const list = (label: string, items: readonly string[]) => `${label} ${items.length}${items.length && items.length <= 5 ? ` (${items.join(', ')})` : ''}`;

/** One line a person can read after an ingest. */
export function describeReport(report: IngestReport): string {
  const mb = report.bytes / (1024 * 1024);
  return [
    `Indexed ${report.chunks} chunks from ${report.added.length + report.changed.length + report.unchanged.length} files in ${report.seconds.toFixed(1)} s (${(mb / Math.max(report.seconds, 0.001)).toFixed(2)} MB/s):`,
    [list('added', report.added), list('changed', report.changed), list('removed', report.removed), list('unchanged', report.unchanged), list('skipped', report.skipped.map((s) => s.source))].join(', '),
    `embedded ${report.embeddedChunks} chunks; index at ${report.versionDir}`,
  ].join('\n');
}
