import { createSignal } from 'solid-js';
import { zh } from './zh';
import { en } from './en';
import type { Label, Lang } from '../../domain/core/entity';

export type MessageKey = keyof typeof zh;
const TABLES: Record<Lang, Record<MessageKey, string>> = { zh, en };

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('keyuan.lang') : null;
const [lang, setLangSignal] = createSignal<Lang>(stored === 'en' ? 'en' : 'zh');
export { lang };

export function setLang(l: Lang): void {
  setLangSignal(l);
  localStorage.setItem('keyuan.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

/** A UI message in the current language, with {placeholders} filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  let s = TABLES[lang()][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** A zh/en label from an entity definition or a domain message, in the current language. */
export function L(l: Label | undefined): string {
  return l ? l[lang()] || l.zh : '';
}
