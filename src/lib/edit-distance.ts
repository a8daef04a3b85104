/**
 * Edit distance where swapping two neighbouring letters (`titel`, `certfiicate`) counts as one
 * edit, as it is one slip of the fingers (optimal string alignment). One implementation for
 * the "Did you mean" of configuration errors and of the search page, so both forgive the same
 * slips. Counts characters, not UTF-16 units, so an accented letter is one letter.
 *
 * @param max Stop early once the distance is sure to exceed this: the result is then some number
 *   above `max`, not the exact distance. Comparing a word with a whole vocabulary only needs to
 *   know which words are within reach, and most are not.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  // Three rows of the table are enough: a swap looks back two rows.
  let twoBack: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      current[j] = best;
      rowBest = Math.min(rowBest, best);
    }
    // No cell of a later row can be smaller than the smallest of this one.
    if (rowBest > max) return max + 1;
    twoBack = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}
