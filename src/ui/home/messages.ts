/** Messages of ui/home, Simplified Chinese first; `en` must have exactly the same keys (tsc checks). */
export const zh = {
  'nav.home': '我的工作台',
  'home.welcome': '您好,{name}',
  'home.recent': '最近更新的客户',
  'home.sample': '载入示例公司',
  'home.sampleHint': '载入一家软件公司(销售 ERP 与 CRM)的示例数据:部门、角色、员工、客户、联系人与竞争对手。',
  'home.sampleLoaded': '示例公司已载入',
  'home.sampleLoading': '正在载入示例数据…',
  'home.shortcuts': '快捷键:Alt+A 新增 · Alt+E 编辑 · Alt+D 删除 · Enter 打开 · Esc 取消',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.home': 'My work',
  'home.welcome': 'Hello, {name}',
  'home.recent': 'Recently updated customers',
  'home.sample': 'Load sample company',
  'home.sampleHint': 'Load a software vendor (selling ERP and CRM) with departments, roles, staff, customers, contacts and competitors.',
  'home.sampleLoaded': 'Sample company loaded',
  'home.sampleLoading': 'Loading sample data…',
  'home.shortcuts': 'Shortcuts: Alt+A add · Alt+E edit · Alt+D delete · Enter open · Esc cancel',
};
