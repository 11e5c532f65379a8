import { RecordList } from '../shared/RecordList';
import { ServiceGate, ToArticleButton } from './common';
import { t } from '../i18n';

/** 服务记录 (精财 §3.4): every contact with a customer about a service, its time spent and outcome. */
export function ServiceRecordsPage() {
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.serviceRecords')}</h1>
      <ServiceGate>
        <RecordList entity="serviceRecords"
          actions={(selected) => <ToArticleButton selected={selected} />} />
      </ServiceGate>
    </section>
  );
}
