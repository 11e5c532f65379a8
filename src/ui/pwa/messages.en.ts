/** Messages of ui/pwa in English: exactly the keys of the Chinese table in messages.ts (tsc checks). Loaded only when English is chosen (ui/messages.en.ts). */
import type { zh } from './messages';

export const en: Record<keyof typeof zh, string> = {
  'pwa.update': 'A new version is available',
  'pwa.reload': 'Update now',
  'pwa.later': 'Later',
  'pwa.offlineReady': 'The app now works offline',
  'pwa.install': 'Install app',
};
