import type { Workspace } from '../workspace';
import type { MigrationStep } from './step';
import { ALL_DICTIONARIES } from '../../../domain/registry';
import type { DictDef } from '../../../domain/core/dictionaries';

/**
 * A module's dictionaries in a workspace made before the module existed (schema 6). A new
 * workspace gets every module's dictionaries when it is seeded; one created before orders and
 * finance lacked orderType, orderStatus, receiptMethod…, so saving an order was refused ("订单类型
 * 没有选项"). Each dictionary the workspace does not have at all is added with its options.
 *
 * A dictionary the workspace already has is left as its people made it (an option they removed
 * stays removed). Ids are derived from the dictionary and option codes, so two devices that add
 * the same dictionary apart write the same records and the merge keeps one. Runs again at every
 * open: the next module that brings a dictionary needs no step of its own.
 */
export function addMissingDictionaries(ws: Workspace, defs: readonly DictDef[] = ALL_DICTIONARIES): number {
  const dicts = ws.collection('dictionaries');
  const have = new Set(dicts.live().map((d) => d.dict));
  const missing = defs.filter((d) => !have.has(d.dict));
  for (const def of missing) {
    dicts.create({ dict: def.dict, label: def.label, tree: !!def.tree }, `dict-${def.dict}`);
    def.options.forEach((opt, i) => ws.collection('dictOptions').create({ dict: def.dict, order: i, ...opt }, `opt-${def.dict}-${opt.code}`));
  }
  return missing.length;
}

export const moduleDictionaries: MigrationStep = {
  version: 6,
  title: 'Dictionaries of modules added after the workspace was made',
  run: (ws) => void addMissingDictionaries(ws),
  repeat: true,
};
