import { useNavigate } from '@solidjs/router';
import { t } from '../i18n';
import './demo.css';

/** Above every page of the `?demo` workspace (store/classroom/demo.ts): it is a demo, and one click starts a workspace of one's own. */
export function DemoBanner() {
  const navigate = useNavigate();
  return (
    <div class="demo-banner" role="note" data-testid="demo-banner">
      <span class="demo-banner-text">{t('lab.demo')}</span>
      <button class="btn primary" data-testid="demo-make-own" onClick={() => navigate('/?create=1')}>{t('lab.demoOwn')}</button>
    </div>
  );
}
