/** Messages of ui/home in Simplified Chinese (the default language). The English table is messages.en.ts beside it, with exactly these keys (tsc checks). */
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
