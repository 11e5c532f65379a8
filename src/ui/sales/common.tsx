import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { money, ratePct } from '../../domain/core/format';
import { statusColor, statusOf, projectStatusOf } from '../../domain/sales';
import type { Errors } from '../../domain/core/validate';
import type { FormHooks } from '../shared/RecordForm';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { lang } from '../i18n';

/* Pieces of the sales pages only; generic ones are in ui/shared (dialogs, RecordView, refusal, RecordPage). */

/**
 * A discount rate (0.85) as a percentage, with the price it gives when one is known:
 * "85%", "85% · 850.00"; null as "—".
 */
export function rateText(rate: number | null | undefined, price?: number | null): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return price === undefined || price === null || !Number.isFinite(price) ? ratePct(rate) : `${ratePct(rate)} · ${money(price)}`;
}

/** Names of what the sales pages refer to by id (each record's displayName; a stage in the UI language), or '—'. */
export function useNames() {
  const ctx = useWorkspace();
  const title = useTitles();
  const of = (entity: string) => (id: unknown): string => title(entity, id) || '—';
  return {
    user: of('users'),
    customer: of('customers'),
    product: of('products'),
    stage: (id: unknown) => {
      if (typeof id !== 'string' || !id) return '—';
      const r = ctx.get('salesStages', id);
      if (!r) return '—';
      return String((lang() === 'en' && r.nameEn) || r.name || '');
    },
    dict: (dict: string, code: unknown) => (typeof code === 'string' ? ctx.display({ key: '', type: 'dict', dict, label: { zh: '', en: '' } }, code) : '—'),
  };
}

/** Row tone of an opportunity (terminated red, won blue, lost grey) or a project (terminated red). */
export function opportunityTone(r: BaseRecord): string | undefined {
  return statusColor(statusOf(r)) ?? undefined;
}
export function projectTone(r: BaseRecord): string | undefined {
  return projectStatusOf(r) === 'terminated' ? 'red' : undefined;
}

/**
 * Form rules of opportunities and projects beyond the entity's own (domain/sales/rules.ts: live
 * stage → rate and amount, mode/stage check, department, the customer's owner), which the form and
 * the save path always apply: none. Kept so pages need not change.
 */
export function usePipelineForm(): {
  hooks: FormHooks; prepare?: (values: RecordValues) => RecordValues; validate?: (values: RecordValues) => Errors;
} {
  return { hooks: {} };
}
