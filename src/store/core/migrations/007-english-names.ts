import type { Workspace } from '../workspace';
import type { MigrationStep } from './step';
import { DEFAULT_ROLES } from '../../../domain/org/roles';
import { DEFAULT_SALES_MODES } from '../../../domain/sales/stages';

/** The starting records that have an English name: collection, id, the Chinese name it started with, the English one. */
function seeds(): { collection: string; id: string; name: string; nameEn: string }[] {
  return [
    ...DEFAULT_ROLES.map((r) => ({ collection: 'roles', id: r.id, name: r.name, nameEn: r.nameEn })),
    ...DEFAULT_SALES_MODES.map((m) => ({ collection: 'salesModes', id: m.id, name: m.name, nameEn: m.nameEn })),
    ...DEFAULT_SALES_MODES.flatMap((m) => m.stages.map((s) => ({ collection: 'salesStages', id: s.id, name: s.name, nameEn: s.nameEn }))),
  ];
}

/**
 * English names of the starting roles, sales modes and stages (schema 7). Workspaces made before
 * these records carried `nameEn` showed 系统管理员 and 初步接洽 in English. A starting record still
 * under its starting Chinese name gets the English one; one its people renamed keeps no English
 * name (its title then shows as they wrote it) — a guess would name it wrongly. Deterministic, so
 * two devices migrating apart write the same value.
 */
export function fillEnglishNames(ws: Workspace): number {
  let n = 0;
  for (const s of seeds()) {
    const col = ws.collection(s.collection);
    const rec = col.get(s.id);
    if (!rec || rec.deleted || (typeof rec.nameEn === 'string' && rec.nameEn) || rec.name !== s.name) continue;
    col.update(s.id, { nameEn: s.nameEn });
    n++;
  }
  return n;
}

export const englishNames: MigrationStep = {
  version: 7,
  title: 'English names of the starting roles, sales modes and stages',
  run: (ws) => void fillEnglishNames(ws),
};
