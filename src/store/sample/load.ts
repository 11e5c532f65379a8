import type { Workspace } from '../core/workspace';
import { addDictionary } from '../core/dictionaries';
import { EDUCATION_DICTIONARY } from '../../domain/core/dictionaries';
import { permFields, type Permission } from '../../domain/org/modules';
import { ENTITIES } from '../../domain/registry';
import { sampleCompany, SAMPLE_CUSTOM_FIELDS, type SampleData, type SampleRecord } from '../../domain/sample';
import { localToday } from '../sales/ops';

/** Write generated records, keeping their ids so references hold; existing ids are left alone. */
export function loadDataset(ws: Workspace, data: SampleData): number {
  let n = 0;
  ws.transact(() => {
    for (const [name, records] of Object.entries(data)) {
      const col = ws.collection(name);
      for (const { id, ...values } of records) {
        if (col.get(id)) continue;
        const flat = name === 'roles' && values.perms ? flattenRole(values) : values;
        col.create(flat, id);
        n++;
      }
    }
  });
  return n;
}

function flattenRole(values: Record<string, unknown>): Record<string, unknown> {
  const { perms, ...rest } = values;
  return { ...rest, ...permFields(perms as Record<string, Permission>) };
}

/**
 * Sample departments named like a live department of the workspace (a new workspace's
 * 总经理办公室, or one a class made before loading) become that department: they are not added,
 * and every reference to them (read from the entity definitions: users, opportunities, orders,
 * plans, complaints, sub-departments…) points at the existing one. Loading twice changes nothing
 * more: the departments written the first time are skipped by id, the matched ones match again.
 */
export function reuseDepartments(ws: Workspace, data: SampleData): SampleData {
  const col = ws.collection('departments');
  const byName = new Map<string, string>();
  for (const d of col.live()) if (typeof d.name === 'string') byName.set(d.name.trim(), d.id);
  const map = new Map<string, string>();
  for (const d of data.departments ?? []) {
    const same = byName.get(String(d.name).trim());
    if (!col.get(d.id) && same) map.set(d.id, same);
  }
  if (!map.size) return data;
  const out: SampleData = {};
  for (const [name, records] of Object.entries(data)) {
    const keys = (ENTITIES[name]?.fields ?? []).filter((f) => f.type === 'ref' && f.ref === 'departments').map((f) => f.key);
    const kept = name === 'departments' ? records.filter((r) => !map.has(r.id)) : records;
    out[name] = !keys.length ? kept : kept.map((r) => {
      const moved = keys.filter((k) => map.has(r[k] as string));
      return moved.length ? { ...r, ...Object.fromEntries(moved.map((k) => [k, map.get(r[k] as string)])) } as SampleRecord : r;
    });
  }
  return out;
}

/** Fields of every entity that name a record of `target` (users.roleId, approvalRules.approverRoleId, discounts.roleId…). */
function refFields(target: string): { entity: string; key: string }[] {
  return Object.values(ENTITIES).flatMap((def) => def.fields.filter((f) => f.type === 'ref' && f.ref === target).map((f) => ({ entity: def.key, key: f.key })));
}

/**
 * The sample's roles replace the workspace's roles of the same name (a new workspace's
 * 系统管理员, 销售经理, 业务员, 售后服务员 and 只读访客, or one the class made before loading):
 * without this the role list held each name twice, which the save path never allows (the class
 * view listed them as problems). The sample's role wins because its staff's rights and the
 * sample's approval rules are written against it, and the sample's records stay as generated;
 * whoever held the workspace's role (its creator) moves to the sample's, and that role goes.
 * Call inside the loading transaction, after the sample's roles are written.
 */
export function giveWayToSampleRoles(ws: Workspace, sampleRoles: readonly SampleRecord[]): void {
  const roles = ws.collection('roles');
  const sampleIds = new Set(sampleRoles.map((r) => r.id));
  const byName = new Map(sampleRoles.filter((r) => roles.get(r.id)).map((r) => [String(r.name).trim(), r.id]));
  const refs = refFields('roles');
  for (const old of roles.live()) {
    const to = typeof old.name === 'string' ? byName.get(old.name.trim()) : undefined;
    if (!to || sampleIds.has(old.id)) continue;
    for (const { entity, key } of refs) {
      const col = ws.collection(entity);
      for (const r of col.all()) if (r[key] === old.id) col.update(r.id, { [key]: to });
    }
    roles.purge(old.id);
  }
}

/**
 * A workspace user whose staff number (工号, unique) a sample employee also has — the creator's
 * E001 is the sample general manager's — gets the next free E-number after the sample's staff.
 */
export function renumberClashingStaff(ws: Workspace, sampleUsers: readonly SampleRecord[]): void {
  const users = ws.collection('users');
  const sampleIds = new Set(sampleUsers.map((u) => u.id));
  const sampleCodes = new Set(sampleUsers.map((u) => u.code));
  const numbers = users.all().map((u) => /^E(\d+)$/.exec(String(u.code ?? ''))?.[1]).filter(Boolean).map(Number);
  let next = Math.max(0, ...numbers) + 1;
  for (const u of users.live()) {
    if (sampleIds.has(u.id) || !sampleCodes.has(u.code)) continue;
    users.update(u.id, { code: `E${String(next++).padStart(3, '0')}` });
  }
}

/**
 * The demo company (a software vendor selling ERP and CRM), with the lab's custom field. Its
 * dates are counted from `today` (the device's day): the history is the past year, open
 * opportunities close in the coming months, tasks are due today.
 */
export function loadSampleCompany(ws: Workspace, today = localToday()): number {
  const { company, ...rest } = reuseDepartments(ws, sampleCompany({ history: true, today }));
  addDictionary(ws, EDUCATION_DICTIONARY);
  let n = 0;
  ws.transact(() => {
    if (company?.[0]) {
      const { id: _id, ...values } = company[0];
      void _id;
      ws.collection('company').update('company', values);
    }
    const fields = ws.collection('customFields');
    for (const cf of SAMPLE_CUSTOM_FIELDS) {
      if (!fields.live().some((f) => f.entity === cf.entity && f.key === cf.key)) fields.create({ ...cf });
    }
    n = loadDataset(ws, rest);
    giveWayToSampleRoles(ws, rest.roles ?? []);
    renumberClashingStaff(ws, rest.users ?? []);
  });
  return n;
}
