import { Dialog } from '@kobalte/core/dialog';
import type { JSX } from 'solid-js';
import { t } from '../i18n';

/** A modal dialog with a title, a body and a footer of buttons (Esc and the × close it); `sheet`: full screen on a phone. */
export function Modal(props: {
  open: boolean; onClose: () => void; title: string; children: JSX.Element; footer?: JSX.Element; wide?: boolean;
  /** On a phone (below 600 px) the dialog fills the screen, its head and foot always in view (a record form). */
  sheet?: boolean;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(o) => !o && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-positioner">
          <Dialog.Content class={`modal${props.wide ? ' modal-wide' : ''}${props.sheet ? ' modal-sheet' : ''}`}>
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
