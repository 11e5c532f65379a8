import type { BaseRecord } from '../../domain/core/record';
import type { FieldDef } from '../../domain/core/entity';
import type { WorkspaceCtx } from './context';
import { lang } from '../i18n';

/**
 * The search text of records: the lower-cased display text of some fields (a list's columns for
 * its find box, an entity's searchable fields for the global search), each and joined. Kept per
 * record object — records are immutable, so an edit (or a peer's) re-indexes only that record and
 * a keystroke runs only `includes` over plain strings. By id, with the record object the text was
 * made from (a Map: a WeakMap's ephemerons cost every garbage collection, measured).
 */
export interface SearchText { rec: BaseRecord; all: string; cols: string[] }
export interface SearchIndex {
  fields: readonly FieldDef[]; key: string; texts: Map<string, SearchText>;
  /** Every record of the list had its text made once (later edits are made on demand). */
  complete?: boolean;
}

/**
 * The index for these fields: `prev` while it still fits, else a new, empty one. The text shows
 * referenced names and dictionary labels (an owner's name) in the current language, so another
 * language or a change to one of those collections starts afresh. Reading it subscribes to them.
 */
export function searchIndex(ctx: WorkspaceCtx, fields: readonly FieldDef[], prev?: SearchIndex): SearchIndex {
  const key = lang() + fields.map((f) => (f.type === 'ref' ? ctx.version(f.ref ?? '')() : f.type === 'dict' ? ctx.version('dictOptions')() : '')).join();
  return prev && prev.fields === fields && prev.key === key ? prev : { fields, key, texts: new Map() };
}

/** A record's search text in the index (made now if the record changed since). */
export function textOf(ctx: WorkspaceCtx, idx: SearchIndex, r: BaseRecord): SearchText {
  let text = idx.texts.get(r.id);
  if (text?.rec !== r) {
    const cols = idx.fields.map((f) => ctx.display(f, r[f.key]).toLowerCase());
    text = { rec: r, all: cols.join('\u0001'), cols };
    idx.texts.set(r.id, text);
  }
  return text;
}

/**
 * Make the texts of `records` missing from `idx` in slices of ~8 ms, yielding between slices so a
 * keystroke or a paint never waits behind the whole build; `done` runs once all are made. Stops
 * early when `current()` is no longer `idx` (other columns, another language). The first slice
 * runs in a task of its own too: a list's first keystroke starts the build and must not pay for it.
 */
export function fillIndex(ctx: WorkspaceCtx, idx: SearchIndex, records: () => readonly BaseRecord[], current: () => SearchIndex | undefined, done: () => void): void {
  let pos = 0;
  const slice = () => {
    if (current() !== idx) return;
    const list = records();
    const until = performance.now() + 8;
    while (pos < list.length) {
      textOf(ctx, idx, list[pos++]);
      if ((pos & 63) === 0 && performance.now() > until) { setTimeout(slice, 0); return; }
    }
    idx.complete = true;
    done();
  };
  setTimeout(slice, 0);
}
