import { Toast, toaster } from '@kobalte/core/toast';
import { Portal } from 'solid-js/web';

/** Show a short message in the corner; errors stay until dismissed. */
export function notify(message: string, kind: 'ok' | 'error' = 'ok'): void {
  toaster.show((p) => (
    <Toast toastId={p.toastId} class={`toast toast-${kind}`} persistent={kind === 'error'} duration={3500}>
      <Toast.Description>{message}</Toast.Description>
      <Toast.CloseButton class="icon-btn">×</Toast.CloseButton>
    </Toast>
  ));
}

export function ToastRegion() {
  return (
    <Portal>
      <Toast.Region>
        <Toast.List class="toast-list" />
      </Toast.Region>
    </Portal>
  );
}
