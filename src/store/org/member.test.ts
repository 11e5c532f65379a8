import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addMember, createWorkspace, MEMBER_ROLE } from './setup';
import { can } from '../../domain/org/modules';

describe('a member who joins a class group', () => {
  it('becomes a user with the 组员 role, which sees all records and writes customers', async () => {
    const { ws } = await createWorkspace('营销1班', '王老师');
    addMember(ws, '李同学', 'member1');
    const user = ws.collection('users').get('member1')!;
    const role = ws.collection('roles').get(String(user.roleId))!;
    expect([user.name, role.name, role.scope]).toEqual(['李同学', '组员', 'all']);
    expect(can(role, 'customers', 'write')).toBe(true);
    expect(can(role, 'org', 'write')).toBe(false);
    expect(ws.actorId).toBe('member1');
  });

  it('brings the role along when an older workspace lacks it', async () => {
    const { ws } = await createWorkspace('旧工作区', '王老师');
    ws.collection('roles').purge(MEMBER_ROLE.id);
    addMember(ws, '赵同学', 'member2');
    expect(ws.collection('roles').get(MEMBER_ROLE.id)?.name).toBe('组员');
  });
});
