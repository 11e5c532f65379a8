import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { addDictOption, dictOptions, removeDictOption, setOptionLabel, type DictOptionRecord } from './dictionaries';
import { addCustomField, removeCustomField } from './custom-fields';
import { entityDef } from './records';


describe('dictionary options and custom fields (settings writes)', () => {
  it('an option is added at the end, refused when its code is taken, renamed per language and removed', () => {
    const ws = seededWorkspace();
    const before = dictOptions(ws, 'industry');
    expect(addDictOption(ws, 'industry', { code: 'x-new', zh: '教育', en: '' })).toBe(true);
    expect(dictOptions(ws, 'industry').at(-1)).toEqual({ code: 'x-new', label: { zh: '教育', en: '教育' }, parent: undefined });
    expect(addDictOption(ws, 'industry', { code: 'x-new', zh: '教育二', en: '' })).toBe(false);
    const id = ws.collection<DictOptionRecord>('dictOptions').live().find((o) => o.code === 'x-new')!.id;
    setOptionLabel(ws, id, 'en', 'Education');
    expect(dictOptions(ws, 'industry').at(-1)?.label).toEqual({ zh: '教育', en: 'Education' });
    removeDictOption(ws, id);
    expect(dictOptions(ws, 'industry')).toEqual(before);
  });

  it('a custom field joins the entity definition; a dictionary field takes the dictionary\'s name as key', () => {
    const ws = seededWorkspace();
    const key = addCustomField(ws, { entity: 'contacts', zh: '学历', en: 'Education', type: 'dict', dict: 'education' });
    expect(key).toBe('education');
    expect(entityDef(ws, 'contacts').fields.find((f) => f.key === 'education')).toMatchObject({ type: 'dict', dict: 'education', custom: true });
    const text = addCustomField(ws, { entity: 'customers', zh: '备注二', en: '', type: 'text' });
    expect(text).toMatch(/^cf_/);
    removeCustomField(ws, ws.collection('customFields').live().find((f) => f.key === text)!.id);
    expect(entityDef(ws, 'customers').fields.some((f) => f.key === text)).toBe(false);
  });
});
