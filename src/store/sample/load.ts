import type { Workspace } from '../core/workspace';
import { addDictionary } from '../core/dictionaries';
import { EDUCATION_DICTIONARY } from '../../domain/core/dictionaries';
import { permFields, type Permission } from '../../domain/org/modules';
import { sampleCompany, SAMPLE_CUSTOM_FIELDS, type SampleData } from '../../domain/sample';

/** Write generated records, keeping their ids so references hold; existing ids are left alone. */
export function loadDataset(ws: Workspace, data: SampleData): number {
  let n = 0;
  ws.transact(() => {
    for (const [name, records] of Object.entries(data)) {
      const col = ws.collection(name);
      for (const { id, ...values } of records) {
        if (col.get(id)) continue;
        const flat = name === 'roles' && values.perms ? flattenRole(values) : values;
        col.create(flat, id);
        n++;
      }
    }
  });
  return n;
}

function flattenRole(values: Record<string, unknown>): Record<string, unknown> {
  const { perms, ...rest } = values;
  return { ...rest, ...permFields(perms as Record<string, Permission>) };
}

/** The demo company (a software vendor selling ERP and CRM), with the lab's custom field. */
export function loadSampleCompany(ws: Workspace): number {
  const { company, ...rest } = sampleCompany({ history: true });
  addDictionary(ws, EDUCATION_DICTIONARY);
  let n = 0;
  ws.transact(() => {
    if (company?.[0]) {
      const { id: _id, ...values } = company[0];
      void _id;
      ws.collection('company').update('company', values);
    }
    const fields = ws.collection('customFields');
    for (const cf of SAMPLE_CUSTOM_FIELDS) {
      if (!fields.live().some((f) => f.entity === cf.entity && f.key === cf.key)) fields.create({ ...cf });
    }
    n = loadDataset(ws, rest);
  });
  return n;
}
