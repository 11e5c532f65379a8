import type { BaseRecord, RecordValues } from '../core/record';
import type { Errors } from '../core/validate';
import { asNumber } from '../core/numbers';
import { customerOwner, type EntityRules, type RuleContext } from '../core/rules';
import { stageModeMismatch, withAmount } from './opportunity';
import { quoteEditBlocker, quoteLinkBlocker, quoteStatusOf, statusAfterEdit } from './quotes';
import { asText } from './read';
import { editBlocker, isCompleted, newRecordValues, placementBlocker, recordsOf } from './records';
import { firstStage, stageChange, stagesOfMode } from './stages';
import { SALES_ENTITIES } from './entities';

/** Rules of the sales module's entities (read by the one save path, store/core/records.ts). */

/** The mode a new opportunity starts in: the first mode (by order) that has stages, else the first mode. */
export function defaultModeIn(ctx: RuleContext): string | null {
  const modes = [...ctx.live('salesModes')]
    .map((r) => ({ id: r.id, name: String(r.name ?? ''), order: asNumber(r.order) ?? 1e9 }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const stages = ctx.live('salesStages');
  return (modes.find((m) => stagesOfMode(stages, m.id).length) ?? modes[0])?.id ?? null;
}

/** The amount (机会金额 = 预期金额 × 完成率) and the owner's department. */
function preparePipeline(values: RecordValues, ctx: RuleContext): RecordValues {
  const out: RecordValues = { ...values, amount: withAmount(values).amount ?? undefined };
  if (!out.departmentId) out.departmentId = asText(ctx.get('users', out.ownerId)?.departmentId) ?? undefined;
  return out;
}

/** Live derivation: a mode picks its first stage, a stage its default rate; the amount follows. */
export function derivePipeline(values: RecordValues, key: string, ctx: RuleContext): RecordValues {
  let next = values;
  const stages = ctx.live('salesStages');
  if (key === 'modeId' && typeof values.modeId === 'string') {
    const st = firstStage(stages, values.modeId);
    if (st && stageModeMismatch(values, stages)) next = { ...next, stageId: st.id, ...(st.rate !== null ? { rate: st.rate } : {}) };
  }
  if (key === 'stageId' && typeof values.stageId === 'string') next = { ...next, ...stageChange(stages, values.stageId) };
  return { ...next, amount: withAmount(next).amount ?? undefined };
}

function pipelineErrors(values: RecordValues, ctx: RuleContext): Errors {
  const mismatch = stageModeMismatch(values, ctx.live('salesStages'));
  return mismatch ? { stageId: mismatch } : {};
}

const pipeline: EntityRules = {
  prepare: (values, _old, ctx) => preparePipeline(values, ctx),
  validate: (values, _old, ctx) => pipelineErrors(values, ctx),
  onEdit: (values, key, _old, ctx) => derivePipeline(values, key, ctx),
};

export const opportunityRules: EntityRules = {
  ...pipeline,
  /** The customer's owner (else the acting user), the default mode's first stage and its rate, today. */
  defaults: (ctx, given) => {
    const modeId = typeof given.modeId === 'string' ? given.modeId : defaultModeIn(ctx);
    const st = modeId ? firstStage(ctx.live('salesStages'), modeId) : null;
    return {
      ownerId: customerOwner(ctx, given.customerId), modeId: modeId ?? undefined, stageId: st?.id, rate: st?.rate ?? undefined,
      cost: 0, startDate: ctx.today, status: 'active', audited: false,
    };
  },
};

export const projectRules: EntityRules = {
  ...pipeline,
  defaults: (ctx, given) => ({ ownerId: customerOwner(ctx, given.customerId), startDate: ctx.today, status: 'active' }),
};

export const activityRules: EntityRules = {
  defaults: (ctx, given) => ({ ownerId: customerOwner(ctx, given.customerId), status: 'planned', kind: 'task', dueDate: ctx.today }),
};

export const leadRules: EntityRules = {
  defaults: (ctx, given) => ({ ownerId: customerOwner(ctx, given.customerId), date: ctx.today, status: 'open' }),
};

const QUOTE_CONTENT = new Set(quoteFields().filter((k) => k !== 'status'));
function quoteFields(): string[] {
  return SALES_ENTITIES.find((d) => d.key === 'quotes')?.fields.map((f) => f.key) ?? [];
}

export const quoteRules: EntityRules = {
  defaults: (ctx, given) => ({ ownerId: customerOwner(ctx, given.customerId), date: ctx.today, status: 'draft' }),
  /** An approval or rejection covered the old content only: an edit from any path sends it back to draft. */
  prepare: (values, old) => {
    if (!old) return values;
    const edited = Object.keys(values).some((k) => QUOTE_CONTENT.has(k) && values[k] !== old[k])
      || [...QUOTE_CONTENT].some((k) => !(k in values) && old[k] !== undefined);
    return edited && quoteStatusOf(old) !== statusAfterEdit(old) ? { ...values, status: statusAfterEdit(old) } : values;
  },
  validate: (values, old, ctx) => {
    const why = old ? quoteEditBlocker(old) : null;
    if (why) return { code: why };
    const clash = quoteLinkBlocker({ ...values, id: old?.id }, ctx.live('quotes'));
    return clash ? { [values.maintenanceRecordId ? 'maintenanceRecordId' : 'contactRecordId']: clash } : {};
  },
  locked: (old) => (old && quoteEditBlocker(old) ? quoteFields() : []),
  deleteBlocker: (rec: BaseRecord) => quoteEditBlocker(rec),
};

/**
 * 联系记录 / 维护记录: pre-filled from the parent; a completed record is read-only (批复 is written by
 * its own action); the date may not place it before a completed record; the stage must belong to
 * the parent's sales mode; the amount follows the expected amount and rate.
 */
function sequentialRules(kind: 'contactRecords' | 'maintenanceRecords', field: string, parentCollection: string): EntityRules {
  const fields = () => SALES_ENTITIES.find((d) => d.key === kind)?.fields.map((f) => f.key) ?? [];
  return {
    defaults: (ctx, given) => {
      const parent = ctx.get(parentCollection, given[field]);
      return { ...(parent ? newRecordValues(parent, field, ctx.today) : { date: ctx.today, completed: false }), ownerId: ctx.userId };
    },
    prepare: (values) => ({ ...values, amount: withAmount(values).amount ?? undefined }),
    validate: (values, old, ctx) => {
      const parentId = String(values[field] ?? old?.[field] ?? '');
      const errors: Errors = {};
      if (old) {
        const changed = Object.keys(values).filter((k) => values[k] !== old[k]);
        const why = editBlocker(old, changed);
        if (why) errors[changed[0] ?? 'summary'] = why;
      }
      if (!old || values.date !== old.date) {
        const why = placementBlocker(recordsOf(ctx.live(kind), field, parentId), values.date, old?.id);
        if (why) errors.date = why;
      }
      const parent = ctx.get(parentCollection, parentId);
      const mismatch = stageModeMismatch({ modeId: parent?.modeId, stageId: values.stageId }, ctx.live('salesStages'));
      if (mismatch) errors.stageId = mismatch;
      return errors;
    },
    onEdit: (values, key, _old, ctx) => derivePipeline(values, key, ctx),
    locked: (old) => (old && isCompleted(old) ? fields() : [field, 'reply']),
  };
}

export const SALES_RULES: Record<string, EntityRules> = {
  contactRecords: sequentialRules('contactRecords', 'opportunityId', 'opportunities'),
  maintenanceRecords: sequentialRules('maintenanceRecords', 'projectId', 'projects'),
  opportunities: opportunityRules,
  projects: projectRules,
  activities: activityRules,
  leads: leadRules,
  quotes: quoteRules,
};
