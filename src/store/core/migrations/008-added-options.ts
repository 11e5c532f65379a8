import type { Workspace } from '../workspace';
import type { MigrationStep } from './step';
import { ALL_DICTIONARIES } from '../../../domain/registry';
import type { DictDef } from '../../../domain/core/dictionaries';

/**
 * Options a later build added to a starting dictionary, by the schema version that brought them.
 * Step 6 adds a dictionary a workspace lacks as a whole; an option added to a dictionary the
 * workspace already has needs a line here (the 市场活动预算 document type of the approval rules:
 * a workspace made before market budgets went through approvals could not write a budget rule).
 */
export const ADDED_OPTIONS: readonly { version: number; dict: string; code: string }[] = [
  { version: 8, dict: 'approvalDocType', code: 'marketActivities' },
];

/**
 * Add each listed option, after the dictionary's others, where the dictionary exists and holds no
 * option of that code — live or in the bin (one its people removed stays removed). The id is
 * derived from the codes, as a new workspace's is, so two devices migrating apart write one record.
 */
export function addNewOptions(ws: Workspace, added = ADDED_OPTIONS, defs: readonly DictDef[] = ALL_DICTIONARIES): number {
  const options = ws.collection('dictOptions');
  const haveDict = new Set(ws.collection('dictionaries').live().map((d) => d.dict));
  let n = 0;
  for (const a of added) {
    const opt = defs.find((d) => d.dict === a.dict)?.options.find((o) => o.code === a.code);
    const id = `opt-${a.dict}-${a.code}`;
    if (!opt || !haveDict.has(a.dict) || options.get(id)) continue;
    const siblings = options.all().filter((o) => o.dict === a.dict);
    if (siblings.some((o) => o.code === a.code)) continue;
    const order = Math.max(-1, ...siblings.map((o) => Number(o.order) || 0)) + 1;
    options.create({ dict: a.dict, order, ...opt }, id);
    n++;
  }
  return n;
}

export const addedOptions: MigrationStep = {
  version: 8,
  title: 'Options added to starting dictionaries (the market budget approval type)',
  run: (ws) => void addNewOptions(ws),
};
