import { lang, setLang, t } from '../i18n';
import { notify } from '../shared/toast';

/** Switches between Chinese and English; English is loaded the first time (ui/i18n). */
export function LangSwitch() {
  const toggle = async () => {
    try {
      await setLang(lang() === 'zh' ? 'en' : 'zh');
    } catch {
      notify(t('common.langFailed'), 'error');
    }
  };
  return (
    <button class="btn ghost lang-switch" onClick={toggle} title={t('settings.language')}>
      {t('common.lang')}
    </button>
  );
}
