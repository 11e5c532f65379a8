import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { Tabs } from '@kobalte/core/tabs';
import type { BaseRecord } from '../../domain/core/record';
import { activityResult, type ActivityResult } from '../../domain/marketing/results';
import { money, num, pct } from '../../domain/core/format';
import { refreshParticipantTitles } from '../../store/marketing/marketing';
import { RecordForm } from '../shared/RecordForm';
import { RecordList } from '../shared/RecordList';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { RecordPresence } from '../sync/RecordPresence';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge, FieldsView, WhyDisabled, readOnlyWhy } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Guard } from '../analysis/Guard';
import { DrillDialog, type DrillEntity, type DrillSpec } from '../analysis/Drill';
import { PromoteDialog } from '../sales/LeadsPage';
import { localToday } from '../analysis/filters';
import { t, type MessageKey } from '../i18n';
import { ApprovalPanel, PHASE_TONE } from '../approvals/ApprovalPanel';
import { ParticipantPicker } from './ParticipantPicker';
import { activityTone, useResultIndex } from './common';
import './marketing.css';

/**
 * 市场活动 page: its fields; its results (leads, opportunities, won amount, cost, cost per lead,
 * ROI, conversion — each figure opens its records); the budget's approval on the engine (submit,
 * decide, withdraw, history: ApprovalPanel); participants, leads, expenses, tracking notes and tasks as tabs. "Create a lead from this activity" opens the lead form with the activity set.
 */
function Activity() {
  const ctx = useWorkspace();
  const params = useParams();
  const navigate = useNavigate();
  const title = useTitles();
  const page = useRecordPage('marketActivities', () => params.id!);
  const index = useResultIndex();
  const result = createMemo(() => (page.record() ? activityResult(page.record()!, index()) : undefined));
  const [editing, setEditing] = createSignal(false);
  const [form, setForm] = createSignal<{ entity: string; defaults: Record<string, unknown> } | null>(null);
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const writable = () => ctx.can('marketing', 'write');
  const base = `/w/${ctx.ws.id}`;
  return (
    <section class="page mkt-page">
      <RecordPageGate page={page}>
        {(a) => (
          <>
            <div class="page-head wrap">
              <A href={`${base}/marketing/activities`} end class="btn ghost">← {t('common.back')}</A>
              <h1 class="page-title" data-tone={activityTone(a())}>{title('marketActivities', a())}</h1>
              <Badge tone={activityTone(a())}>{ctx.display(ctx.def('marketActivities').fields.find((f) => f.key === 'status')!, a().status) || '—'}</Badge>
              {/* the budget's approval in the head too: on a phone the panel is far below */}
              <span data-testid="budget-approval"><Badge tone={PHASE_TONE[String(a().approvalStatus ?? 'draft')]}>
                {t('marketing.budgetApproval')} · {ctx.display(ctx.def('marketActivities').fields.find((f) => f.key === 'approvalStatus')!, a().approvalStatus ?? 'draft') || '—'}
              </Badge></span>
              <span class="grow" />
              <RecordPresence collection="marketActivities" id={params.id!} />
              <div class="head-actions">
                <button class="btn primary" disabled={!ctx.can('sales', 'write')} data-testid="lead-from-activity"
                  onClick={() => setForm({ entity: 'leads', defaults: { activityId: a().id, date: localToday(), source: undefined } })}>{t('marketing.newLead')}</button>
                <button class="btn" disabled={!writable()} onClick={() => setEditing(true)}>{t('common.edit')}</button>
                <WhyDisabled reasons={[(!writable() || !ctx.can('sales', 'write')) && readOnlyWhy(ctx.ws)]} />
              </div>
            </div>
            <ConflictNotice collection="marketActivities" id={params.id!} writable={writable()} />
            <div class="mkt-top">
              <div class="card">
                <h2>{t('marketing.basicInfo')}</h2>
                <FieldsView entity="marketActivities" record={a()} skip={['description']} />
                <Show when={a().description}><p class="muted pre">{String(a().description)}</p></Show>
              </div>
              <Show when={result()}>{(r) => <Results result={r()} name={title('marketActivities', a())} onDrill={setDrill} />}</Show>
            </div>
            <div class="mkt-approval"><ApprovalPanel entity="marketActivities" doc={a()} canSubmit={writable()} title={t('marketing.budgetApproval')} /></div>
            <Tabs class="tabs mkt-tabs" defaultValue="participants">
              <Tabs.List class="tab-list">
                <Tabs.Trigger class="tab" value="participants">{t('marketing.participants')}</Tabs.Trigger>
                <Tabs.Trigger class="tab" value="leads">{t('marketing.leads')} <span class="n-badge">{result()?.leadIds.length ?? 0}</span></Tabs.Trigger>
                <Tabs.Trigger class="tab" value="expenses">{t('marketing.expenses')} <span class="n-badge">{result()?.expenseIds.length ?? 0}</span></Tabs.Trigger>
                <Tabs.Trigger class="tab" value="tracking">{t('marketing.tracking')}</Tabs.Trigger>
                <Tabs.Trigger class="tab" value="tasks">{t('marketing.tasks')}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content class="tab-panel" value="participants"><Participants activity={a()} /></Tabs.Content>
              <Tabs.Content class="tab-panel" value="leads"><Leads activityId={a().id} /></Tabs.Content>
              <Tabs.Content class="tab-panel" value="expenses">
                <p class="muted small">{t('marketing.expensesNote')}</p>
                <RecordList entity="expenses" embedded filterBase={(r) => r.marketActivityId === a().id} defaults={{ marketActivityId: a().id, kind: 'market' }} />
              </Tabs.Content>
              <Tabs.Content class="tab-panel" value="tracking">
                <RecordList entity="marketTracking" embedded filterBase={(r) => r.activityId === a().id} defaults={{ activityId: a().id }} />
              </Tabs.Content>
              <Tabs.Content class="tab-panel" value="tasks">
                <RecordList entity="marketTasks" embedded filterBase={(r) => r.activityId === a().id} defaults={{ activityId: a().id }}
                  onOpen={(r) => navigate(`${base}/marketing/tasks/${r.id}`)} />
              </Tabs.Content>
            </Tabs>
            <RecordHistory collection="marketActivities" id={params.id!} />
            <Show when={editing()}>
              <RecordForm entity="marketActivities" record={a()} onClose={() => setEditing(false)}
                onSaved={(r) => refreshParticipantTitles(ctx.ws, r.id, ctx.userId())} />
            </Show>
            <Show when={form()}>{(f) => <RecordForm entity={f().entity} defaults={f().defaults} onClose={() => setForm(null)} />}</Show>
            <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
          </>
        )}
      </RecordPageGate>
    </section>
  );
}

/** The results card: every figure a button opening its records (the ROI and cost per lead open the expenses they divide). */
function Results(props: { result: ActivityResult; name: string; onDrill: (d: DrillSpec) => void }) {
  const r = () => props.result;
  const open = (entity: DrillEntity, ids: string[], label: MessageKey, figure: string) =>
    props.onDrill({ title: `${props.name} · ${t(label)}`, entity, ids, figure });
  const costNote = () => (r().costSource === 'expenses' ? t('marketing.costFromExpenses', { n: r().expenseIds.length })
    : r().costSource === 'manual' ? t('marketing.costManual') : t('marketing.costNone'));
  const Fig = (p: { label: MessageKey; value: string; entity: DrillEntity; ids: string[]; testid: string; note?: JSX.Element }) => (
    <button class="mkt-fig" data-testid={p.testid} onClick={() => open(p.entity, p.ids, p.label, p.value)}>
      <span>{t(p.label)}</span><b>{p.value}</b>{p.note}
    </button>
  );
  return (
    <div class="card mkt-results" data-testid="activity-results">
      <h2>{t('marketing.results')}</h2>
      <div class="mkt-figs">
        <Fig label="marketing.budget" value={money(r().budget, 0)} entity="expenses" ids={r().expenseIds} testid="fig-budget" />
        <Fig label="marketing.actualCost" value={r().costSource === 'none' ? '—' : money(r().actualCost, 0)} entity="expenses" ids={r().expenseIds} testid="fig-cost"
          note={<small class="muted" data-testid="cost-source">{costNote()}</small>} />
        <Fig label="marketing.leads" value={num(r().leadIds.length)} entity="leads" ids={r().leadIds} testid="fig-leads" />
        <Fig label="marketing.opportunities" value={num(r().opportunityIds.length)} entity="opportunities" ids={r().opportunityIds} testid="fig-opps" />
        <Fig label="marketing.won" value={num(r().wonIds.length)} entity="opportunities" ids={r().wonIds} testid="fig-won" />
        <Fig label="marketing.wonAmount" value={money(r().wonAmount, 0)} entity="opportunities" ids={r().wonIds} testid="fig-won-amount" />
        <Fig label="marketing.costPerLead" value={money(r().costPerLead, 0)} entity="leads" ids={r().leadIds} testid="fig-cpl" />
        <Fig label="marketing.roi" value={pct(r().roi)} entity="opportunities" ids={r().wonIds} testid="fig-roi" />
      </div>
      <p class="muted small" data-testid="conversion">{t('marketing.conversionLine', { a: pct(r().leadToOpp), b: pct(r().oppToWon), c: pct(r().leadToWon) })}</p>
      <p class="muted small">{t('marketing.roiFormula')}</p>
    </div>
  );
}

const STATUS_KEYS = ['invited', 'attended', 'noShow'] as const;

/** Participants: counts by attendance, "add" from the customer/contact picker (several at once); status and feedback edited in the row's form. */
function Participants(props: { activity: BaseRecord }) {
  const ctx = useWorkspace();
  const [picking, setPicking] = createSignal(false);
  const rows = createMemo(() => ctx.where('activityParticipants', 'activityId', props.activity.id));
  const count = (s: string) => rows().filter((p) => p.status === s).length;
  return (
    <>
      <div class="row-inline mkt-part-head">
        <button class="btn primary" disabled={!ctx.can('marketing', 'write')} onClick={() => setPicking(true)} data-testid="add-participants">{t('marketing.addParticipants')}</button>
        <WhyDisabled reasons={[!ctx.can('marketing', 'write') && readOnlyWhy(ctx.ws)]} />
        <span class="muted small" data-testid="participant-counts">
          <For each={STATUS_KEYS}>{(s, i) => <>{i() ? ' · ' : ''}{t(`marketing.part.${s}` as MessageKey)} {count(s)}</>}</For>
        </span>
      </div>
      <RecordList entity="activityParticipants" embedded addable={false} filterBase={(r) => r.activityId === props.activity.id} defaults={{ activityId: props.activity.id }} />
      <Show when={picking()}><ParticipantPicker activityId={props.activity.id} onClose={() => setPicking(false)} /></Show>
    </>
  );
}

/** Leads from the activity, with 升迁 (promote to an opportunity) on the selected one. */
function Leads(props: { activityId: string }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [promoting, setPromoting] = createSignal<BaseRecord | null>(null);
  const one = (sel: () => BaseRecord[]) => (sel().length === 1 ? sel()[0] : null);
  // why 升迁 cannot be used on the chosen lead, in words (a disabled button says nothing on a touch
  // screen); with nothing chosen it waits like the list's 编辑 and 删除, without a line of its own
  const promoteWhy = (lead: BaseRecord | null): string | null => {
    if (!ctx.can('sales', 'write')) return readOnlyWhy(ctx.ws);
    if (lead?.status === 'promoted') return t('marketing.promoteDone');
    return lead?.status === 'closed' ? t('marketing.promoteClosed') : null;
  };
  return (
    <>
      <RecordList entity="leads" embedded filterBase={(r) => r.activityId === props.activityId} defaults={{ activityId: props.activityId }}
        rowTone={(r) => (r.status === 'promoted' ? 'blue' : r.status === 'closed' ? 'gray' : undefined)}
        actions={(sel) => (
          <>
            <button class="btn" disabled={!one(sel) || !!promoteWhy(one(sel))} onClick={() => setPromoting(one(sel))}>{t('sales.promote')}</button>
            <WhyDisabled reasons={[promoteWhy(one(sel))]} />
          </>
        )} />
      <Show when={promoting()}>{(lead) => <PromoteDialog lead={lead()} onClose={() => setPromoting(null)}
        onDone={(id) => navigate(`/w/${ctx.ws.id}/opportunities/${id}`)} />}</Show>
    </>
  );
}

export function ActivityPage() {
  return <Guard module="marketing"><Activity /></Guard>;
}
