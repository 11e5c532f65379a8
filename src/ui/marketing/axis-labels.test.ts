import { describe, expect, it } from 'vitest';
import { axisLabels } from './axis-labels';

const names = Array.from({ length: 12 }, (_, i) => `华东智能制造展第${i + 1}场`);
const all = names.map((_, i) => i);

describe('the market chart\'s category labels', () => {
  it('on a laptop every group is named, cut to the room it has', () => {
    const labels = axisLabels(names, all, 1000);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(labels.every((l) => Array.from(l).length * 12 <= 1000 / 12)).toBe(true);
  });

  it('on a phone (twelve groups in 270 px) only every k-th group is named, and the names do not run into each other', () => {
    const labels = axisLabels(names, all, 270);
    const shown = labels.map((l, i) => [i, l] as const).filter(([, l]) => l);
    expect(shown.length).toBeLessThan(names.length);
    expect(shown[0][0]).toBe(0);
    // each shown label fits the width of the groups up to the next shown one
    const step = shown[1][0] - shown[0][0];
    for (const [, l] of shown) expect(Array.from(l).length * 12).toBeLessThanOrEqual((270 / 12) * step);
  });

  it('a short name stays whole', () => {
    expect(axisLabels(['展会', '广告'], [0, 1], 300)).toEqual(['展会', '广告']);
  });
});
