/** Messages of ui/home in Simplified Chinese (the default language). The English table is messages.en.ts beside it, with exactly these keys (tsc checks). */
export const zh = {
  'nav.home': '我的工作台',
  'home.welcome': '您好,{name}',
  'home.recent': '最近更新的客户',
  'home.sample': '载入示例公司',
  'home.sampleLoaded': '示例公司已载入',
  'home.sampleLoading': '正在载入示例数据…',
  'home.shortcuts': '快捷键:Alt+A 新增 · Alt+E 编辑 · Alt+D 删除 · Enter 打开 · Esc 取消',
  'home.firstSteps': "开始使用:四个步骤",
  'home.firstStepsHint': "这个工作区还没有数据。按下面的步骤开始,或先载入示例公司看看效果。",
  'home.stepOrg': "设置部门与用户",
  'home.stepOrgHint': "建立部门,为组员添加用户并分配角色。",
  'home.stepImport': "导入客户",
  'home.stepImportHint': "从 CSV 或 Excel 表格导入已有客户,或逐个新增。",
  'home.stepInvite': "邀请组员",
  'home.stepInviteHint': "把加入码发给组员,在各自设备上同步同一工作区。",
  'home.stepSampleHint': "一键载入一家软件公司一年的数据,适合演示和练习。",
} as const;
