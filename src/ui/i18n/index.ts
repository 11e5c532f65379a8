import { createSignal } from 'solid-js';
import { MESSAGES, type MessageKey } from '../messages';
import type { Label, Lang } from '../../domain/core/entity';

export type { MessageKey };
type Table = Record<MessageKey, string>;

/** One language's module tables joined into one (a key defined by two modules is a test failure). */
export function joinTables(tables: Record<string, { zh: object } | { en: object }>): Table {
  return Object.assign({}, ...Object.values(tables).map((m) => ('zh' in m ? m.zh : m.en))) as Table;
}

// Chinese, the default, is joined now; English is a chunk of its own (ui/messages.en.ts), loaded
// by the first setLang('en') and kept.
const ZH = joinTables(MESSAGES);
let EN: Partial<Table> | undefined;
let loadingEn: Promise<void> | undefined;

function loadEnglish(): Promise<void> {
  return (loadingEn ??= import('../messages.en').then(
    (m) => { EN = joinTables(m.MESSAGES_EN); },
    (e) => { loadingEn = undefined; throw e; }, // not loaded (offline before it was cached): a later call tries again
  ));
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('keyuan.lang') : null;
/** The language chosen on this device (localStorage 'keyuan.lang'). At boot main.tsx awaits setLang(storedLang) when it is English, so nothing is rendered in Chinese first. */
export const storedLang: Lang = stored === 'en' ? 'en' : 'zh';
const [lang, setLangSignal] = createSignal<Lang>('zh');
export { lang };

let asked = 0;
/** Switches the UI language, once its table is in (English is loaded the first time; Chinese switches at once). The last call wins. */
export async function setLang(l: Lang): Promise<void> {
  const call = ++asked;
  if (l === 'en') await loadEnglish();
  if (call !== asked) return;
  setLangSignal(l);
  localStorage.setItem('keyuan.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

/** A UI message in the current language (Chinese for a key English lacks), with {placeholders} filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  let s = (lang() === 'en' ? EN?.[key] : undefined) ?? ZH[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** A zh/en label from an entity definition or a domain message, in the current language. */
export function L(l: Label | undefined): string {
  return l ? l[lang()] || l.zh : '';
}
