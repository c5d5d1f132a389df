/** One ranked list to fuse: ids best first, and how much this list counts. */
export interface RankedList<Id> {
  ids: readonly Id[];
  weight: number;
}

export interface FusedItem<Id> {
  id: Id;
  score: number;
  /** 1-based rank in each input list, null where the list did not have it. */
  ranks: (number | null)[];
}

/**
 * Weighted reciprocal-rank fusion (Cormack et al. 2009): score = Σ weight / (k + rank).
 * Rank-based, so BM25 scores and cosine similarities need no common scale. Ties keep first-list order.
 */
export function reciprocalRankFusion<Id>(lists: readonly RankedList<Id>[], k = 60): FusedItem<Id>[] {
  const fused = new Map<Id, FusedItem<Id> & { order: number }>();
  let order = 0;
  lists.forEach((list, li) => {
    list.ids.forEach((id, index) => {
      let item = fused.get(id);
      if (!item) fused.set(id, (item = { id, score: 0, ranks: lists.map(() => null), order: order++ }));
      if (item.ranks[li] !== null) return;
      item.ranks[li] = index + 1;
      item.score += list.weight / (k + index + 1);
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}
