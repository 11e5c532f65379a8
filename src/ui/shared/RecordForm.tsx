import { For, Show, createMemo, createSignal } from 'solid-js';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { malformedFields, type Errors } from '../../domain/core/validate';
import { displayName, parentsOf, type FieldDef } from '../../domain/core/entity';
import { contextValue, nearMismatch } from '../../domain/core/pickers';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { findDuplicates } from '../../domain/customers/rules';
import { newRecordValues, ruleContext, rulesOf, saveRecord } from '../../store/core/records';
import { followDefaults, setValues as setOnly } from '../../domain/core/rules';
import { ColumnsDialog, defaultFormLayout, formLayoutKey, orderedKeys, useLayout } from './ColumnsDialog';
import { useWorkspace } from './context';
import { onCleanup } from 'solid-js';
import { setEditing } from '../sync/state';
import { RecordPresence } from '../sync/RecordPresence';
import { FieldInput } from './FieldInput';
import { Modal } from './Modal';
import { L, t } from '../i18n';

/**
 * Extra rules a page adds to the generic form, beyond the entity's own rules (domain/<module>/
 * rules.ts, which the form and the save path always apply): a record section's parent checks.
 */
export interface FormHooks {
  /** Derive values live after each edit (a stage's default rate, an amount); returns the new values. */
  onEdit?: (values: RecordValues, key: string, old?: BaseRecord) => RecordValues;
  /** Fields of this record that may not be typed into now, beyond the definition's readOnly. */
  locked?: (old?: BaseRecord) => readonly string[];
  onSaved?: (r: BaseRecord) => void;
}

/**
 * Add or edit one record of any entity, driven by its definition and its rules (defaults, live
 * derivation, locked fields; the save path applies prepare and validate); nothing is written while invalid.
 */
export function RecordForm(props: {
  entity: string; record?: BaseRecord; defaults?: RecordValues; onClose: () => void; onSaved?: (r: BaseRecord) => void;
  /** Warn about records with the same name or phone before creating (customers, contacts). */
  checkDuplicates?: boolean;
  /** Derive values before validation and saving (e.g. time spent from start and end). */
  prepare?: (values: RecordValues, old?: BaseRecord) => RecordValues;
  /** Checks beyond the entity definition (e.g. end not before start); nothing is saved while it returns errors. */
  validate?: (values: RecordValues, old?: BaseRecord) => Errors;
  /** Hide fields that do not apply to the values entered so far (e.g. the other complaint targets). */
  showField?: (f: FieldDef, values: RecordValues) => boolean;
  hooks?: FormHooks;
}) {
  const ctx = useWorkspace();
  // presence: others see that this record is being edited
  const presence = { entity: props.entity, id: props.record?.id };
  setEditing(presence.entity, presence.id, true);
  onCleanup(() => setEditing(presence.entity, presence.id, false));
  const def = () => ctx.def(props.entity);
  const readOnly = () => !ctx.can(def().module, 'write');
  const rules = rulesOf(props.entity);
  const rctx = () => ruleContext(ctx.ws, ctx.userId());
  // a new record starts from the entity's defaults for what the page leaves empty
  const fixed = setOnly(props.defaults ?? {});
  const initial: RecordValues = {};
  const start = props.record ?? newRecordValues(ctx.ws, props.entity, fixed, ctx.userId());
  for (const [k, v] of Object.entries(start)) if (!SYSTEM_FIELDS.has(k)) initial[k] = v;
  const [values, setValues] = createSignal<RecordValues>(initial);
  const [errors, setErrors] = createSignal<Errors>({});
  const [dupWarning, setDupWarning] = createSignal<string | null>(null);
  const locked = new Set([...(rules.locked?.(props.record, rctx()) ?? []), ...(props.hooks?.locked?.(props.record) ?? [])]);
  // fields the user chose; the others follow the defaults (a customer picked → its owner, SPEC B)
  const touched = new Set<string>();
  const follow = (prev: RecordValues, next: RecordValues): RecordValues =>
    (props.record ? next : followDefaults(rules, rctx(), fixed, touched, prev, next));
  const edit = (next: RecordValues, key: string): RecordValues => {
    let v = rules.onEdit ? rules.onEdit(next, key, props.record, rctx()) : next;
    if (props.hooks?.onEdit) v = props.hooks.onEdit(v, key, props.record);
    return v;
  };

  // form layout (表单布局, device-local like the list's columns): which fields, in which order;
  // a required field, or one holding a malformed value or an error, is never left off
  const [layout, saveLayout] = useLayout(ctx.ws.id, () => formLayoutKey(props.entity), () => defaultFormLayout(def()));
  const [arranging, setArranging] = createSignal(false);
  const bad = props.record ? malformedFields(def(), props.record) : {};
  const fields = createMemo(() => {
    const l = layout() ?? defaultFormLayout(def());
    const hidden = new Set(l.hidden);
    return orderedKeys(def(), l).map((k) => def().fields.find((f) => f.key === k)!)
      .filter((f) => !hidden.has(f.key) || f.required || f.key in bad || !!errors()[f.key])
      .filter((f) => !props.showField || props.showField(f, values()))
      // what the system writes (完成人, 已升迁…) has nothing to say on a new record until it is derived
      .filter((f) => !(f.readOnly && !props.record && isEmpty(values()[f.key])));
  });

  const changed = (): RecordValues => {
    if (!props.record) return values();
    const out: RecordValues = {};
    for (const [k, v] of Object.entries(values())) if (props.record[k] !== v) out[k] = v;
    for (const k of Object.keys(props.record)) if (!SYSTEM_FIELDS.has(k) && !(k in values())) out[k] = undefined;
    return out;
  };

  const [saving, setSaving] = createSignal(false);
  const [notStored, setNotStored] = createSignal<string | null>(null);
  const save = (force = false) => {
    if (readOnly() || saving()) return;
    if (!force && props.checkDuplicates && !dupWarning()) {
      // a contact's name repeats only within its customer (two customers may each have a 陈刚)
      const hits = findDuplicates(values(), ctx.live(props.entity), props.record?.id, undefined, parentsOf(def())[0]?.field);
      if (hits.length) {
        const h = hits[0];
        setDupWarning(t('form.duplicate', { name: String(h.record.name ?? ''), by: t(h.by === 'name' ? 'form.dupName' : 'form.dupPhone') }));
        return;
      }
    }
    if (props.prepare) setValues(props.prepare(values(), props.record));
    const extra = props.validate?.(values(), props.record) ?? {};
    if (Object.keys(extra).length) { setErrors(extra); return; }
    const res = saveRecord(ctx.ws, def(), changed(), props.record?.id, { userId: ctx.userId() });
    if (!res.ok) { setErrors(res.refusal.fields ?? {}); return; }
    // the form closes (and callers report success) only once IndexedDB holds the edit: a reload or
    // a killed browser right after "saved" must not lose it (usually a few milliseconds)
    setSaving(true);
    setNotStored(null);
    ctx.ws.flushed().then(() => {
      setSaving(false);
      props.onSaved?.(res.value);
      props.hooks?.onSaved?.(res.value);
      props.onClose();
    }, (e: unknown) => {
      // in the document (and sent to peers) but not on this device's disk: say so, keep the form
      setSaving(false);
      setNotStored(e instanceof Error ? e.message : String(e));
    });
  };

  // what a reference picker prefers (the customer's contacts, the mode's stages), and a warning
  // when the picked record belongs elsewhere (a contact of another customer): saving is still allowed
  const nearOf = (f: FieldDef) => (f.near ? { ...f.near, value: contextValue(def(), values(), f.near.field, ctx.get, f.key) } : undefined);
  const elsewhere = (f: FieldDef): string | null => {
    const near = nearOf(f);
    if (!near || near.only || !f.ref) return null;
    const refDef = ctx.def(f.ref);
    const picked = ctx.get(f.ref, values()[f.key]);
    const m = nearMismatch(refDef, picked, near.field, near.value);
    const owner = refDef.fields.find((x) => x.key === near.field);
    if (!m || !owner) return null;
    return t('form.notNear', { name: displayName(refDef, picked), theirs: ctx.display(owner, m.theirs), ours: ctx.display(owner, m.ours) });
  };

  const title = () => t(props.record ? 'form.editTitle' : 'form.newTitle', { entity: L(def().label) });
  return (
    <Modal open title={title()} onClose={props.onClose} wide sheet initialFocus={FIRST_FIELD}
      footer={<>
        <button class="btn" type="button" onClick={() => setArranging(true)}>{t('form.layout')}</button>
        <span class="grow" />
        <Show when={dupWarning()}><span class="warn">{dupWarning()}</span>
          <button class="btn" disabled={saving()} onClick={() => save(true)}>{t('common.saveAnyway')}</button></Show>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={readOnly() || saving()} onClick={() => save()}>{t('common.save')}</button>
      </>}>
      <Show when={props.record}>{(r) => <RecordPresence collection={props.entity} id={r().id} />}</Show>
      <Show when={readOnly()}><p class="notice">{t(ctx.ws.readOnly ? 'classView.readOnlyBanner' : 'common.readonly')}</p></Show>
      <Show when={Object.keys(errors()).length}><p class="error-banner" role="alert">{t('common.errorsFix')}</p></Show>
      <Show when={notStored()}>{(why) => <p class="error-banner" role="alert">{t('form.notStored', { reason: why() })}</p>}</Show>
      <Show when={fields().some((f) => f.required && !f.readOnly)}><p class="form-legend"><b class="req">*</b> {t('form.requiredLegend')}</p></Show>
      <form class="form-grid" onSubmit={(e) => { e.preventDefault(); save(); }}
        onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) save(); }}>
        <For each={fields()}>{(f) => (
          <Show when={!f.readOnly} fallback={<SystemField field={f} value={values()[f.key]} error={errors()[f.key]} />}>
          <label class={`field ${f.type === 'longtext' ? 'span2' : ''} ${errors()[f.key] ? 'has-error' : ''}`}>
            <span class="field-label">{L(f.label)}{f.required && <b class="req" aria-hidden="true">*</b>}</span>
            <FieldInput field={f} value={values()[f.key]} disabled={readOnly() || locked.has(f.key)} id={`f-${f.key}`} near={nearOf(f)} required={f.required}
              onChange={(v) => {
                const prev = values();
                touched.add(f.key);
                const next = { ...prev, [f.key]: v };
                setValues(edit(follow(prev, next), f.key));
                setDupWarning(null);
              }} />
            <Show when={elsewhere(f)}>{(w) => <span class="field-warn" role="status">⚠ {w()}</span>}</Show>
            <Show when={errors()[f.key]}><span class="field-error">{L(errors()[f.key])}</span></Show>
          </label>
          </Show>
        )}</For>
        <button type="submit" hidden />
      </form>
      <Show when={arranging()}>
        <ColumnsDialog form def={def()} layout={layout() ?? defaultFormLayout(def())} onSave={saveLayout} onClose={() => setArranging(false)} />
      </Show>
    </Modal>
  );
}

/** The first field a person fills in (system fields are text, not inputs). */
const FIRST_FIELD = '.form-grid :is(input, select, textarea):not([disabled]):not([type=hidden])';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * A field the system writes (derived on save or by a workflow: 机会金额, 完成人, 批复人, 已升迁):
 * its value as text, not an input — the form shows what a person fills in.
 */
function SystemField(props: { field: FieldDef; value: unknown; error?: { zh: string; en: string } }) {
  const ctx = useWorkspace();
  const f = () => props.field;
  return (
    <div class={`field system-field ${f().type === 'longtext' ? 'span2' : ''} ${props.error ? 'has-error' : ''}`} data-key={f().key}>
      <span class="field-label" id={`l-${f().key}`}>{L(f().label)}</span>
      <output id={`f-${f().key}`} class="field-text" aria-labelledby={`l-${f().key}`}>{ctx.display(f(), props.value) || '—'}</output>
      <Show when={props.error}>{(e) => <span class="field-error">{L(e())}</span>}</Show>
    </div>
  );
}
