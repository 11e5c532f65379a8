import { For, Show, type JSX } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { malformedFields } from '../../domain/core/validate';
import { useWorkspace } from './context';
import { L, t } from '../i18n';

/** A status chip. */
export function Badge(props: { tone?: string; children: JSX.Element }) {
  return <span class="badge" data-tone={props.tone ?? 'plain'}>{props.children}</span>;
}

/** A rule broken in stored data, as the box lists it. */
export interface ShownViolation { code: string; message: Label }

/** Warnings about stored data that breaks a rule (usually from a merge of offline edits); never auto-fixed. */
export function Violations(props: { list: readonly ShownViolation[]; title?: string }) {
  return (
    <Show when={props.list.length}>
      <div class="violations" role="alert">
        <b>⚠ {props.title ?? t('common.violationsTitle')}</b>
        <ul><For each={props.list}>{(v) => <li data-code={v.code}>{L(v.message)}</li>}</For></ul>
        <p class="small">{t('common.violationsHint')}</p>
      </div>
    </Show>
  );
}

/** Problems of malformed values inside a record (from a peer), listed above its fields. */
export function MalformedNotice(props: { entity: string; record: BaseRecord }) {
  const ctx = useWorkspace();
  const bad = () => malformedFields(ctx.def(props.entity), props.record);
  return (
    <Show when={Object.keys(bad()).length}>
      <div class="error-banner" role="alert">{t('common.malformedRecord')}
        <ul><For each={Object.values(bad())}>{(m) => <li>{L(m)}</li>}</For></ul></div>
    </Show>
  );
}

/** The fields of a record as a definition list; a field holding a malformed value is marked. */
export function FieldsView(props: { entity: string; record: BaseRecord; skip?: string[]; fields?: string[] }) {
  const ctx = useWorkspace();
  const def = () => ctx.def(props.entity);
  const bad = () => malformedFields(def(), props.record);
  const fields = () => {
    const all = def().fields.filter((f) => !props.skip?.includes(f.key));
    return props.fields ? props.fields.map((k) => all.find((f) => f.key === k)!).filter(Boolean) : all;
  };
  return (
    <dl class="fields">
      <For each={fields()}>{(f) => (
        <div data-key={f.key} classList={{ 'has-error': !!bad()[f.key], wide: f.type === 'longtext' }}>
          <dt>{L(f.label)}</dt><dd>{ctx.display(f, props.record[f.key]) || '—'}</dd></div>
      )}</For>
    </dl>
  );
}

/** Why a user cannot change anything here: a read-only copy of a group, or a role without write permission. */
export function readOnlyWhy(ws: { readOnly?: boolean }): string {
  return t(ws.readOnly ? 'classView.readOnlyBanner' : 'common.readonly');
}

/**
 * Why the buttons beside it are disabled, as text on the page (a title tooltip never shows on a
 * touch screen); each reason once, nothing when none is disabled.
 */
export function WhyDisabled(props: { reasons: readonly (string | null | undefined | false)[] }) {
  const list = () => [...new Set(props.reasons.filter((r): r is string => !!r))];
  return <Show when={list().length}><p class="why-disabled" role="note">{list().join(' · ')}</p></Show>;
}
