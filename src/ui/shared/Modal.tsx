import { Dialog } from '@kobalte/core/dialog';
import { onCleanup, type JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * A modal dialog with a title, a body and a footer of buttons (Esc and the × close it). Closing
 * returns the focus to what opened it. `initialFocus`: a selector of the element to focus on
 * opening — a form's first field rather than the × in its header. `sheet`: full screen on a phone.
 */
export function Modal(props: {
  open: boolean; onClose: () => void; title: string; children: JSX.Element; footer?: JSX.Element; wide?: boolean; initialFocus?: string;
  /** On a phone (below 600 px) the dialog fills the screen, its head and foot always in view (a record form). */
  sheet?: boolean;
}) {
  let content: HTMLElement | undefined;
  // our dialogs are mounted open and unmounted to close, and Kobalte restores the focus only when
  // `open` turns false: give it back to the opener ourselves, once Kobalte's cleanup has run
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  onCleanup(() => setTimeout(() => { if (opener?.isConnected && !document.querySelector('[role="dialog"]')) opener.focus(); }));
  const focusFirst = (e: Event) => {
    const el = props.initialFocus ? content?.querySelector<HTMLElement>(props.initialFocus) : null;
    if (el) { e.preventDefault(); el.focus(); }
  };
  return (
    <Dialog open={props.open} onOpenChange={(o) => !o && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-positioner">
          <Dialog.Content class={`modal${props.wide ? ' modal-wide' : ''}${props.sheet ? ' modal-sheet' : ''}`} ref={content} onOpenAutoFocus={focusFirst}>
            <header class="modal-head">
              <Dialog.Title class="modal-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-btn" aria-label={t('common.close')}>×</Dialog.CloseButton>
            </header>
            <div class="modal-body">{props.children}</div>
            {props.footer && <footer class="modal-foot">{props.footer}</footer>}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
