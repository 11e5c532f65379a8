/** Pixels one character of an 11 px label takes (CJK; Latin is narrower). */
const CHAR_PX = 12;

/**
 * The category labels that fit the plot's width: each cut to the room it has, and when a group is
 * too narrow for three characters, only every k-th group labelled (the table below names them all).
 * Twelve activities on a phone once printed their names over each other.
 */
export function axisLabels(cats: readonly string[], splits: readonly number[], plotWidth: number): string[] {
  const per = plotWidth / Math.max(1, cats.length);
  const every = Math.max(1, Math.ceil((3 * CHAR_PX) / per));
  const room = Math.min(10, Math.max(3, Math.floor((per * every) / CHAR_PX) - 1));
  return splits.map((i) => (i % every ? '' : cut(cats[i] ?? '', room)));
}

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}
