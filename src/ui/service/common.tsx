import { Show, createSignal, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { FieldDef } from '../../domain/core/entity';
import { currentStatus } from '../../domain/service';
import { articleDraftFor, ensureRecordStep } from '../../store/service/service';
import type { Errors } from '../../domain/core/validate';
import type { ArticleDraft } from '../../domain/service';
import { RecordForm, type FormHooks } from '../shared/RecordForm';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { report } from '../shared/refusal';
import { L, lang, t } from '../i18n';

/** Now as the value of a datetime-local input (local time, minutes). */
export function nowLocal(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Form rules of a service record: none beyond the entity's own (domain/service/rules.ts: time
 * spent from start and end, end not before start, the customer's owner handles it), which the
 * form and the save path always apply. Kept so pages need not change.
 */
export function serviceRecordForm(): { prepare?: (v: RecordValues) => RecordValues; validate?: (v: RecordValues) => Errors; hooks: FormHooks } {
  return { hooks: {} };
}

const TARGET_FIELDS: Record<string, string> = { targetProduct: 'product', targetDepartment: 'department', targetPerson: 'person' };
const FLOW_FIELDS = new Set(['status', 'handlerId', 'result', 'revisitSatisfaction']);

/**
 * Form rules of a complaint: its first step on creation (the status, then the step's row once
 * saved), only the reference matching "about" shown. (A list's delete takes its steps along: the
 * generic cascade, store/core/cascade.ts.)
 */
export function useComplaintForm() {
  const ctx = useWorkspace();
  return {
    // prepare and validate are the entity's rules (domain/service/rules.ts), applied by the save path
    prepare: undefined as ((values: RecordValues, old?: BaseRecord) => RecordValues) | undefined,
    validate: undefined as ((values: RecordValues, old?: BaseRecord) => Errors) | undefined,
    hooks: { onSaved: (r: BaseRecord) => ensureRecordStep(ctx.ws, r) } satisfies FormHooks,
    showField: (f: FieldDef, values: RecordValues) => {
      if (f.key in TARGET_FIELDS) return values.targetKind === TARGET_FIELDS[f.key];
      // the flow's own fields mean nothing before the complaint is recorded
      if (FLOW_FIELDS.has(f.key)) return currentStatus(values) !== null;
      return true;
    },
  };
}

/** Shown instead of a page when the user's role may not read the service module. */
export function ServiceGate(props: { children: JSX.Element }) {
  const ctx = useWorkspace();
  return (
    <Show when={ctx.can('service', 'read')} fallback={<p class="notice">{t('service.noAccess')}</p>}>
      {props.children}
    </Show>
  );
}

/**
 * 转为知识库文章: a toolbar button acting on one selected service record. It opens the article
 * form filled from the record, so the title can be polished before saving.
 */
export function ToArticleButton(props: { selected: () => BaseRecord[] }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [draft, setDraft] = createSignal<ArticleDraft | null>(null);
  const one = () => (props.selected().length === 1 ? props.selected()[0] : undefined);
  const start = () => {
    const r = one();
    if (!r) return;
    const res = articleDraftFor(ctx.ws, r.id, lang());
    if (res.ok) setDraft(res.value);
    else if (res.refusal.recordId) {
      // already an article: say so and open it
      notify(L(res.refusal.message));
      navigate(`/w/${ctx.ws.id}/service/knowledge?article=${res.refusal.recordId}`);
    } else report(res);
  };
  return (
    <>
      <button class="btn" disabled={!one() || !ctx.can('service', 'write')} onClick={start}
        title={t('service.toArticleHint')}>{t('service.toArticle')}</button>
      <Show when={draft()}>{(d) => (
        <RecordForm entity="knowledgeArticles" defaults={{ ...d() } as RecordValues} onClose={() => setDraft(null)}
          onSaved={(a) => {
            notify(t('service.articleCreated', { title: String(a.title ?? '') }));
            navigate(`/w/${ctx.ws.id}/service/knowledge?article=${a.id}`);
          }} />
      )}</Show>
    </>
  );
}
