/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours count 1). */
export const editDistance = (a: string, b: string): number => {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
};

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: about a third of
 * the word's length away at most (so `mesage` → `message`, but `b` does not suggest `a`).
 */
export const closest = (word: string, candidates: Iterable<string>, maxDistance = Infinity): string | undefined => {
  const limit = Math.min(maxDistance, Math.floor((word.length + 1) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
};

export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const suggestion = closest(word, candidates);
  return suggestion ? ` (did you mean ${suggestion}?)` : '';
};
