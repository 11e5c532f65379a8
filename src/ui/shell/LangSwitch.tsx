import { lang, setLang, t } from '../i18n';

export function LangSwitch() {
  return (
    <button class="btn ghost lang-switch" onClick={() => setLang(lang() === 'zh' ? 'en' : 'zh')} title={t('settings.language')}>
      {t('common.lang')}
    </button>
  );
}
