import type { FieldDef } from '../../domain/core/entity';
import { displayName } from '../../domain/core/entity';
import type { BaseRecord } from '../../domain/core/record';
import { useWorkspace } from './context';
import { lang } from '../i18n';

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
