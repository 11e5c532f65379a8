import { For, Show, createMemo, createSignal } from 'solid-js';
import { systemLog, type HistoryItem } from '../../store/sync/history';
import { ENTITIES, ALL_COLLECTIONS } from '../../domain/registry';
import { fieldLabel, titleText } from '../../domain/core/history-format';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { dateTime } from '../../domain/core/format';
import { L, lang, t, type MessageKey } from '../i18n';
import { plainText } from './state';
import { useHistory, useNameEnv } from './history-ui';
import './sync.css';

/** 系统日志: every change and system event of the workspace, newest first, with who and when. */
export function SystemLog() {
  const ctx = useWorkspace();
  const { log, version } = useHistory(ctx.ws);
  const [limit, setLimit] = createSignal(200);
  const [who, setWho] = createSignal('');
  const items = createMemo(() => {
    version();
    for (const c of ALL_COLLECTIONS) ctx.version(c)();
    return systemLog(ctx.ws, log, ALL_COLLECTIONS, 5000);
  });
  const users = createMemo(() => ctx.live('users'));
  const titleOf = useTitles();
  const env = useNameEnv();
  const userName = (id: string) => titleOf('users', id) || id || '?';
  const filtered = createMemo(() => (who() ? items().filter((i) => i.by === who()) : items()));
  const what = (it: HistoryItem): string => {
    if (it.kind === 'sys') return t(`log.event.${it.event}` as MessageKey, Object.fromEntries(Object.entries(it.params ?? {}).map(([k, v]) => [k, k === 'exportedAt' ? dateTime(Number(v), lang(), { seconds: true }) : plainText(v)])));
    const def = ENTITIES[it.collection] ? ctx.def(it.collection) : undefined;
    const entity = L(def?.label) || it.collection;
    // named by the entity's naming rule (a line by its quote and product, a step by its action), never by id
    const rec = def ? ctx.get(it.collection, it.recordId) : undefined;
    const title = (rec ? titleText(def, rec, env()) : '') || it.name || t('history.missing', { what: entity });
    if (it.kind === 'create') return t('log.created', { entity, title });
    if (it.kind === 'purge') return t('log.purged', { entity, title });
    const deleted = it.changes.find((c) => c.field === 'deleted');
    if (deleted && it.changes.length === 1) return t(deleted.value === true ? 'log.binned' : 'log.restored', { entity, title });
    return t('log.updated', { entity, title, fields: it.changes.map((c) => (c.field === 'deleted' ? t('history.binField') : fieldLabel(def, c.field, lang()))).join(lang() === 'zh' ? '、' : ', ') });
  };
  return (
    <div class="card system-log">
      <div class="row-inline">
        <label>{t('log.byUser')}{' '}
          <select value={who()} onChange={(e) => setWho(e.currentTarget.value)}>
            <option value="">{t('common.all')}</option>
            <For each={users()}>{(u) => <option value={u.id}>{plainText(u.name)}</option>}</For>
          </select></label>
        <span class="muted">{t('log.count', { n: filtered().length })}</span>
        <Show when={log.invalidCount()}><span class="warn">{t('log.invalid', { n: log.invalidCount() })}</span></Show>
      </div>
      <table class="sync-table">
        <thead><tr><th>{t('log.when')}</th><th>{t('log.who')}</th><th>{t('log.what')}</th></tr></thead>
        <tbody>
          <For each={filtered().slice(0, limit())}>{(it) => (
            <tr><td class="muted">{dateTime(it.at, lang(), { seconds: true })}</td><td>{userName(it.by)}</td><td>{what(it)}</td></tr>
          )}</For>
        </tbody>
      </table>
      <Show when={filtered().length > limit()}><button class="btn ghost" onClick={() => setLimit(limit() + 500)}>{t('log.more')}</button></Show>
    </div>
  );
}
