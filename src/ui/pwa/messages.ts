/** Messages of ui/pwa, Simplified Chinese first; `en` must have exactly the same keys (tsc checks). */
export const zh = {
  'pwa.update': '有新版本可用',
  'pwa.reload': '立即更新',
  'pwa.later': '稍后',
  'pwa.offlineReady': '应用已可离线使用',
  'pwa.install': '安装应用',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'pwa.update': 'A new version is available',
  'pwa.reload': 'Update now',
  'pwa.later': 'Later',
  'pwa.offlineReady': 'The app now works offline',
  'pwa.install': 'Install app',
};
