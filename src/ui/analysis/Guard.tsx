import { Show, type JSX } from 'solid-js';
import { useWorkspace } from '../shared/context';
import { L, t } from '../i18n';
import { MODULES } from '../../domain/org/modules';

/** A page of a permission module: shown with read permission on it, else a notice (SPEC A roles). */
export function Guard(props: { module: string; children: JSX.Element }) {
  const ctx = useWorkspace();
  const label = () => L(MODULES.find((m) => m.key === props.module)?.label);
  return (
    <Show when={ctx.can(props.module, 'read')} fallback={<section class="page"><p class="notice">{t('analysis.noAccess', { module: label() })}</p></section>}>
      {props.children}
    </Show>
  );
}
