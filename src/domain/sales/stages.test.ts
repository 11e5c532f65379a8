import { describe, expect, it } from 'vitest';
import { checkStages, defaultModeRecords, defaultRate, DEFAULT_SALES_MODES, firstStage, stageChange, stagesOfMode } from './stages';
import { rec } from './testing';

const seeded = () => {
  const { stages } = defaultModeRecords();
  return stages.map((s) => rec(String(s.id), s));
};

describe('sales modes and stages', () => {
  it('seeds 常规销售 with the brief\'s rates and a 项目型销售 mode', () => {
    const std = DEFAULT_SALES_MODES.find((m) => m.name === '常规销售')!;
    expect(std.stages.map((s) => [s.name, s.rate])).toEqual([
      ['初步接洽', 10], ['需求确认', 30], ['方案报价', 50], ['商务谈判', 70], ['签约成交', 100],
    ]);
    expect(DEFAULT_SALES_MODES.some((m) => m.name === '项目型销售')).toBe(true);
    const { modes, stages } = defaultModeRecords();
    expect(modes).toHaveLength(2);
    expect(modes[0]).not.toHaveProperty('stages');
    expect(stages.every((s) => typeof s.modeId === 'string')).toBe(true);
  });

  it('orders stages and reads default rates from editable data', () => {
    const stages = seeded();
    expect(stagesOfMode(stages, 'mode-standard').map((s) => s.id)).toEqual([
      'stage-standard-1', 'stage-standard-2', 'stage-standard-3', 'stage-standard-4', 'stage-standard-5',
    ]);
    expect(firstStage(stages, 'mode-project')?.name).toBe('项目立项');
    expect(defaultRate(stages, 'stage-standard-3')).toBe(50);
    // an edited stage rate is what counts
    const edited = stages.map((s) => (s.id === 'stage-standard-3' ? { ...s, rate: 45 } : s));
    expect(stageChange(edited, 'stage-standard-3')).toEqual({ stageId: 'stage-standard-3', rate: 45 });
    expect(stageChange(edited, 'nope')).toEqual({ stageId: 'nope' });
  });

  it('ignores deleted stages', () => {
    const stages = seeded().map((s) => (s.id === 'stage-standard-1' ? { ...s, deleted: true } : s));
    expect(firstStage(stages, 'mode-standard')?.id).toBe('stage-standard-2');
  });

  it('reports invalid, falling and duplicated stage settings', () => {
    const stages = [
      rec('a', { modeId: 'm', order: 1, name: 'A', rate: 40 }),
      rec('b', { modeId: 'm', order: 2, name: 'B', rate: 20 }),
      rec('c', { modeId: 'm', order: 2, name: 'C', rate: 'x' }),
    ];
    expect(checkStages(stages, 'm').map((v) => v.code)).toEqual(['stageRateFalls', 'stageRateInvalid', 'stageOrderDuplicate']);
    expect(checkStages(seeded(), 'mode-standard')).toEqual([]);
  });
});
