/** Messages of ui/pwa in Simplified Chinese (the default language). The English table is messages.en.ts beside it, with exactly these keys (tsc checks). */
export const zh = {
  'pwa.update': '有新版本可用',
  'pwa.reload': '立即更新',
  'pwa.later': '稍后',
  'pwa.offlineReady': '应用已可离线使用',
  'pwa.install': '安装应用',
} as const;
