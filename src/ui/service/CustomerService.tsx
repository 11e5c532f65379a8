import { Show, createMemo } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { Tabs } from '@kobalte/core/tabs';
import { currentStatus } from '../../domain/service';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { ToArticleButton, serviceRecordForm, useComplaintForm } from './common';
import { t } from '../i18n';

/** The customer page's service section: the customer's service records and complaints. */
export function CustomerService(props: { customerId: string }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const sform = serviceRecordForm();
  const cform = useComplaintForm();
  const mine = () => ({ field: 'customerId', id: props.customerId });
  const counts = createMemo(() => {
    const complaints = ctx.where('complaints', 'customerId', props.customerId);
    return {
      records: ctx.where('serviceRecords', 'customerId', props.customerId).length,
      complaints: complaints.length,
      open: complaints.filter((c) => currentStatus(c) !== 'closed').length,
    };
  });
  return (
    <Show when={ctx.can('service', 'read')}>
      <div class="card customer-service">
        <h2>{t('service.customerSection')}</h2>
        <Tabs class="tabs" defaultValue="records">
          <Tabs.List class="tab-list">
            <Tabs.Trigger class="tab" value="records">{t('nav.serviceRecords')} ({counts().records})</Tabs.Trigger>
            <Tabs.Trigger class="tab" value="complaints">
              {t('nav.complaints')} ({counts().complaints})
              <Show when={counts().open}><span class="svc-pill">{t('service.openComplaints', { n: counts().open })}</span></Show>
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content class="tab-panel" value="records">
            <RecordList entity="serviceRecords" embedded parent={mine()}
              defaults={{ customerId: props.customerId }}
              prepare={sform.prepare} validate={sform.validate} hooks={sform.hooks}
              actions={(selected) => <ToArticleButton selected={selected} />} />
          </Tabs.Content>
          <Tabs.Content class="tab-panel" value="complaints">
            <RecordList entity="complaints" embedded parent={mine()} defaults={{ customerId: props.customerId }}
              prepare={cform.prepare} validate={cform.validate} showField={cform.showField} hooks={cform.hooks}
              onOpen={(r) => navigate(`/w/${ctx.ws.id}/service/complaints/${r.id}`)} />
          </Tabs.Content>
        </Tabs>
      </div>
    </Show>
  );
}
