import { Show, createSignal, type JSX } from 'solid-js';
import { Modal } from './Modal';
import { t } from '../i18n';

/** Ask for a text (a comment, a summary) before an action; `required` refuses an empty one. */
export function TextPrompt(props: {
  title: string; label: string; required?: boolean; okLabel?: string; initial?: string; onOk: (text: string) => boolean | void; onClose: () => void;
}) {
  const [text, setText] = createSignal(props.initial ?? '');
  const [error, setError] = createSignal('');
  const ok = () => {
    if (props.required && !text().trim()) return setError(t('common.textRequired'));
    if (props.onOk(text().trim()) !== false) props.onClose();
  };
  return (
    <Modal open title={props.title} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" onClick={ok}>{props.okLabel ?? t('common.confirm')}</button>
      </>}>
      <label class="field">
        <span class="field-label">{props.label}{props.required && <b class="req">*</b>}</span>
        <textarea id="prompt-text" rows={4} value={text()} onInput={(e) => { setText(e.currentTarget.value); setError(''); }} />
      </label>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
    </Modal>
  );
}

/** Confirm an action (a delete and what it takes with it). */
export function Confirm(props: { title: string; children: JSX.Element; okLabel?: string; danger?: boolean; onOk: () => void; onClose: () => void }) {
  return (
    <Modal open title={props.title} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn" classList={{ danger: props.danger, primary: !props.danger }} onClick={() => { props.onOk(); props.onClose(); }}>
          {props.okLabel ?? t('common.confirm')}</button>
      </>}>
      {props.children}
    </Modal>
  );
}
