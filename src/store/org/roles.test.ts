import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { addRole, editRole } from './roles';
import { saveAlertRule } from '../analysis/alert-rule';
import { alertRuleOf } from '../analysis/targets';
import { displayName } from '../../domain/core/entity';
import { ENTITIES } from '../../domain/registry';


describe('roles and the company\'s alert rule (store writes through the save path)', () => {
  it('a new role sees its own records; a taken name is refused; a permission edit writes that field only', () => {
    const ws = seededWorkspace();
    const res = addRole(ws, '实习生');
    if (!res.ok) throw new Error('refused');
    expect(res.value).toMatchObject({ name: '实习生', scope: 'own' });
    expect(addRole(ws, '实习生').ok).toBe(false);
    expect(editRole(ws, res.value.id, { perm_sales: 'read' }).ok).toBe(true);
    expect(Object.keys(ws.collection('roles').get(res.value.id)?._s ?? {})).toEqual(['perm_sales']);
  });

  it('a new workspace names its roles in English too (English screens show no Chinese role name)', () => {
    const ws = seededWorkspace();
    const roles = ws.collection('roles').live();
    expect(roles.length).toBeGreaterThan(4);
    for (const r of roles) expect(displayName(ENTITIES.roles, r, 'en'), String(r.name)).toMatch(/^[A-Za-z][A-Za-z -]+$/);
  });

  it('the alert rule is stored on the company record; a day or share out of range writes nothing', () => {
    const ws = seededWorkspace();
    expect(saveAlertRule(ws, { day: 15, share: 60 }).ok).toBe(true);
    expect(alertRuleOf(ws.collection('company').get('company'))).toEqual({ day: 15, share: 60 });
    expect(saveAlertRule(ws, { day: 32, share: 60 }).ok).toBe(false);
    expect(saveAlertRule(ws, { day: 10, share: 0 }).ok).toBe(false);
    expect(alertRuleOf(ws.collection('company').get('company'))).toEqual({ day: 15, share: 60 });
  });
});
