import { Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { t } from '../i18n';

/** A new build is waiting: ask before reloading, never reload under someone's typing. */
export function UpdatePrompt() {
  const { needRefresh: [needRefresh, setNeedRefresh], offlineReady: [offlineReady, setOfflineReady], updateServiceWorker } = useRegisterSW({
    immediate: true,
  });
  return (
    <Show when={needRefresh() || offlineReady()}>
      <div class="pwa-toast" role="status">
        <span>{needRefresh() ? t('pwa.update') : t('pwa.offlineReady')}</span>
        <Show when={needRefresh()}>
          <button class="btn primary" onClick={() => updateServiceWorker(true)}>{t('pwa.reload')}</button>
        </Show>
        <button class="btn" onClick={() => { setNeedRefresh(false); setOfflineReady(false); }}>{needRefresh() ? t('pwa.later') : t('common.close')}</button>
      </div>
    </Show>
  );
}
