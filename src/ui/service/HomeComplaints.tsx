import { Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { currentStatus, type ComplaintStatus } from '../../domain/service';
import { complaintStepsByComplaint } from '../../store/service/service';
import { useWorkspace } from '../shared/context';
import { MiniBars } from '../shared/MiniBars';
import { t } from '../i18n';

/** The open states in the order a complaint goes through them (closed ones are done). */
const OPEN: ComplaintStatus[] = ['recorded', 'assigned', 'handled', 'revisited'];
const STATUS_FIELD = { key: 'status', type: 'dict', dict: 'complaintStatus', label: { zh: '', en: '' } } as const;

/**
 * A manager's home card: the complaints not yet closed that the data scope shows, counted by where
 * they stand, as small bars; 待分配 opens the unassigned view of 投诉处理, the others its open view.
 */
export function HomeComplaints() {
  const ctx = useWorkspace();
  const base = `/w/${ctx.ws.id}`;
  const steps = createMemo(() => { ctx.version('complaintSteps')(); return complaintStepsByComplaint(ctx.ws); });
  const byStatus = createMemo(() => {
    const n = new Map<ComplaintStatus, number>();
    for (const c of ctx.visible('complaints')) {
      const s = currentStatus(c, steps().get(c.id) ?? []);
      if (s && s !== 'closed') n.set(s, (n.get(s) ?? 0) + 1);
    }
    return n;
  });
  const open = () => [...byStatus().values()].reduce((a, b) => a + b, 0);
  const items = () => OPEN.map((s) => ({
    key: s, label: ctx.display(STATUS_FIELD, s), value: byStatus().get(s) ?? 0,
    href: `${base}/service/complaints?view=${s === 'recorded' ? 'unassigned' : 'open'}`,
  }));
  return (
    <Show when={ctx.can('service', 'read')}>
      <div class="card home-card" data-testid="home-complaints">
        <h2><A href={`${base}/service/complaints?view=open`}>{t('complaint.homeOpen')}</A> <span class="n-badge">{open()}</span></h2>
        <MiniBars items={items()} label={t('complaint.homeByStatus')} empty={t('complaint.homeNone')} />
        <A class="more-link" href={`${base}/service/complaints?view=open`}>{t('complaint.homeToList')}</A>
      </div>
    </Show>
  );
}
