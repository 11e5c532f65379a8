import type { Values } from '../core/read';

/**
 * A manager's team (团队): the active users of the departments they lead (负责人), and of those
 * departments' sub-departments, without the manager. Read by the reminder centre, so a manager
 * sees what their people must do today, not only their own list.
 */
export function teamOf(managerId: string, departments: readonly Values[], users: readonly Values[]): string[] {
  if (!managerId) return [];
  const led = new Set(departments.filter((d) => d.manager === managerId).map((d) => String(d.id)));
  // sub-departments, however deep (a cycle a peer wrote stops once every department is seen)
  for (let grew = true; grew;) {
    grew = false;
    for (const d of departments) {
      if (!led.has(String(d.id)) && led.has(String(d.parentId))) { led.add(String(d.id)); grew = true; }
    }
  }
  return users
    .filter((u) => u.id !== managerId && u.active !== false && led.has(String(u.departmentId)))
    .map((u) => String(u.id));
}
