import { Workspace } from './core/workspace';
import { seedWorkspace } from './org/setup';

/** For tests: a workspace in memory (no IndexedDB) with what a new one starts with — roles, dictionaries, sales modes. */
export function seededWorkspace(name = 'test'): Workspace {
  const ws = new Workspace(name);
  seedWorkspace(ws, '测试公司', '王老师');
  return ws;
}
