/** hit@1, hit@5 and MRR@10 from the 1-based rank of the first hit of each question (null = none in the top 10). */
export interface RankMetrics {
  n: number;
  hit1: number;
  hit5: number;
  mrr10: number;
}

export function rankMetrics(firstHitRanks: readonly (number | null)[]): RankMetrics {
  const n = firstHitRanks.length;
  if (!n) return { n: 0, hit1: 0, hit5: 0, mrr10: 0 };
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  for (const rank of firstHitRanks) {
    if (rank === null || rank > 10) continue;
    if (rank === 1) hit1++;
    if (rank <= 5) hit5++;
    mrr += 1 / rank;
  }
  return { n, hit1: hit1 / n, hit5: hit5 / n, mrr10: mrr / n };
}

export function firstHitRank<T>(results: readonly T[], isHit: (result: T) => boolean): number | null {
  const index = results.findIndex(isHit);
  return index === -1 ? null : index + 1;
}

export const fmt = (x: number) => x.toFixed(3);
export const stripSpaces = (s: string) => s.replace(/\s+/g, '');
