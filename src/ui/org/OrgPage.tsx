import { For, Show, createMemo, createSignal } from 'solid-js';
import { Tabs } from '@kobalte/core/tabs';
import { MODULES, PERMISSIONS, permField, permissionOf, type Permission, type RoleLike } from '../../domain/org/modules';
import { RecordList } from '../shared/RecordList';
import { RecordForm } from '../shared/RecordForm';
import { DictSelect } from '../shared/FieldInput';
import { useWorkspace } from '../shared/context';
import { addRole, editRole } from '../../store/org/roles';
import { report } from '../shared/refusal';
import { L, lang, t, type MessageKey } from '../i18n';
import { displayName } from '../../domain/core/entity';

/** 企业基础设置: company info, departments, roles with per-module permissions, users. */
export function OrgPage() {
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.org')}</h1>
      <Tabs class="tabs" defaultValue="company">
        <Tabs.List class="tab-list">
          <Tabs.Trigger class="tab" value="company">{t('org.company')}</Tabs.Trigger>
          <Tabs.Trigger class="tab" value="departments">{t('org.departments')}</Tabs.Trigger>
          <Tabs.Trigger class="tab" value="roles">{t('org.roles')}</Tabs.Trigger>
          <Tabs.Trigger class="tab" value="users">{t('org.users')}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content class="tab-panel" value="company"><CompanyInfo /></Tabs.Content>
        <Tabs.Content class="tab-panel fill" value="departments">
          <div class="split fill"><DepartmentTree /><RecordList entity="departments" embedded /></div>
        </Tabs.Content>
        <Tabs.Content class="tab-panel" value="roles"><RoleMatrix /></Tabs.Content>
        <Tabs.Content class="tab-panel fill" value="users"><RecordList entity="users" embedded checkDuplicates /></Tabs.Content>
      </Tabs>
    </section>
  );
}

function CompanyInfo() {
  const ctx = useWorkspace();
  const company = createMemo(() => ctx.get('company', 'company'));
  const [editing, setEditing] = createSignal(false);
  return (
    <div class="card">
      <dl class="fields">
        <For each={ctx.def('company').fields}>{(f) => <div><dt>{L(f.label)}</dt><dd>{ctx.display(f, company()?.[f.key]) || '—'}</dd></div>}</For>
      </dl>
      <button class="btn primary" disabled={!ctx.can('org', 'write')} onClick={() => setEditing(true)}>{t('common.edit')}</button>
      <Show when={editing()}>
        <RecordForm entity="company" record={company()} onClose={() => setEditing(false)} />
      </Show>
    </div>
  );
}

/** Each role a row, each module a column; a change writes that one module's field only. */
function RoleMatrix() {
  const ctx = useWorkspace();
  const roles = createMemo(() => ctx.live('roles'));
  const editable = () => ctx.can('org', 'write');
  const [newName, setNewName] = createSignal('');
  const set = (id: string, patch: Record<string, unknown>) => report(editRole(ctx.ws, id, patch, ctx.userId()));
  const add = () => {
    if (newName().trim() && report(addRole(ctx.ws, newName().trim(), ctx.userId()))) setNewName('');
  };
  return (
    <div class="card scroll-x">
      <table class="grid simple matrix">
        <thead><tr><th>{t('org.roleName')}</th><th>{t('org.scope')}</th>
          <For each={MODULES}>{(m) => <th>{L(m.label)}</th>}</For></tr></thead>
        <tbody>
          <For each={roles()}>{(r) => (
            <tr>
              <td><b>{displayName(ctx.def('roles'), r, lang()) || String(r.name ?? '')}</b></td>
              <td><DictSelect dict="dataScope" value={String(r.scope ?? '')} disabled={!editable() || r.admin === true} onChange={(v) => set(r.id, { scope: v })} /></td>
              <For each={MODULES}>{(m) => (
                <td><select aria-label={`${String(r.name)} ${L(m.label)}`} value={permissionOf(r as RoleLike, m.key)} disabled={!editable() || r.admin === true}
                  onChange={(e) => set(r.id, { [permField(m.key)]: e.currentTarget.value as Permission })}>
                  <For each={PERMISSIONS}>{(p) => <option value={p}>{t(`org.perm.${p}` as MessageKey)}</option>}</For>
                </select></td>
              )}</For>
            </tr>
          )}</For>
        </tbody>
      </table>
      <Show when={editable()}>
        <div class="row-inline">
          <input placeholder={t('org.roleName')} aria-label={t('org.roleName')} value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} />
          <button class="btn" onClick={add}>+ {t('org.newRole')}</button>
        </div>
      </Show>
    </div>
  );
}

/** The department tree (部门), drawn from each department's parent. */
function DepartmentTree() {
  const ctx = useWorkspace();
  const depts = createMemo(() => ctx.live('departments'));
  const children = (parent?: string) => depts().filter((d) => (typeof d.parentId === 'string' && d.parentId ? d.parentId : undefined) === parent
    || (parent === undefined && typeof d.parentId === 'string' && !depts().some((p) => p.id === d.parentId)));
  const staff = (id: string) => ctx.live('users').filter((u) => u.departmentId === id).length;
  const Node = (p: { id: string; name: string; depth: number; seen: Set<string> }) => (
    <>
      <li style={{ 'padding-left': `${p.depth * 14}px` }}>{p.name} <span class="muted small">({staff(p.id)})</span></li>
      <For each={p.seen.has(p.id) ? [] : children(p.id)}>{(c) => (
        <Node id={c.id} name={String(c.name ?? '')} depth={p.depth + 1} seen={new Set([...p.seen, p.id])} />
      )}</For>
    </>
  );
  return (
    <ul class="side-list dept-tree" aria-label={t('org.departments')}>
      <For each={children(undefined)}>{(d) => <Node id={d.id} name={String(d.name ?? '')} depth={0} seen={new Set()} />}</For>
    </ul>
  );
}
