import { RecordList } from '../shared/RecordList';
import { t } from '../i18n';

/** 系统设置 · 审批规则: approval rules as data, edited like any list. */
export function ApprovalRulesTab() {
  return (
    <div class="approval-rules">
      <p class="muted small">{t('approvals.rulesHint')}</p>
      <RecordList entity="approvalRules" />
    </div>
  );
}
