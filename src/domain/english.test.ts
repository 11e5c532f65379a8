import { describe, expect, it } from 'vitest';
import { ALL_DICTIONARIES, ENTITIES } from './registry';
import { SAMPLE_CUSTOM_FIELDS, SAMPLE_DICTIONARIES } from './sample';
import { roleRecords, salesModeRecords, salesStageRecords } from './sample/org';
import { DEFAULT_SALES_MODES } from './sales/stages';
import { displayName } from './core/entity';

/**
 * English complete (issue 16 item 11): everything built in — dictionaries and their options,
 * entity and field labels, the sample company's roles, sales mode and stages — has an English
 * label, so an English screen shows no Chinese for built-in data.
 */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;
const english = (s: unknown) => typeof s === 'string' && s.trim() !== '' && !CJK.test(s);

describe('built-in data has English labels', () => {
  it('every dictionary and option, built in or the sample’s', () => {
    const missing = [...ALL_DICTIONARIES, ...SAMPLE_DICTIONARIES].flatMap((d) => [
      ...(english(d.label.en) ? [] : [d.dict]),
      ...d.options.filter((o) => !english(o.label.en)).map((o) => `${d.dict}.${o.code}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('every entity and field label, and the sample’s custom field', () => {
    const missing = Object.values(ENTITIES).flatMap((e) => [
      ...(english(e.label.en) ? [] : [e.key]),
      ...e.fields.filter((f) => !english(f.label.en)).map((f) => `${e.key}.${f.key}`),
    ]);
    expect(missing).toEqual([]);
    expect(SAMPLE_CUSTOM_FIELDS.filter((f) => !english(f.label.en))).toEqual([]);
  });

  it('the sample company’s roles, sales mode and stages are named in English', () => {
    for (const [entity, records] of [['roles', roleRecords()], ['salesModes', salesModeRecords()], ['salesStages', salesStageRecords()]] as const) {
      for (const r of records) expect(english(displayName(ENTITIES[entity], r, 'en')), `${entity} ${String(r.name)}`).toBe(true);
    }
  });

  it('a new workspace’s sales modes and stages are named in English', () => {
    for (const m of DEFAULT_SALES_MODES) {
      expect(english(displayName(ENTITIES.salesModes, { ...m }, 'en')), m.name).toBe(true);
      for (const s of m.stages) expect(english(displayName(ENTITIES.salesStages, { ...s }, 'en')), s.name).toBe(true);
    }
  });
});
