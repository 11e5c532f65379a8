/**
 * A value axis for bars: it starts at zero (an axis starting at the smallest bar overstates the
 * differences) and ends at the largest value rounded up to 1, 2, 2.5 or 5 × a power of ten, so
 * the top gridline is a round figure. Nothing above zero (or nothing readable) gives [0, 1].
 */
export function axisFromZero(max: number | null | undefined): [number, number] {
  if (max === null || max === undefined || !Number.isFinite(max) || max <= 0) return [0, 1];
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max) ?? 10;
  return [0, step * power];
}

/** An axis label cut to the width under its bar (11 px type: CJK ~11 px, Latin ~6 px); the table below has the full name. */
export function fit(label: string, slotPx: number): string {
  const room = slotPx - 6;
  let used = 0;
  for (let i = 0; i < label.length; i++) {
    used += label.charCodeAt(i) > 0x2e80 ? 11 : 6;
    if (used > room) return `${label.slice(0, Math.max(1, i - 1)).trimEnd()}…`;
  }
  return label;
}
