import { For, Show, createMemo, createSignal, lazy } from 'solid-js';
import { stagesOfMode } from '../../domain/sales';
import type { BaseRecord } from '../../domain/core/record';
import { useWorkspace } from '../shared/context';
import { stageName } from '../analysis/filters';
import { t } from '../i18n';
import './stage-path.css';

// the board's confirmation: the one way a stage changes (a completed contact record, back-filled)
const MoveDialog = lazy(async () => ({ default: (await import('../pipeline/MoveDialog')).MoveDialog }));

/**
 * The stage path of an opportunity (like the complaint stepper): the stages of its sales mode in
 * order, the current one highlighted, passed ones marked. Clicking another stage opens the
 * board's move confirmation (store/analysis/pipeline.ts `moveOpportunity`): the same contact
 * record, sequence rules and back-fill as a card moved on the board.
 */
export function StagePath(props: { opp: BaseRecord; disabled: boolean }) {
  const ctx = useWorkspace();
  const stages = createMemo(() => stagesOfMode(ctx.live('salesStages'), String(props.opp.modeId ?? '')));
  const current = () => stages().findIndex((s) => s.id === props.opp.stageId);
  const [target, setTarget] = createSignal<string | null>(null);
  return (
    <div class="card stage-path-card">
      <Show when={stages().length} fallback={<p class="muted small">{t('sales.path.noMode')}</p>}>
        <ol class="stage-path" aria-label={t('sales.path.label')}>
          <For each={stages()}>{(s, i) => {
            const state = () => (i() === current() ? 'current' : i() < current() ? 'passed' : 'ahead');
            return (
              <li class={state()} data-stage={s.id}>
                <button type="button" disabled={props.disabled || state() === 'current'} aria-current={state() === 'current' ? 'step' : undefined}
                  title={state() === 'current' ? t('sales.path.current') : t('sales.path.moveTo', { stage: stageName(s) })}
                  onClick={() => setTarget(s.id)}>
                  {state() === 'passed' ? '✓ ' : ''}{stageName(s)}
                </button>
              </li>
            );
          }}</For>
        </ol>
      </Show>
      <Show when={target()}>{(id) => <MoveDialog oppId={props.opp.id} stageId={id()} onClose={() => setTarget(null)} />}</Show>
    </div>
  );
}
