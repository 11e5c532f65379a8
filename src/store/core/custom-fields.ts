import type { Workspace } from './workspace';
import type { FieldType } from '../../domain/core/entity';
import { entityDef } from './records';

export interface CustomFieldDraft { entity: string; zh: string; en: string; type: FieldType; dict?: string }

/**
 * Add a custom field (自定义字段) to an entity; returns its key. A dictionary field takes the
 * dictionary's name as its key when the entity has no such field yet (a lab step adds 学历 as
 * `education`), else a new `cf_…` key.
 */
export function addCustomField(ws: Workspace, d: CustomFieldDraft): string {
  const dict = d.type === 'dict' ? d.dict : undefined;
  const key = dict && !entityDef(ws, d.entity).fields.some((f) => f.key === dict) ? dict : `cf_${Date.now().toString(36)}`;
  ws.transact(() => ws.collection('customFields').create({
    entity: d.entity, key, type: d.type, label: { zh: d.zh, en: d.en || d.zh }, dict,
  }));
  return key;
}

export function removeCustomField(ws: Workspace, id: string): void {
  ws.transact(() => ws.collection('customFields').remove(id));
}
