import { Show, createMemo, createResource } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { dismissPoint, listPoints } from '../../store/recovery/points';
import { useWorkspace } from '../shared/context';
import { dateTime } from '../../domain/core/format';
import { lang, t } from '../i18n';
import { pointsChanged, pointsVersion, userLabel, whatHappened } from './state';
import './recovery.css';

/**
 * A peer purged records outside the recycle bin, or binned or emptied many at once: say who and
 * how many, above every page, until dismissed on this device; the button opens the restore page
 * with the restore point of that change.
 */
export function RecoveryBanner() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [points] = createResource(() => pointsVersion() + 1, () => listPoints(ctx.ws.id));
  const warnings = createMemo(() => (points() ?? []).filter((p) => p.warn && !p.dismissed));
  const dismiss = async (id: string) => { await dismissPoint(id); pointsChanged(); };
  return (
    <Show when={warnings()[0]}>{(p) => {
      const who = () => { ctx.version('users')(); return p().by.map((id) => userLabel(ctx.ws, id)).join(t('recovery.and')); };
      return (
        <div class="recovery-banner" role="alert" data-testid="recovery-warning">
          <span class="recovery-banner-text">
            <b>⚠ {t('recovery.warning', { who: who(), what: whatHappened(p()).join(t('recovery.sep')) })}</b>{' '}
            <span class="muted">{dateTime(p().at, lang(), { seconds: true })}</span>{' '}
            {t('recovery.kept')}
            <Show when={warnings().length > 1}>{' '}<span class="muted">{t('recovery.more', { n: warnings().length - 1 })}</span></Show>
          </span>
          <button class="btn primary" onClick={() => navigate(`/w/${ctx.ws.id}/settings?tab=recovery&point=${encodeURIComponent(p().id)}`)}>{t('recovery.review')}</button>
          <button class="btn ghost" onClick={() => void dismiss(p().id)}>{t('recovery.dismiss')}</button>
        </div>
      );
    }}</Show>
  );
}
