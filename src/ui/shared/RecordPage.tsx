import { Match, Switch, createEffect, createMemo, on, type Accessor, type JSX } from 'solid-js';
import { rememberRecent } from '../../store/core/recent';
import type { BaseRecord } from '../../domain/core/record';
import { useWorkspace } from './context';
import { MalformedNotice } from './RecordView';
import { recordPageState, type RecordPageState } from './record-page';
import { L, t } from '../i18n';
import { displayName } from '../../domain/core/entity';
import { useRecordTitle } from './titles';

export interface RecordPage {
  entity: string;
  /** Where the record stands (record-page.ts). */
  state: Accessor<RecordPageState>;
  /** The record when the page shows it (live, in the user's data scope), else undefined. */
  record: Accessor<BaseRecord | undefined>;
}

/** The record a page opens by id, following its collection (and remembered as a recent item); `RecordPageGate` shows it or says why not. */
export function useRecordPage(entity: string, id: () => string): RecordPage {
  const ctx = useWorkspace();
  const found = createMemo(() => ctx.get(entity, id()));
  const state = createMemo(() => recordPageState(found(), (r) => ctx.outOfScope(entity, r)));
  // a record page opened, however, is a recent item of the global search (on this device)
  createEffect(on(() => (state() === 'found' ? id() : ''), (shown) => { if (shown) void rememberRecent(ctx.ws.id, { kind: 'record', entity, id: shown }); }));
  // the browser tab names the record and its kind (history and the task bar tell pages apart)
  useRecordTitle(() => {
    const def = ctx.def(entity);
    return state() === 'found' ? [displayName(def, found()), L(def.noun ?? def.label)] : null;
  });
  return { entity, state, record: () => (state() === 'found' ? found() : undefined) };
}

const NOT_SHOWN = { missing: 'common.notFound', binned: 'common.inBin', outOfScope: 'common.outOfScope' } as const;

/**
 * The page's body when its record is shown — under a notice listing any malformed values (from a
 * peer) — else one line saying it is missing, in the recycle bin, or outside the data scope.
 */
export function RecordPageGate(props: { page: RecordPage; children: (record: Accessor<BaseRecord>) => JSX.Element }) {
  return (
    <Switch fallback={<p class="empty" data-state={props.page.state()}>{t(NOT_SHOWN[props.page.state() as keyof typeof NOT_SHOWN])}</p>}>
      <Match when={props.page.record()}>{(r) => (
        <>
          <MalformedNotice entity={props.page.entity} record={r()} />
          {props.children(r)}
        </>
      )}</Match>
    </Switch>
  );
}
