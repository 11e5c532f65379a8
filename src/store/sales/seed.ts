import type { Workspace } from '../core/workspace';
import { defaultModeRecords, stagesOfMode } from '../../domain/sales';
import { asNumber } from '../../domain/core/numbers';

/**
 * Seed the default sales modes and stages (domain/sales/stages.ts) into a workspace. Ids are
 * stable, so two peers seeding the same workspace while apart write the same records; records
 * that already exist (perhaps edited by a user) are left alone.
 */
export function seedSalesModes(ws: Workspace): void {
  const { modes, stages } = defaultModeRecords();
  ws.transact(() => {
    const m = ws.collection('salesModes');
    const s = ws.collection('salesStages');
    for (const { id, ...values } of modes) if (!m.get(String(id))) m.create(values, String(id));
    for (const { id, ...values } of stages) if (!s.get(String(id))) s.create(values, String(id));
  });
}

/** Live sales modes in their order (then name), for pickers and defaults. */
export function salesModes(ws: Workspace): { id: string; name: string; nameEn: string }[] {
  return ws.collection('salesModes').live()
    .map((r) => ({ id: r.id, name: String(r.name ?? ''), nameEn: String(r.nameEn ?? r.name ?? ''), order: asNumber(r.order) ?? 1e9 }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map(({ id, name, nameEn }) => ({ id, name, nameEn }));
}

/** The mode a new opportunity starts in: the first mode that has stages, else the first mode. */
export function defaultModeId(ws: Workspace): string | null {
  const modes = salesModes(ws);
  const stages = ws.collection('salesStages').live();
  return (modes.find((m) => stagesOfMode(stages, m.id).length) ?? modes[0])?.id ?? null;
}
