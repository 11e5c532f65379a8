import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Workspace } from '../../store/core/workspace';
import { HistoryLog } from '../../store/sync/history';
import type { FieldDef } from '../../domain/core/entity';
import type { NameEnv } from '../../domain/core/history-format';
import { ENTITIES } from '../../domain/registry';
import { useWorkspace } from '../shared/context';
import { lang, t } from '../i18n';

const logs = new WeakMap<Workspace, HistoryLog>();

/** The workspace's change log and a signal that changes with it (for components). */
export function useHistory(ws: Workspace): { log: HistoryLog; version: Accessor<number> } {
  let log = logs.get(ws);
  if (!log) logs.set(ws, (log = new HistoryLog(ws)));
  const [version, setVersion] = createSignal(0);
  onCleanup(log.observe(() => setVersion((n) => n + 1)));
  return { log, version };
}

/**
 * How history names things on this page (domain/core/history-format.ts): records through the
 * subscribing reader (binned ones too), dictionary labels and the words in the UI's language.
 */
export function useNameEnv(): () => NameEnv {
  const ctx = useWorkspace();
  const dictField = (dict: string): FieldDef => ({ key: '', label: { zh: '', en: '' }, type: 'dict', dict });
  return () => ({
    lang: lang(),
    record: (entity, id) => (ENTITIES[entity] ? ctx.get(entity, id) : undefined),
    def: (entity) => ENTITIES[entity] ? ctx.def(entity) : undefined,
    dictLabel: (dict, code) => ctx.display(dictField(dict), code),
    words: {
      empty: t('history.empty'), yes: t('common.yes'), no: t('common.no'), complex: t('history.complex'),
      missing: (what) => t('history.missing', { what }),
    },
  });
}
