import { For, Show, createSignal } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { customerMustBecomeFormal } from '../../domain/sales';
import { promoteLeadToOpportunity, setLeadClosed } from '../../store/sales/ops';
import { defaultModeId, salesModes } from '../../store/sales/seed';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { report } from '../shared/refusal';
import { useNames } from './common';
import { lang, t } from '../i18n';

/** 意向: vague purchase intentions; one is promoted (升迁) to an opportunity. */
export function LeadsPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [promoting, setPromoting] = createSignal<BaseRecord | null>(null);
  const writable = () => ctx.can('sales', 'write');
  const one = (sel: () => BaseRecord[]) => (sel().length === 1 ? sel()[0] : null);
  const actions = (sel: () => BaseRecord[]) => (
    <>
      <button class="btn primary" disabled={!writable() || one(sel)?.status === 'promoted' || one(sel)?.status === 'closed' || !one(sel)}
        onClick={() => setPromoting(one(sel))}>{t('sales.promote')}</button>
      <button class="btn" disabled={!writable() || !one(sel) || one(sel)?.status === 'promoted'}
        onClick={() => report(setLeadClosed(ctx.ws, one(sel)!.id, one(sel)!.status !== 'closed'), t('common.saved'))}>
        {one(sel)?.status === 'closed' ? t('sales.reopenLead') : t('sales.closeLead')}</button>
      <button class="btn" disabled={!one(sel)?.opportunityId}
        onClick={() => navigate(`/w/${ctx.ws.id}/opportunities/${String(one(sel)!.opportunityId)}`)}>{t('sales.openOpportunity')}</button>
    </>
  );
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.leads')}</h1>
      <RecordList entity="leads" actions={actions}
        rowTone={(r) => (r.status === 'promoted' ? 'blue' : r.status === 'closed' ? 'gray' : undefined)} />
      <Show when={promoting()}>{(lead) => <PromoteDialog lead={lead()} onClose={() => setPromoting(null)}
        onDone={(id) => navigate(`/w/${ctx.ws.id}/opportunities/${id}`)} />}</Show>
    </section>
  );
}

/** Choose the sales mode and confirm; says so when the potential customer will become a formal one. */
export function PromoteDialog(props: { lead: BaseRecord; onClose: () => void; onDone: (oppId: string) => void }) {
  const ctx = useWorkspace();
  const names = useNames();
  const [mode, setMode] = createSignal(defaultModeId(ctx.ws) ?? '');
  const customer = () => ctx.get('customers', String(props.lead.customerId ?? ''));
  const contacts = () => ctx.live('contacts').filter((c) => c.customerId === props.lead.customerId).length;
  const go = () => {
    const res = promoteLeadToOpportunity(ctx.ws, props.lead.id, ctx.userId(), mode());
    if (report(res, t('sales.promoted'))) { props.onClose(); props.onDone(res.value); }
  };
  return (
    <Modal open title={t('sales.promote')} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" onClick={go}>{t('sales.promote')}</button>
      </>}>
      <p><b>{String(props.lead.subject ?? '')}</b> — {names.customer(props.lead.customerId)}</p>
      <label class="field">
        <span class="field-label">{t('sales.mode')}</span>
        <select id="promote-mode" value={mode()} onChange={(e) => setMode(e.currentTarget.value)}>
          <For each={salesModes(ctx.ws)}>{(m) => <option value={m.id}>{lang() === 'en' ? m.nameEn : m.name}</option>}</For>
        </select>
      </label>
      <Show when={customer() && customerMustBecomeFormal(customer()!)}>
        <p class="notice">{t('sales.becomesFormal', { n: contacts() })}</p>
      </Show>
    </Modal>
  );
}
