import { describe, expect, it } from 'vitest';
import { axisFromZero, fit } from './scale';

describe('bar axes', () => {
  it('start at zero and end at a round figure above the largest value', () => {
    expect(axisFromZero(92_000)).toEqual([0, 100_000]);
    expect(axisFromZero(1_800_000)).toEqual([0, 2_000_000]);
    expect(axisFromZero(2_100)).toEqual([0, 2_500]);
    expect(axisFromZero(3)).toEqual([0, 5]);
    expect(axisFromZero(0.4)).toEqual([0, 0.5]);
    // a value on a round figure is the top
    expect(axisFromZero(5_000)).toEqual([0, 5_000]);
  });

  it('nothing above zero gives an empty axis from zero, never NaN', () => {
    for (const v of [0, -5, null, undefined, Number.NaN, Infinity]) expect(axisFromZero(v)).toEqual([0, 1]);
  });
});

describe('axis labels under small bars', () => {
  it('keep what fits and cut the rest with an ellipsis', () => {
    expect(fit('初步接洽', 60)).toBe('初步接洽'); // 44 px
    expect(fit('Initial contact', 60)).toBe('Initial…');
    expect(fit('Negotiation', 80)).toBe('Negotiation'); // 66 px
    expect(fit('需求确认与方案', 40)).toBe('需求…');
  });
});
