import { For, createMemo, createSignal } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { assignedTo, currentStatus, waitingForRevisit } from '../../domain/service';
import { complaintStepsByComplaint } from '../../store/service/service';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { ServiceGate, useComplaintForm } from './common';
import { t, type MessageKey } from '../i18n';

type View = 'all' | 'mine' | 'revisit' | 'unassigned' | 'open';

const VIEWS: { key: View; label: MessageKey }[] = [
  { key: 'all', label: 'complaint.viewAll' },
  { key: 'mine', label: 'complaint.viewMine' },
  { key: 'revisit', label: 'complaint.viewRevisit' },
  { key: 'unassigned', label: 'complaint.viewUnassigned' },
  { key: 'open', label: 'complaint.viewOpen' },
];

/** 投诉处理: every complaint, and the to-do lists of handlers and supervisors. */
export function ComplaintsPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const initial = VIEWS.some((v) => v.key === params.view) ? (params.view as View) : 'all';
  const [view, setView] = createSignal<View>(initial);
  const form = useComplaintForm();

  // who assigned each complaint is in its steps (rows of complaintSteps)
  const steps = createMemo(() => { ctx.version('complaintSteps')(); return complaintStepsByComplaint(ctx.ws); });
  const predicates = (): Record<View, (r: BaseRecord) => boolean> => ({
    all: () => true,
    mine: assignedTo(ctx.userId()),
    revisit: waitingForRevisit(ctx.userId(), (c) => steps().get(String(c.id)) ?? []),
    unassigned: (r) => currentStatus(r) === 'recorded',
    open: (r) => currentStatus(r) !== 'closed',
  });
  const counts = createMemo(() => {
    const rows = ctx.live('complaints');
    const p = predicates();
    return Object.fromEntries(VIEWS.map((v) => [v.key, rows.filter(p[v.key]).length])) as Record<View, number>;
  });
  const choose = (v: View) => { setView(v); setParams({ view: v === 'all' ? undefined : v }, { replace: true }); };

  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.complaints')}</h1>
      <ServiceGate>
        <div class="svc-seg" role="group" aria-label={t('complaint.views')}>
          <For each={VIEWS}>{(v) => (
            <button class="svc-seg-btn" classList={{ active: view() === v.key, hot: v.key !== 'all' && v.key !== 'open' && counts()[v.key] > 0 }}
              aria-pressed={view() === v.key} onClick={() => choose(v.key)}>
              {t(v.label)} <b>{counts()[v.key]}</b>
            </button>
          )}</For>
        </div>
        <RecordList entity="complaints" filterBase={predicates()[view()]}
          prepare={form.prepare} validate={form.validate} showField={form.showField} hooks={form.hooks}
          onOpen={(r) => navigate(`/w/${ctx.ws.id}/service/complaints/${r.id}`)} />
      </ServiceGate>
    </section>
  );
}
