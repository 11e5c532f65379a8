import { For, Show, Suspense, createMemo, createResource, createSignal } from 'solid-js';
import { Tabs } from '@kobalte/core/tabs';
import { EDUCATION_DICTIONARY } from '../../domain/core/dictionaries';
import { ENTITIES } from '../../domain/registry';
import type { FieldType } from '../../domain/core/entity';
import {
  addDictionary, addDictOption, dictionaries, dictOptions, removeDictOption, setOptionLabel, type DictOptionRecord,
} from '../../store/core/dictionaries';
import { addCustomField, removeCustomField } from '../../store/core/custom-fields';
import { schemaVersion } from '../../store/core/migrations';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { L, lang, setLang, t, type MessageKey } from '../i18n';
import { useSearchParams } from '@solidjs/router';
import { ordered, useModules } from '../shared/module';

/** 系统设置: the tabs the modules declare (settings: dictionaries, custom fields, storage; sync: sync, system log; recovery). */
export function SettingsPage() {
  const [search, setSearch] = useSearchParams();
  const tabs = ordered(useModules(), 'settingsTabs');
  // the tab follows the address, so a link to another tab (the recovery warning's) switches to it
  return (
    <section class="page">
      <h1 class="page-title">{t('nav.settings')}</h1>
      <Tabs class="tabs" value={typeof search.tab === 'string' ? search.tab : tabs[0]?.key} onChange={(tab) => setSearch({ tab, point: undefined })}>
        <Tabs.List class="tab-list">
          <For each={tabs}>{(tab) => <Tabs.Trigger class="tab" value={tab.key}>{t(tab.label)}</Tabs.Trigger>}</For>
        </Tabs.List>
        <For each={tabs}>{(tab) => <Tabs.Content class="tab-panel" value={tab.key}>
          <Suspense fallback={<p class="loading">{t('common.loading')}</p>}><tab.component /></Suspense></Tabs.Content>}</For>
      </Tabs>
    </section>
  );
}

export function Dictionaries() {
  const ctx = useWorkspace();
  const list = createMemo(() => { ctx.version('dictionaries')(); return dictionaries(ctx.ws); });
  const [dict, setDict] = createSignal('customerCategory');
  const options = createMemo(() => ctx.live<DictOptionRecord>('dictOptions').filter((o) => o.dict === dict()));
  const tree = () => list().find((d) => d.dict === dict())?.tree === true;
  const editable = () => ctx.can('org', 'write');
  const [draft, setDraft] = createSignal({ code: '', zh: '', en: '', parent: '' });
  const [newDict, setNewDict] = createSignal('');
  const [error, setError] = createSignal('');
  const addOption = () => {
    const d = draft();
    const code = d.code.trim() || `o${Date.now().toString(36)}`;
    if (!d.zh.trim()) return setError(t('welcome.nameRequired'));
    if (!addDictOption(ctx.ws, dict(), { code, zh: d.zh.trim(), en: d.en.trim(), parent: d.parent })) return setError(t('settings.codeExists', { code }));
    setDraft({ code: '', zh: '', en: '', parent: '' });
    setError('');
  };
  const createDict = () => {
    const name = newDict().trim();
    if (!name) return;
    const key = `d${Date.now().toString(36)}`;
    addDictionary(ctx.ws, { dict: key, label: { zh: name, en: name }, options: [] });
    setDict(key);
    setNewDict('');
  };
  return (
    <div class="split">
      <ul class="side-list">
        <For each={list()}>{(d) => (
          <li><button class="tree-item" classList={{ active: d.dict === dict() }} onClick={() => setDict(d.dict)}>{L(d.label)}</button></li>
        )}</For>
      </ul>
      <div class="card grow">
        <table class="grid simple">
          <thead><tr><th>{t('settings.optionCode')}</th><th>{t('settings.optionZh')}</th><th>{t('settings.optionEn')}</th><Show when={tree()}><th>{t('settings.parent')}</th></Show><th /></tr></thead>
          <tbody>
            <For each={options()}>{(o) => (
              <tr>
                <td>{o.code}</td>
                <td><input value={o.label?.zh ?? ''} disabled={!editable()} onChange={(e) => setOptionLabel(ctx.ws, o.id, 'zh', e.currentTarget.value)} /></td>
                <td><input value={o.label?.en ?? ''} disabled={!editable()} onChange={(e) => setOptionLabel(ctx.ws, o.id, 'en', e.currentTarget.value)} /></td>
                <Show when={tree()}><td>{o.parent ? L(options().find((p) => p.code === o.parent)?.label) : ''}</td></Show>
                <td><button class="icon-btn" disabled={!editable()} aria-label={t('common.delete')} onClick={() => removeDictOption(ctx.ws, o.id)}>×</button></td>
              </tr>
            )}</For>
          </tbody>
        </table>
        <Show when={editable()}>
          <div class="row-inline">
            <input placeholder={t('settings.optionCode')} value={draft().code} onInput={(e) => setDraft({ ...draft(), code: e.currentTarget.value })} />
            <input placeholder={t('settings.optionZh')} aria-label={t('settings.optionZh')} value={draft().zh} onInput={(e) => setDraft({ ...draft(), zh: e.currentTarget.value })} />
            <input placeholder={t('settings.optionEn')} value={draft().en} onInput={(e) => setDraft({ ...draft(), en: e.currentTarget.value })} />
            <Show when={tree()}>
              <select aria-label={t('settings.parent')} value={draft().parent} onChange={(e) => setDraft({ ...draft(), parent: e.currentTarget.value })}>
                <option value="">{t('common.none')}</option>
                <For each={dictOptions(ctx.ws, dict())}>{(o) => <option value={o.code}>{L(o.label)}</option>}</For>
              </select>
            </Show>
            <button class="btn" onClick={addOption}>+ {t('settings.addOption')}</button>
          </div>
          <Show when={error()}><p class="field-error">{error()}</p></Show>
          <hr />
          <div class="row-inline">
            <input placeholder={t('settings.dictName')} aria-label={t('settings.dictName')} value={newDict()} onInput={(e) => setNewDict(e.currentTarget.value)} />
            <button class="btn" onClick={createDict}>+ {t('settings.newDict')}</button>
            <Show when={!list().some((d) => d.dict === 'education')}>
              <button class="btn" onClick={() => { addDictionary(ctx.ws, EDUCATION_DICTIONARY); setDict('education'); }}>{t('settings.addEducation')}</button>
            </Show>
          </div>
        </Show>
      </div>
    </div>
  );
}

const CUSTOM_TYPES: FieldType[] = ['text', 'number', 'date', 'bool', 'dict'];

export function CustomFields() {
  const ctx = useWorkspace();
  const fields = createMemo(() => ctx.live('customFields'));
  const dicts = createMemo(() => { ctx.version('dictionaries')(); return dictionaries(ctx.ws); });
  const [draft, setDraft] = createSignal({ entity: 'customers', zh: '', en: '', type: 'text' as FieldType, dict: '' });
  const [error, setError] = createSignal('');
  const add = () => {
    const d = draft();
    if (!d.zh.trim()) return setError(t('welcome.nameRequired'));
    if (d.type === 'dict' && !d.dict) return setError(`${t('settings.cfDict')}: ${t('common.required')}`);
    addCustomField(ctx.ws, { ...d, zh: d.zh.trim(), en: d.en.trim() });
    notify(t('settings.cfAdded', { name: d.zh.trim() }));
    setDraft({ ...d, zh: '', en: '' });
    setError('');
  };
  return (
    <div class="card">
      <table class="grid simple">
        <thead><tr><th>{t('settings.cfEntity')}</th><th>{t('settings.cfLabelZh')}</th><th>{t('settings.cfLabelEn')}</th><th>{t('settings.cfType')}</th><th /></tr></thead>
        <tbody>
          <For each={fields()}>{(f) => (
            <tr><td>{L(ENTITIES[String(f.entity)]?.label)}</td><td>{String((f.label as { zh?: string })?.zh ?? '')}</td>
              <td>{String((f.label as { en?: string })?.en ?? '')}</td><td>{t(`type.${String(f.type)}` as MessageKey)}</td>
              <td><button class="icon-btn" disabled={!ctx.can('org', 'write')} aria-label={t('common.delete')} onClick={() => removeCustomField(ctx.ws, f.id)}>×</button></td></tr>
          )}</For>
        </tbody>
      </table>
      <Show when={ctx.can('org', 'write')}>
        <div class="row-inline wrap">
          <select aria-label={t('settings.cfEntity')} value={draft().entity} onChange={(e) => setDraft({ ...draft(), entity: e.currentTarget.value })}>
            <For each={Object.values(ENTITIES).filter((d) => d.module !== 'org' && !d.embedded)}>{(d) => <option value={d.key}>{L(d.label)}</option>}</For>
          </select>
          <input placeholder={t('settings.cfLabelZh')} aria-label={t('settings.cfLabelZh')} value={draft().zh} onInput={(e) => setDraft({ ...draft(), zh: e.currentTarget.value })} />
          <input placeholder={t('settings.cfLabelEn')} aria-label={t('settings.cfLabelEn')} value={draft().en} onInput={(e) => setDraft({ ...draft(), en: e.currentTarget.value })} />
          <select aria-label={t('settings.cfType')} value={draft().type} onChange={(e) => setDraft({ ...draft(), type: e.currentTarget.value as FieldType })}>
            <For each={CUSTOM_TYPES}>{(ty) => <option value={ty}>{t(`type.${ty}` as MessageKey)}</option>}</For>
          </select>
          <Show when={draft().type === 'dict'}>
            <select aria-label={t('settings.cfDict')} value={draft().dict} onChange={(e) => setDraft({ ...draft(), dict: e.currentTarget.value })}>
              <option value="">{t('form.pick')}</option>
              <For each={dicts()}>{(d) => <option value={d.dict}>{L(d.label)}</option>}</For>
            </select>
          </Show>
          <button class="btn primary" onClick={add}>+ {t('settings.cfAdd')}</button>
        </div>
        <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      </Show>
    </div>
  );
}

function formatBytes(n: number): string {
  return n > 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`;
}

export function Storage() {
  const ctx = useWorkspace();
  const [info, { refetch }] = createResource(async () => {
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    const est = (await navigator.storage?.estimate?.()) ?? {};
    return { persisted, used: est.usage ?? 0, quota: est.quota ?? 0 };
  });
  const request = async () => { await navigator.storage?.persist?.(); refetch(); };
  return (
    <div class="card">
      <Show when={info()}>{(i) => (
        <>
          <p class={i().persisted ? 'ok-banner' : 'warn'}>{t(i().persisted ? 'settings.persisted' : 'settings.notPersisted')}</p>
          <Show when={!i().persisted}><button class="btn" onClick={request}>{t('settings.requestPersist')}</button></Show>
          <p>{t('settings.usage', { used: formatBytes(i().used), quota: formatBytes(i().quota) })}</p>
          <div class="meter"><div style={{ width: `${Math.min(100, (i().used / Math.max(1, i().quota)) * 100)}%` }} /></div>
        </>
      )}</Show>
      <p class="muted">{t('settings.schema')}: {schemaVersion(ctx.ws.doc)}</p>
      <p>{t('settings.language')}:{' '}
        <select value={lang()} onChange={(e) => {
          const select = e.currentTarget;
          setLang(select.value as 'zh' | 'en').catch(() => { select.value = lang(); notify(t('common.langFailed'), 'error'); });
        }}>
          <option value="zh">{t('settings.langZh')}</option><option value="en">{t('settings.langEn')}</option>
        </select></p>
    </div>
  );
}
