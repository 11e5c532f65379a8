import { For, createMemo } from 'solid-js';
import { dictOptions } from '../../store/core/dictionaries';
import type { DictOption } from '../../domain/core/dictionaries';
import { useWorkspace } from './context';
import { L, t } from '../i18n';

export type TreeMode = 'all' | 'only' | 'deep';

/** The category tree beside a list (精财 §2.1) with its three list modes. */
export function CategoryTree(props: {
  dict: string; selected: string | null; onSelect: (code: string | null) => void; mode: TreeMode; onMode: (m: TreeMode) => void;
}) {
  const ctx = useWorkspace();
  const options = createMemo(() => { ctx.version('dictOptions')(); return dictOptions(ctx.ws, props.dict); });
  const children = (parent?: string) => options().filter((o) => (o.parent || undefined) === parent);
  const Node = (p: { opt: DictOption; depth: number }) => (
    <>
      <li>
        <button class="tree-item" classList={{ active: props.selected === p.opt.code }} style={{ 'padding-left': `${8 + p.depth * 14}px` }}
          onClick={() => props.onSelect(p.opt.code)}>{L(p.opt.label)}</button>
      </li>
      <For each={children(p.opt.code)}>{(c) => <Node opt={c} depth={p.depth + 1} />}</For>
    </>
  );
  return (
    <aside class="tree-pane">
      <select class="tree-mode" aria-label="mode" value={props.mode} onChange={(e) => props.onMode(e.currentTarget.value as TreeMode)}>
        <option value="all">{t('list.treeModeAll')}</option>
        <option value="only">{t('list.treeModeOnly')}</option>
        <option value="deep">{t('list.treeModeDeep')}</option>
      </select>
      <ul class="tree">
        <li><button class="tree-item" classList={{ active: props.selected === null }} onClick={() => props.onSelect(null)}>{t('list.treeAll')}</button></li>
        <For each={children(undefined)}>{(o) => <Node opt={o} depth={1} />}</For>
      </ul>
    </aside>
  );
}
