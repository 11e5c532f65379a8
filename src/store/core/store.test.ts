import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { Workspace } from './workspace';
import { createWorkspace, openWorkspace, listWorkspaces } from '../org/setup';
import { dictOptions } from './dictionaries';
import { entityDef, saveRecord } from './records';

describe('workspace store over IndexedDB', () => {
  it('creates a workspace, persists records and reads them back after reopening', async () => {
    const { entry, ws } = await createWorkspace('测试公司', '李老师');
    const res = saveRecord(ws, entityDef(ws, 'customers'), { code: 'KH01', name: '华东机械', kind: 'customer' });
    expect(res.ok).toBe(true);
    await ws.close();
    const again = await openWorkspace(entry.id);
    const rows = again.ws.collection('customers').live();
    expect(rows.map((r) => r.name)).toEqual(['华东机械']);
    expect(again.userId).toBeTruthy();
    expect(again.ws.collection('users').get(again.userId!)?.name).toBe('李老师');
    expect(dictOptions(again.ws, 'lifecycle').map((o) => o.label.zh)).toContain('成熟期');
    expect((await listWorkspaces()).some((w) => w.id === entry.id)).toBe(true);
    await again.ws.close();
  });

  it('refuses invalid values and writes nothing', async () => {
    const { ws } = await createWorkspace('A', 'B');
    const def = entityDef(ws, 'customers');
    saveRecord(ws, def, { code: 'KH01', name: '甲', kind: 'customer' });
    const res = saveRecord(ws, def, { code: 'KH01', name: '', kind: 'nope', creditLimit: 'abc' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.refusal.fields!).sort()).toEqual(['code', 'creditLimit', 'kind', 'name']);
    expect(ws.collection('customers').live()).toHaveLength(1);
    await ws.close();
  });

  it('adds a custom field and dictionary at run time to the entity definition', async () => {
    const { ws } = await createWorkspace('A', 'B');
    ws.collection('customFields').create({ entity: 'contacts', key: 'education', label: { zh: '受教育程度', en: 'Education' }, type: 'dict', dict: 'education' });
    expect(entityDef(ws, 'contacts').fields.map((f) => f.key)).toContain('education');
    await ws.close();
  });

  it('a document never reuses a client id across two live copies', () => {
    expect(new Workspace('x').doc.clientID).not.toBe(new Workspace('x').doc.clientID);
  });
});
