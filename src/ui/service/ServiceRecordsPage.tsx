import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { ServiceGate, ToArticleButton, nowLocal, serviceRecordForm } from './common';
import { t } from '../i18n';

/** 服务记录 (精财 §3.4): every contact with a customer about a service, its time spent and outcome. */
export function ServiceRecordsPage() {
  const ctx = useWorkspace();
  const form = serviceRecordForm();
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.serviceRecords')}</h1>
      <ServiceGate>
        <RecordList entity="serviceRecords"
          defaults={{ handler: ctx.userId(), start: nowLocal() }}
          prepare={form.prepare} validate={form.validate} hooks={form.hooks}
          actions={(selected) => <ToArticleButton selected={selected} />} />
      </ServiceGate>
    </section>
  );
}
