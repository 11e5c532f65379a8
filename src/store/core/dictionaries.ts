import type { Workspace } from './workspace';
import type { DictDef, DictOption } from '../../domain/core/dictionaries';
import type { BaseRecord } from '../../domain/core/record';
import type { Label, Lang } from '../../domain/core/entity';

export interface DictOptionRecord extends BaseRecord { dict: string; code: string; label: Label; parent?: string; order?: number }
export interface DictionaryRecord extends BaseRecord { dict: string; label: Label; tree?: boolean }

/** Dictionaries live in the document as records, so peers can add options concurrently. */
export function dictionaries(ws: Workspace): DictionaryRecord[] {
  return ws.collection<DictionaryRecord>('dictionaries').live();
}

export function dictOptions(ws: Workspace, dict: string): DictOption[] {
  return ws.collection<DictOptionRecord>('dictOptions').live()
    .filter((o) => o.dict === dict && typeof o.code === 'string' && isLabel(o.label))
    .sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0) || a.createdAt - b.createdAt)
    .map((o) => ({ code: o.code, label: o.label, parent: o.parent }));
}

function isLabel(l: unknown): l is Label {
  return typeof l === 'object' && l !== null && typeof (l as Label).zh === 'string';
}

export function addDictionary(ws: Workspace, def: DictDef): void {
  ws.transact(() => {
    const dicts = ws.collection('dictionaries');
    if (!dicts.live().some((d) => d.dict === def.dict)) dicts.create({ dict: def.dict, label: def.label, tree: !!def.tree });
    const existing = new Set(dictOptions(ws, def.dict).map((o) => o.code));
    def.options.forEach((opt, i) => {
      if (!existing.has(opt.code)) ws.collection('dictOptions').create({ dict: def.dict, order: i, ...opt });
    });
  });
}

/** A lookup of option labels for display, rebuilt when dictionaries change. */
export function dictLabeler(ws: Workspace, lang: Lang): (dict: string, code: string) => string {
  const byDict = new Map<string, Map<string, string>>();
  for (const o of ws.collection<DictOptionRecord>('dictOptions').live()) {
    if (!isLabel(o.label)) continue;
    let m = byDict.get(o.dict);
    if (!m) byDict.set(o.dict, (m = new Map()));
    m.set(o.code, o.label[lang] || o.label.zh);
  }
  return (dict, code) => byDict.get(dict)?.get(code) ?? code;
}

/** Find an option code by its label in either language, or by the code itself. */
export function dictCodeFor(ws: Workspace, dict: string, text: string): string | undefined {
  const t = text.trim();
  return dictOptions(ws, dict).find((o) => o.code === t || o.label.zh === t || o.label.en.toLowerCase() === t.toLowerCase())?.code;
}

export interface OptionDraft { code: string; zh: string; en: string; parent?: string }

/** Add an option at the end of a dictionary; false (nothing written) when the code is taken. */
export function addDictOption(ws: Workspace, dict: string, d: OptionDraft): boolean {
  const options = ws.collection<DictOptionRecord>('dictOptions').live().filter((o) => o.dict === dict);
  if (options.some((o) => o.code === d.code)) return false;
  const label = { zh: d.zh, en: d.en || d.zh };
  ws.transact(() => ws.collection('dictOptions').create({ dict, code: d.code, label, parent: d.parent || undefined, order: options.length }));
  return true;
}

/** Rename an option in one language (the label is one field: the other language is written back as it is). */
export function setOptionLabel(ws: Workspace, id: string, lang: Lang, text: string): void {
  const o = ws.collection<DictOptionRecord>('dictOptions').get(id);
  if (o) ws.transact(() => ws.collection('dictOptions').update(id, { label: { ...o.label, [lang]: text } }));
}

export function removeDictOption(ws: Workspace, id: string): void {
  ws.transact(() => ws.collection('dictOptions').remove(id));
}
