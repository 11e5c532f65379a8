import { createSignal } from 'solid-js';
import { MESSAGES } from '../messages';
import type { Label, Lang } from '../../domain/core/entity';

type Tables = (typeof MESSAGES)[keyof typeof MESSAGES];
/** Every message key of every module (the union of the modules' zh tables). */
export type MessageKey = Tables extends infer T ? (T extends { zh: infer Z } ? keyof Z & string : never) : never;

/** The modules' tables joined per language (a key defined by two modules is a test failure). */
export function joinTables(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(MESSAGES).map((m) => m[lang])) as Record<MessageKey, string>;
}
const TABLES: Record<Lang, Record<MessageKey, string>> = { zh: joinTables('zh'), en: joinTables('en') };

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
