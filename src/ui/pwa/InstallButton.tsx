import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';

/** The browser's install offer (Chromium's `beforeinstallprompt`; not in the DOM typings). */
interface InstallPrompt extends Event { prompt: () => Promise<unknown> }

// The offer can come before any workspace is open, so it is caught from the app's start.
const [offer, setOffer] = createSignal<InstallPrompt | null>(null);
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (e) => { e.preventDefault(); setOffer(e as InstallPrompt); });
  window.addEventListener('appinstalled', () => setOffer(null));
}
const standalone = () => typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;

/** 安装应用: shown only while the browser offers installation (not in browsers without it, nor once installed). */
export function InstallButton() {
  const install = async () => {
    const e = offer();
    if (!e) return;
    setOffer(null); // an offer is good for one prompt; if dismissed, the browser may offer again later
    await e.prompt();
  };
  return (
    <Show when={offer() && !standalone()}>
      <button class="btn install-btn" onClick={() => void install()}>{t('pwa.install')}</button>
    </Show>
  );
}
