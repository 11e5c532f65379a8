import { For, Show, createSignal, type JSX } from 'solid-js';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { asNumber } from '../../domain/core/numbers';
import { malformedFields } from '../../domain/core/validate';
import { statusColor, statusOf, projectStatusOf, type Outcome, type Violation } from '../../domain/sales';
import type { Errors } from '../../domain/core/validate';
import type { FormHooks } from '../shared/RecordForm';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { L, lang, t } from '../i18n';

/** Show a refusal as an error toast; true when the action went through. */
export function report<T>(res: Outcome<T>, done?: string): res is { ok: true; value: T } {
  if (!res.ok) notify(L(res.reason), 'error');
  else if (done) notify(done);
  return res.ok;
}

/** Money as 1,234.50; missing or malformed as "—". */
export function money(v: unknown): string {
  const n = asNumber(v);
  return n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A discount rate (0.85) as "0.85 (-15%)"; null as "—". */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const off = Math.round((1 - rate) * 10000) / 100;
  return off > 0 ? `${rate} (−${off}%)` : String(rate);
}

export function when(ms: unknown): string {
  const n = asNumber(ms);
  return n === null ? '—' : new Date(n).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB');
}

/** Name of a user (or '—'). */
export function useNames() {
  const ctx = useWorkspace();
  const of = (collection: string, id: unknown, field = 'name'): string => {
    if (typeof id !== 'string' || !id) return '—';
    const r = ctx.get(collection, id);
    return r ? String(r[field] ?? '') || '—' : '—';
  };
  return {
    user: (id: unknown) => of('users', id),
    customer: (id: unknown) => of('customers', id),
    product: (id: unknown) => of('products', id),
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

/** A status chip. */
export function Badge(props: { tone?: string; children: JSX.Element }) {
  return <span class="badge" data-tone={props.tone ?? 'plain'}>{props.children}</span>;
}

/** Warnings about stored data that breaks a rule (usually from a merge of offline edits); never auto-fixed. */
export function Violations(props: { list: Violation[]; title?: string }) {
  return (
    <Show when={props.list.length}>
      <div class="violations" role="alert">
        <b>⚠ {props.title ?? t('sales.violationsTitle')}</b>
        <ul><For each={props.list}>{(v) => <li data-code={v.code}>{L(v.message)}</li>}</For></ul>
        <p class="small">{t('sales.violationsHint')}</p>
      </div>
    </Show>
  );
}

/** Problems of malformed values inside a record (from a peer), as on the customer page. */
export function MalformedNotice(props: { entity: string; record: BaseRecord }) {
  const ctx = useWorkspace();
  const bad = () => malformedFields(ctx.def(props.entity), props.record);
  return (
    <Show when={Object.keys(bad()).length}>
      <div class="error-banner" role="alert">{t('common.malformedRecord')}
        <ul><For each={Object.values(bad())}>{(m) => <li>{L(m)}</li>}</For></ul></div>
    </Show>
  );
}

/** The fields of a record as a definition list. */
export function FieldsView(props: { entity: string; record: BaseRecord; skip?: string[] }) {
  const ctx = useWorkspace();
  const fields = () => ctx.def(props.entity).fields.filter((f) => !props.skip?.includes(f.key));
  return (
    <dl class="fields">
      <For each={fields()}>{(f) => (
        <div data-key={f.key}><dt>{L(f.label)}</dt><dd>{ctx.display(f, props.record[f.key]) || '—'}</dd></div>
      )}</For>
    </dl>
  );
}

/** Ask for a text (a comment, a summary) before an action; `required` refuses an empty one. */
export function TextPrompt(props: {
  title: string; label: string; required?: boolean; okLabel?: string; initial?: string; onOk: (text: string) => boolean | void; onClose: () => void;
}) {
  const [text, setText] = createSignal(props.initial ?? '');
  const [error, setError] = createSignal('');
  const ok = () => {
    if (props.required && !text().trim()) return setError(t('sales.textRequired'));
    if (props.onOk(text().trim()) !== false) props.onClose();
  };
  return (
    <Modal open title={props.title} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" onClick={ok}>{props.okLabel ?? t('common.confirm')}</button>
      </>}>
      <label class="field">
        <span class="field-label">{props.label}{props.required && <b class="req">*</b>}</span>
        <textarea id="prompt-text" rows={4} value={text()} onInput={(e) => { setText(e.currentTarget.value); setError(''); }} />
      </label>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
    </Modal>
  );
}

/** Confirm an action (a delete and what it takes with it). */
export function Confirm(props: { title: string; children: JSX.Element; okLabel?: string; danger?: boolean; onOk: () => void; onClose: () => void }) {
  return (
    <Modal open title={props.title} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn" classList={{ danger: props.danger, primary: !props.danger }} onClick={() => { props.onOk(); props.onClose(); }}>
          {props.okLabel ?? t('common.confirm')}</button>
      </>}>
      {props.children}
    </Modal>
  );
}

/** The last refusal shown on a page as a banner (it stays until the next action); successes as a toast. */
export function useRefusal() {
  const [refusal, setRefusal] = createSignal<Label | null>(null);
  const run = <T,>(res: Outcome<T>, done?: string): res is { ok: true; value: T } => {
    setRefusal(res.ok ? null : res.reason);
    if (res.ok && done) notify(done);
    return res.ok;
  };
  const Banner = () => (
    <Show when={refusal()}>
      <p class="error-banner refusal" role="alert">{L(refusal()!)}
        <button class="icon-btn" aria-label={t('common.close')} onClick={() => setRefusal(null)}>×</button></p>
    </Show>
  );
  return { run, Banner, clear: () => setRefusal(null) };
}
