import type { FieldDef } from '../../domain/core/entity';
import { displayName } from '../../domain/core/entity';
import type { BaseRecord } from '../../domain/core/record';
import { createEffect, createSignal, onCleanup } from 'solid-js';
import { useWorkspace } from './context';
import { lang, t } from '../i18n';

const refTo = (entity: string): FieldDef => ({ key: '', type: 'ref', ref: entity, label: { zh: '', en: '' } });

/**
 * What records are called on a page: `title(entity, record)` is the record's `displayName`;
 * `title(entity, id)` looks the id up through the workspace context (cached per collection version,
 * so it follows renames); '' when there is nothing to name.
 */
export function useTitles(): (entity: string, ref: BaseRecord | unknown) => string {
  const ctx = useWorkspace();
  return (entity, ref) => {
    if (typeof ref === 'object' && ref !== null) return displayName(ctx.def(entity), ref as BaseRecord, lang());
    return typeof ref === 'string' && ref ? ctx.display(refTo(entity), ref) : '';
  };
}

// The record part of the browser tab's title, set by the record page that is open. An owner token:
// when one record page replaces another, the old page's cleanup runs after the new one has set
// its part and must not clear it.
const [recordTitle, setRecordTitle] = createSignal<{ owner: object; parts: string[] } | null>(null);

/** A record page names its record in the browser tab ("杭州恒远机械有限公司 · 客户") while it is open. */
export function useRecordTitle(parts: () => string[] | null): void {
  const owner = {};
  createEffect(() => { const p = parts(); setRecordTitle(p ? { owner, parts: p } : null); });
  onCleanup(() => { if (recordTitle()?.owner === owner) setRecordTitle(null); });
}

/** The text of the browser tab: the record and its kind, else the page; then the product. */
export function tabTitle(recordParts: readonly string[] | null, page: string, product: string): string {
  return [...(recordParts?.length ? recordParts : [page]), product].filter(Boolean).join(' · ');
}

/** Keeps `document.title` naming the page (`page`, from the navigation) or the record a page shows. */
export function useDocumentTitle(page: () => string): void {
  const before = document.title;
  createEffect(() => { document.title = tabTitle(recordTitle()?.parts ?? null, page(), t('app.short')); });
  onCleanup(() => { document.title = before; });
}
