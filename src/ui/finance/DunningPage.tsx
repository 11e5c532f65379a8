import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { dunningState, type OverdueInstalment } from '../../domain/finance/accounts';
import { dateTime, money } from '../../domain/core/format';
import { dunningList } from '../../store/finance/reads';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { RecordForm } from '../shared/RecordForm';
import { Guard } from '../analysis/Guard';
import { lang, t } from '../i18n';
import { accountHref, today, useDues } from './common';

const LOG_SHOWN = 30;

/**
 * 催款提醒 (SPEC H): instalments past due and not fully paid, oldest first, with what was done
 * about each (times dunned, last time, the promised date); "记录催款" adds a log entry through the
 * entity's form (who, when, how, promised date); the latest entries are listed below.
 */
function Dunning() {
  const ctx = useWorkspace();
  const name = useTitles();
  const dues = useDues();
  const [mine, setMine] = createSignal(false);
  const [logging, setLogging] = createSignal<OverdueInstalment | null>(null);
  const logs = createMemo(() => ctx.live('dunningLogs'));
  const rows = createMemo(() => {
    const list = dunningList(dues(), today());
    return mine() ? list.filter((d) => d.ownerId === ctx.userId()) : list;
  });
  const state = (d: OverdueInstalment) => dunningState(logs(), d.orderId, d.instalmentId);
  const recent = createMemo(() => [...logs()].sort((a, b) => (Number(b.at) || 0) - (Number(a.at) || 0)).slice(0, LOG_SHOWN));
  const way = (v: unknown) => ctx.display({ key: 'way', type: 'dict', dict: 'dunningWay', label: { zh: '', en: '' } }, v);
  const base = `/w/${ctx.ws.id}`;
  return (
    <section class="page finance-page">
      <div class="page-head">
        <h1 class="page-title">{t('nav.dunning')}</h1>
        <span class="n-badge">{rows().length}</span>
        <span class="grow" />
        <label class="check"><input type="checkbox" checked={mine()} onChange={(e) => setMine(e.currentTarget.checked)} /> {t('finance.onlyMine')}</label>
      </div>
      <div class="card table-card">
        <table class="grid simple" data-testid="dunning-table">
          <thead><tr>
            <th>{t('finance.order')}</th><th>{t('finance.customer')}</th><th>{t('finance.rep')}</th><th>{t('finance.dueDate')}</th>
            <th class="num">{t('finance.dueAmount')}</th><th class="num">{t('finance.unpaid')}</th><th class="num">{t('finance.daysOverdue')}</th>
            <th class="num">{t('finance.dunned')}</th><th>{t('finance.lastDunned')}</th><th>{t('finance.promised')}</th><th />
          </tr></thead>
          <tbody>
            <For each={rows()} fallback={<tr><td colspan={11} class="muted">{t('finance.noOverdue')}</td></tr>}>{(d) => (
              <tr data-order={d.orderId}>
                <td><A href={accountHref(ctx.ws.id, d.orderId)}>{name('orders', d.orderId)}</A></td>
                <td><A href={`${base}/customers/${d.customerId ?? ''}`}>{name('customers', d.customerId)}</A></td>
                <td>{name('users', d.ownerId)}</td>
                <td>{d.dueDate}</td>
                <td class="num">{money(d.amount)}</td>
                <td class="num late"><b>{money(d.unpaid)}</b></td>
                <td class="num" classList={{ late: d.daysOverdue > 30 }}>{d.daysOverdue}</td>
                <td class="num">{state(d).count}</td>
                <td>{state(d).lastAt ? dateTime(state(d).lastAt, lang()) : '—'}</td>
                <td classList={{ late: !!state(d).promisedDate && state(d).promisedDate! < today() }}>{state(d).promisedDate ?? '—'}</td>
                <td><button class="btn small-btn" disabled={!ctx.can('finance', 'write')} onClick={() => setLogging(d)}>{t('finance.logDunning')}</button></td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <div class="card table-card">
        <h2>{t('finance.dunningLog')}</h2>
        <table class="grid simple" data-testid="dunning-log">
          <thead><tr><th>{t('finance.at')}</th><th>{t('finance.order')}</th><th>{t('finance.customer')}</th><th>{t('finance.by')}</th>
            <th>{t('finance.way')}</th><th>{t('finance.promised')}</th><th>{t('finance.note')}</th></tr></thead>
          <tbody>
            <For each={recent()} fallback={<tr><td colspan={7} class="muted">{t('finance.none')}</td></tr>}>{(l) => (
              <tr>
                <td>{dateTime(l.at, lang())}</td>
                <td><A href={accountHref(ctx.ws.id, String(l.orderId ?? ''))}>{name('orders', l.orderId)}</A></td>
                <td>{name('customers', l.customerId)}</td>
                <td>{name('users', l.by)}</td>
                <td>{way(l.way)}</td>
                <td>{String(l.promisedDate ?? '—')}</td>
                <td class="wrap">{String(l.note ?? '')}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <Show when={logging()}>{(d) => (
        <RecordForm entity="dunningLogs" defaults={{ orderId: d().orderId, instalmentId: d().instalmentId ?? undefined, customerId: d().customerId ?? undefined }}
          onClose={() => setLogging(null)} />
      )}</Show>
    </section>
  );
}

export function DunningPage() {
  return <Guard module="finance"><Dunning /></Guard>;
}
