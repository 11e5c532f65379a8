import { describe, it, expect } from 'vitest';
import { teamOf } from './team';

describe("a manager's team", () => {
  const departments = [
    { id: 'sales', manager: 'wang' },
    { id: 'east', parentId: 'sales', manager: 'li' },
    { id: 'east-1', parentId: 'east' },
    { id: 'service', manager: 'zhao' },
    { id: 'loop-a', parentId: 'loop-b', manager: 'qian' }, { id: 'loop-b', parentId: 'loop-a' },
  ];
  const users = [
    { id: 'wang', departmentId: 'sales' }, { id: 'li', departmentId: 'east' }, { id: 'chen', departmentId: 'east-1' },
    { id: 'sun', departmentId: 'sales', active: false }, { id: 'zhou', departmentId: 'service' }, { id: 'wu', departmentId: 'loop-b' },
  ];
  it('is the active users of the departments one leads and of their sub-departments, without oneself', () => {
    expect(teamOf('wang', departments, users)).toEqual(['li', 'chen']);
    expect(teamOf('li', departments, users)).toEqual(['chen']);
    expect(teamOf('zhao', departments, users)).toEqual(['zhou']);
  });
  it('is empty for someone who leads nothing, and survives a cycle of departments', () => {
    expect(teamOf('chen', departments, users)).toEqual([]);
    expect(teamOf('', departments, users)).toEqual([]);
    expect(teamOf('qian', departments, users)).toEqual(['wu']);
  });
});
