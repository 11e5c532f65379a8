import { Show, createSignal } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { report } from '../shared/refusal';
import { download, today } from '../shared/download';
import { WhyDisabled } from '../shared/RecordView';
import { t } from '../i18n';
import { session, attachSession } from '../sync/state';
import { forkWorkspace } from '../../store/classroom/fork';
import { resetWorkspace, type ResetTo } from '../../store/classroom/reset';
import type { WorkspaceEntry } from '../../store/org/setup';

/** 系统设置 → 工作区: fork into a personal sandbox; reset to empty or to the sample company (backup first). */
export function ResetForkTab() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [forkName, setForkName] = createSignal(t('classView.forkDefault', { name: ctx.entry.name }));
  const [forking, setForking] = createSignal(false);
  const [forked, setForked] = createSignal<WorkspaceEntry | null>(null);
  const [resetTo, setResetTo] = createSignal<ResetTo | null>(null);

  const fork = async () => {
    setForking(true);
    try {
      const entry = await forkWorkspace(ctx.ws, ctx.entry, forkName(), ctx.userId());
      setForked(entry);
      notify(t('classView.forkDone', { name: entry.name }));
    } finally {
      setForking(false);
    }
  };
  const admin = () => ctx.role()?.admin === true;
  const why = () => [ctx.ws.readOnly && t('classView.resetReadOnly'), !ctx.ws.readOnly && !admin() && t('classView.resetAdminOnly')];
  const canReset = () => !ctx.ws.readOnly && admin();

  return (
    <div class="reset-fork">
      <section class="card">
        <h3>{t('classView.fork')}</h3>
        <p class="muted">{t('classView.forkHint')}</p>
        <div class="row-inline">
          <label class="field"><span class="field-label">{t('classView.forkName')}</span>
            <input id="fork-name" value={forkName()} onInput={(e) => setForkName(e.currentTarget.value)} /></label>
        </div>
        <div class="row-inline">
          <button class="btn primary" disabled={forking()} onClick={() => void fork()}>{t('classView.fork')}</button>
          <Show when={forked()}>{(f) => <button class="btn" data-testid="open-fork" onClick={() => navigate(`/w/${f().id}`)}>{t('classView.forkOpen')}</button>}</Show>
        </div>
      </section>
      <section class="card">
        <h3>{t('classView.reset')}</h3>
        <p class="muted">{t('classView.resetHint')}</p>
        <div class="row-inline">
          <button class="btn danger" disabled={!canReset()} onClick={() => setResetTo('empty')}>{t('classView.resetEmpty')}</button>
          <button class="btn danger" disabled={!canReset()} onClick={() => setResetTo('sample')}>{t('classView.resetSample')}</button>
          <WhyDisabled reasons={why()} />
        </div>
      </section>
      <Show when={resetTo()}>{(to) => <ResetDialog to={to()} onClose={() => setResetTo(null)} />}</Show>
    </div>
  );
}

/** Asks for the workspace's name, then backs up (file and restore point) and resets; the page reopens the workspace. */
function ResetDialog(props: { to: ResetTo; onClose: () => void }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [typed, setTyped] = createSignal('');
  const [running, setRunning] = createSignal(false);
  const run = async () => {
    setRunning(true);
    try {
      const s = session();
      // the old room's connections end first: nothing of the old documents travels after this
      attachSession(undefined);
      await s?.stop();
      const res = await resetWorkspace(ctx.ws, ctx.entry, typed(), props.to, String(ctx.user()?.name ?? ''));
      if (!report(res)) return;
      download(`${ctx.entry.name}-${t('classView.backupFile')}-${today()}.keyuan`, res.value.backup, 'application/octet-stream');
      // reopen the workspace from the new documents (the old ones are gone): leaving it closes this
      // frame, coming back opens the new ones; the sync page shows the new join code
      const id = ctx.ws.id;
      navigate('/');
      setTimeout(() => navigate(`/w/${id}/settings?tab=sync`), 50);
    } finally {
      setRunning(false);
    }
  };
  const matches = () => typed().trim() === ctx.entry.name.trim();
  return (
    <Modal open title={props.to === 'sample' ? t('classView.resetSample') : t('classView.resetEmpty')} onClose={props.onClose} initialFocus="#reset-name"
      footer={<button class="btn danger" disabled={running() || !matches()} onClick={() => void run()}>{running() ? t('classView.resetRunning') : t('classView.resetRun')}</button>}>
      <p class="muted">{t('classView.resetHint')}</p>
      <label class="field"><span class="field-label">{t('classView.resetConfirm', { name: ctx.entry.name })}</span>
        <input id="reset-name" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} autocomplete="off" /></label>
    </Modal>
  );
}
