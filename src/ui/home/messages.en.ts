/** Messages of ui/home in English: exactly the keys of the Chinese table in messages.ts (tsc checks). Loaded only when English is chosen (ui/messages.en.ts). */
import type { zh } from './messages';

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
