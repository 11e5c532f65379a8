import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { t } from '../i18n';
import { activityPath } from './common';

/** On a customer's page: the market activities it (or its contacts) took part in, newest first. */
export function CustomerParticipations(props: { customerId: string }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const rows = createMemo(() => ctx.where('activityParticipants', 'customerId', props.customerId)
    .slice().sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? ''))));
  const field = (k: string) => ctx.def('activityParticipants').fields.find((f) => f.key === k)!;
  return (
    <Show when={ctx.can('marketing', 'read') && rows().length}>
      <div class="card" data-testid="customer-participations">
        <h2>{t('marketing.customerParticipations')} <span class="n-badge">{rows().length}</span></h2>
        <div class="table-wrap">
          <table class="grid simple">
            <thead><tr>
              <th>{t('marketing.activity')}</th><th>{t('marketing.date')}</th><th>{t('marketing.contact')}</th>
              <th>{t('marketing.attendance')}</th><th>{t('marketing.feedback')}</th>
            </tr></thead>
            <tbody>
              <For each={rows()}>{(p) => (
                <tr>
                  <td><A href={`/w/${ctx.ws.id}/${activityPath(p.activityId)}`}>{title('marketActivities', p.activityId) || String(p.activityName ?? '—')}</A></td>
                  <td>{ctx.display(field('date'), p.date) || '—'}</td>
                  <td>{title('contacts', p.contactId) || '—'}</td>
                  <td>{ctx.display(field('status'), p.status) || '—'}</td>
                  <td>{String(p.feedback ?? '')}</td>
                </tr>
              )}</For>
            </tbody>
          </table>
        </div>
      </div>
    </Show>
  );
}
