import { For, Show, createMemo, createSignal, onCleanup, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { report } from '../shared/refusal';
import { download, today } from '../shared/download';
import { lang, t, type MessageKey } from '../i18n';
import { dateTime } from '../../domain/core/format';
import { labelOf, type Label } from '../../domain/core/entity';
import { toCsv } from '../../domain/core/csv';
import { readTable, TableFileError } from '../../domain/core/table-file';
import { MODULES } from '../../domain/org/modules';
import { ENTITIES } from '../../domain/registry';
import { gradeTable, parseClassList, type ClassListError, type ClassListRow, type GradeRow } from '../../domain/classroom/class-view';
import {
  addGroupByCode, addGroupsFromList, listGroups, loadSummary, removeGroup, summarizeGroup, type ClassGroup, type GroupSummary,
} from '../../store/classroom/class-view';
import { ClassFollower, type GroupState } from '../../store/classroom/follower';
import { setupClass } from '../../store/classroom/class-setup';
import { decodeInvite } from '../../store/sync/codes';
import { session, sessionsStopped } from '../sync/state';
import { defaultSettings } from '../../store/sync/settings';
import { WhyDisabled } from '../shared/RecordView';
import './class-view.css';

/** Modules that hold records (the table's columns), in the permission list's order. */
const RECORD_MODULES = MODULES.filter((m) => Object.values(ENTITIES).some((e) => e.module === m.key));

/** What a click opened: a group, one module of it, or one experiment's steps. */
interface Detail { group: ClassGroup; module?: string; experiment?: string }

/**
 * The page's one follower, whichever class view made it, and one change of it at a time: a class
 * view left for another (a workspace switch mounts a new one before the old one's cleanup has
 * finished) must have let go of a group's rooms before the next opens them (y-webrtc allows one
 * document per room in a page).
 */
let follower: ClassFollower | undefined;
let changing: Promise<void> = Promise.resolve();
function changeFollower(next: () => Promise<ClassFollower | undefined>, onlyIf?: ClassFollower): Promise<void> {
  const run = async () => {
    if (onlyIf && follower !== onlyIf) return; // a newer class view has taken over
    await follower?.stop();
    follower = undefined;
    await sessionsStopped(); // a group's workspace this page just left has let go of its rooms
    follower = await next();
  };
  return (changing = changing.then(run, run));
}

/** 班级看板: every followed group × module, each member's contribution, last activity, sync and problems. */
export function ClassViewPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [groups, setGroups] = createSignal<ClassGroup[]>([]);
  const [summaries, setSummaries] = createSignal<Record<string, GroupSummary>>({});
  const [states, setStates] = createSignal<Record<string, GroupState>>({});
  const [dialog, setDialog] = createSignal<'add' | 'setup' | null>(null);
  const [detail, setDetail] = createSignal<Detail | null>(null);
  const [listErrors, setListErrors] = createSignal<ClassListError[]>([]);

  const L = (l: Label) => labelOf(l, lang());
  const time = (ms: number) => (ms ? dateTime(ms, lang()) : t('classView.never'));

  const refresh = async (id: string) => {
    // the group this page itself has open is read from it, live; the others from what the follower stored
    const s = id === ctx.ws.id ? summarizeGroup(ctx.ws, Date.now()) : await loadSummary(id);
    if (s) setSummaries((all) => ({ ...all, [id]: s }));
    if (mine) setStates((all) => ({ ...all, [id]: mine!.state(id) }));
  };

  let mine: ClassFollower | undefined;
  const follow = () => changeFollower(async () => {
    const list = await listGroups();
    setGroups(list);
    for (const g of list) await refresh(g.workspaceId);
    const me = ctx.user();
    mine = new ClassFollower(list, ctx.ws.id, {
      watcher: { id: `teacher-${ctx.userId()}`, name: t('classView.teacher', { name: String(me?.name ?? '') }) },
    });
    mine.onChange((id) => void refresh(id));
    return mine;
  });
  const stopFollowing = () => changeFollower(async () => undefined);
  void follow();
  onCleanup(() => { if (mine) void changeFollower(async () => undefined, mine); });

  // the records nobody signed (a new workspace's starting data) come after the members
  const members = (s: GroupSummary | undefined) => [...(s?.members ?? [])].sort((a, b) => Number(!a.member) - Number(!b.member));
  const experiments = createMemo(() => {
    const seen = new Map<string, Label>();
    for (const s of Object.values(summaries())) for (const p of s.progress) if (!seen.has(p.experiment)) seen.set(p.experiment, p.title);
    return [...seen].map(([key, title]) => ({ key, title }));
  });
  const memberName = (name: string, id: string) => name || id || t('classView.unknownMember');

  const exportCsv = async () => {
    const rows: GradeRow[] = [];
    for (const g of groups()) {
      const s = summaries()[g.workspaceId];
      const base = { group: g.name, lastActivity: s?.lastActivity ?? 0, lastSynced: s?.lastSynced ?? 0, problems: s?.problemCount ?? 0, progress: s?.progress ?? [] };
      const ms = members(s);
      if (!ms.length) rows.push({ ...base, member: '', byModule: {} });
      for (const m of ms) rows.push({ ...base, member: memberName(m.name, m.member), byModule: m.byModule });
    }
    const table = gradeTable(rows, RECORD_MODULES.map((m) => ({ key: m.key, label: L(m.label) })), experiments().map((e) => ({ key: e.key, label: L(e.title) })),
      { group: t('classView.group'), member: t('classView.member'), last: t('classView.lastActivity'), synced: t('classView.lastSynced'), problems: t('classView.problems'), created: t('classView.created'), edited: t('classView.edited') },
      (ms) => dateTime(ms, lang()));
    download(`${t('classView.csvFile')}-${today()}.csv`, await toCsv(table));
  };

  const importList = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const table = await readTable(new Uint8Array(await file.arrayBuffer()), file.name);
      const parsed = parseClassList([table.header, ...table.rows], (c) => decodeInvite(c) !== null, [1, ...table.lines]);
      const { added, errors } = await addGroupsFromList(parsed.groups);
      setListErrors([...parsed.errors, ...errors]);
      if (added.length) notify(t('classView.importDone', { n: added.length }));
      await follow();
    } catch (e) {
      notify(t('classView.fileError', { error: e instanceof TableFileError ? L(e.label) : String(e) }), 'error');
    }
  };

  return (
    <section class="page class-view">
      <div class="page-head wrap">
        <h1 class="page-title">{t('classView.title')}</h1>
        <span class="grow" />
        <button class="btn" onClick={() => setDialog('add')}>{t('classView.add')}</button>
        <label class="btn">{t('classView.import')}
          <input type="file" accept=".csv,.txt,.xlsx" style={{ display: 'none' }} data-testid="class-list-file" onChange={(e) => void importList(e.currentTarget)} />
        </label>
        <button class="btn" onClick={() => setDialog('setup')}>{t('classView.setup')}</button>
        <button class="btn primary" disabled={!groups().length} onClick={() => void exportCsv()}>{t('classView.export')}</button>
        <WhyDisabled reasons={[!groups().length && t('classView.exportWhy')]} />
      </div>
      <Show when={listErrors().length}>
        <div class="notice class-list-errors" role="alert">
          <div>{t('classView.importErrors')}</div>
          <ul><For each={listErrors()}>{(e) => <li>{L(e.message)}</li>}</For></ul>
        </div>
      </Show>
      <Show when={groups().length} fallback={<p class="card muted" data-testid="class-empty">{t('classView.empty')}</p>}>
        <p class="muted small" data-testid="class-following">{t('classView.following', { n: groups().length, open: Math.min(groups().length, 2) })} · {t('classView.legend')}</p>
        <div class="class-table-box">
          <table class="grid simple class-table">
            <thead>
              <tr>
                <th>{t('classView.group')} / {t('classView.member')}</th>
                <th>{t('classView.lastActivity')}</th>
                <th>{t('classView.lastSynced')}</th>
                <th class="num">{t('classView.problems')}</th>
                <For each={RECORD_MODULES}>{(m) => <th class="num" title={t('classView.legend')}>{L(m.label)}</th>}</For>
                <For each={experiments()}>{(e) => <th class="num">{L(e.title)}</th>}</For>
              </tr>
            </thead>
            <For each={groups()}>{(g) => {
              const s = () => summaries()[g.workspaceId];
              const state = () => (g.workspaceId === ctx.ws.id ? 'live' : states()[g.workspaceId] ?? 'closed');
              return (
                <tbody data-group={g.name}>
                  <tr class="group-row">
                    <th scope="row">
                      <button class="link-btn" onClick={() => setDetail({ group: g })}>{g.name}</button>
                      <span class={`class-state ${state()}`}>{t(`classView.state.${state()}` as MessageKey)}</span>
                      <span class="muted small class-count"> {t('classView.members', { n: members(s()).filter((m) => m.member).length })}</span>
                    </th>
                    <td>{s()?.lastActivity ? time(s()!.lastActivity) : '—'}</td>
                    <td data-testid="last-synced">{time(s()?.lastSynced ?? 0)}</td>
                    <td class="num">
                      <button class="link-btn" classList={{ warn: !!s()?.problemCount }} onClick={() => setDetail({ group: g })}>{s()?.problemCount ?? '—'}</button>
                    </td>
                    <For each={RECORD_MODULES}>{(m) => (
                      <td class="num" data-module={m.key}><button class="link-btn" onClick={() => setDetail({ group: g, module: m.key })}>{s()?.records[m.key] ?? 0}</button></td>
                    )}</For>
                    <For each={experiments()}>{(e) => {
                      const p = () => s()?.progress.find((x) => x.experiment === e.key);
                      return (
                        <td class="num" data-experiment={e.key}>
                          <Show when={p()} fallback="—">{(x) => <button class="link-btn" onClick={() => setDetail({ group: g, experiment: e.key })}>{x().done}/{x().total}</button>}</Show>
                        </td>
                      );
                    }}</For>
                  </tr>
                  <For each={members(s())}>{(m) => (
                    <tr class="member-row" data-member={memberName(m.name, m.member)}>
                      <th scope="row" class="member-name">{memberName(m.name, m.member)}</th>
                      <td colSpan={3} />
                      <For each={RECORD_MODULES}>{(mod) => {
                        const w = () => m.byModule[mod.key];
                        return (
                          <td class="num" data-module={mod.key}>
                            <Show when={w()} fallback={<span class="muted">·</span>}>
                              <button class="link-btn" onClick={() => setDetail({ group: g, module: mod.key })}
                                title={`${t('classView.created')} ${w()!.created} · ${t('classView.edited')} ${w()!.edited}`}>{w()!.created} / {w()!.edited}</button>
                            </Show>
                          </td>
                        );
                      }}</For>
                      <For each={experiments()}>{() => <td />}</For>
                    </tr>
                  )}</For>
                </tbody>
              );
            }}</For>
          </table>
        </div>
      </Show>
      <Show when={dialog() === 'add'}><AddGroupDialog onClose={() => setDialog(null)} onAdded={() => void follow()} /></Show>
      <Show when={dialog() === 'setup'}><ClassSetupDialog onClose={() => setDialog(null)} onDone={() => void follow()} /></Show>
      <Show when={detail()}>{(d) => (
        <GroupDetail detail={d()} summary={summaries()[d().group.workspaceId]} onClose={() => setDetail(null)}
          onOpen={async () => {
            // the follower lets go of the group's documents and rooms before the shell opens them
            await stopFollowing();
            navigate(`/w/${d().group.workspaceId}`);
          }}
          onRemove={async () => { setDetail(null); await stopFollowing(); await removeGroup(d().group.workspaceId); notify(t('classView.removed', { name: d().group.name })); await follow(); }} />
      )}</Show>
    </section>
  );
}

/** One group (or one module of it): who did what, its problems, and the way into its workspace, read-only. */
function GroupDetail(props: { detail: Detail; summary: GroupSummary | undefined; onClose: () => void; onRemove: () => void; onOpen: () => void }) {
  const L = (l: Label) => labelOf(l, lang());
  const mod = () => RECORD_MODULES.find((m) => m.key === props.detail.module);
  const inModule = (entity: string) => !props.detail.module || ENTITIES[entity]?.module === props.detail.module;
  const problems = () => (props.summary?.problems ?? []).filter((p) => inModule(p.entity));
  const experiment = () => props.summary?.progress.find((x) => x.experiment === props.detail.experiment);
  const title = () => (mod() ? t('classView.details', { group: props.detail.group.name, module: L(mod()!.label) })
    : experiment() ? t('classView.details', { group: props.detail.group.name, module: L(experiment()!.title) }) : props.detail.group.name);
  const modules = () => (mod() ? [mod()!] : RECORD_MODULES.filter((m) => props.summary?.records[m.key] || props.summary?.members.some((x) => x.byModule[m.key])));
  const entityLabel = (e: string) => (ENTITIES[e] ? L(ENTITIES[e].label) : e);
  return (
    <Modal open title={title()} onClose={props.onClose} wide
      footer={<>
        <button class="btn ghost" onClick={props.onRemove}>{t('classView.remove')}</button>
        <span class="grow" />
        <a class="btn primary" href={`#/w/${props.detail.group.workspaceId}`} data-testid="open-read-only" onClick={(e) => { e.preventDefault(); props.onOpen(); }}>{t('classView.openReadOnly')}</a>
      </>}>
      <div class="class-detail">
        <Show when={experiment()}>{(x) => (
          <>
            <h3>{L(x().title)} · {t('lab.doneOf', { done: x().done, total: x().total })}</h3>
            <ol class="class-steps" data-testid="class-steps">
              <For each={x().steps ?? []}>{(st) => <li data-done={st.done ? 'yes' : 'no'}><span aria-hidden="true">{st.done ? '✓' : '○'}</span> {L(st.title)}</li>}</For>
            </ol>
          </>
        )}</Show>
        <table class="grid simple">
          <thead><tr><th>{t('classView.member')}</th><For each={modules()}>{(m) => <th class="num">{L(m.label)} <span class="muted small">{t('classView.created')} / {t('classView.edited')}</span></th>}</For></tr></thead>
          <tbody>
            <For each={[...(props.summary?.members ?? [])].sort((a, b) => Number(!a.member) - Number(!b.member))}>{(m) => (
              <tr><th scope="row">{m.name || m.member || t('classView.unknownMember')}</th>
                <For each={modules()}>{(x) => <td class="num">{m.byModule[x.key]?.created ?? 0} / {m.byModule[x.key]?.edited ?? 0}</td>}</For></tr>
            )}</For>
          </tbody>
        </table>
        <h3>{t('classView.problemList', { n: problems().length })}</h3>
        <Show when={problems().length} fallback={<p class="muted">{t('classView.noProblems')}</p>}>
          <ul class="class-problems">
            <For each={problems().slice(0, 100)}>{(p) => (
              <li><span class="badge" data-tone={p.kind === 'rule' ? 'warn' : 'red'}>{t(`classView.problem.${p.kind}` as MessageKey)}</span> {entityLabel(p.entity)} <code>{p.recordId}</code> — {L(p.message)}</li>
            )}</For>
          </ul>
        </Show>
      </div>
    </Modal>
  );
}

function AddGroupDialog(props: { onClose: () => void; onAdded: () => void }) {
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const add = async () => {
    setBusy(true);
    try {
      const res = await addGroupByCode(code(), password(), name());
      if (report(res, t('classView.added', { name: res.ok ? res.value.name : '' }))) { props.onClose(); props.onAdded(); }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('classView.add')} onClose={props.onClose} initialFocus="#cv-code"
      footer={<button class="btn primary" disabled={busy() || !code().trim()} onClick={() => void add()}>{t('classView.add')}</button>}>
      <div class="form-grid">
        <Field label={t('classView.code')} span><textarea id="cv-code" rows={3} value={code()} onInput={(e) => setCode(e.currentTarget.value)} /></Field>
        <Field label={t('classView.password')}><input id="cv-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} /></Field>
        <Field label={t('classView.name')}><input id="cv-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} /></Field>
      </div>
    </Modal>
  );
}

function Field(props: { label: string; span?: boolean; children: JSX.Element }) {
  return <label class="field" classList={{ span2: props.span }}><span class="field-label">{props.label}</span>{props.children}</label>;
}

/** 创建班级: N groups from one template; shows the class list to hand out and offers it as CSV. */
function ClassSetupDialog(props: { onClose: () => void; onDone: () => void }) {
  const ctx = useWorkspace();
  const [count, setCount] = createSignal(4);
  const [prefix, setPrefix] = createSignal(ctx.entry.name);
  const [template, setTemplate] = createSignal<'empty' | 'sample'>('sample');
  const [running, setRunning] = createSignal(0);
  const [made, setMade] = createSignal<ClassListRow[] | null>(null);
  const run = async () => {
    setRunning(1);
    try {
      // every group gets this workspace's sync settings (its signaling servers)
      const settings = session()?.getSettings() ?? defaultSettings();
      const rows = await setupClass({ count: count(), nameOf: (n) => t('classView.groupName', { prefix: prefix().trim(), n }), template: template(), teacherName: String(ctx.user()?.name ?? ''), settings },
        (n) => setRunning(n + 1));
      setMade(rows);
      props.onDone();
    } finally {
      setRunning(0);
    }
  };
  const downloadList = async () => {
    const rows = made() ?? [];
    download(`${t('classView.listFile')}-${today()}.csv`, await toCsv([[t('classView.group'), t('classView.code'), t('classView.password')], ...rows.map((r) => [r.name, r.code, r.password])]));
  };
  return (
    <Modal open title={t('classView.setup')} onClose={props.onClose} wide
      footer={<Show when={made()} fallback={<button class="btn primary" disabled={!!running()} onClick={() => void run()}>{running() ? t('classView.setupRunning', { n: running() }) : t('classView.setupRun')}</button>}>
        <button class="btn primary" onClick={() => void downloadList()}>{t('classView.setupDownload')}</button>
      </Show>}>
      <Show when={made()} fallback={
        <div class="form-grid">
          <Field label={t('classView.setupCount')}><input id="cv-count" type="number" min="1" max="40" value={count()} onInput={(e) => setCount(Number(e.currentTarget.value) || 1)} /></Field>
          <Field label={t('classView.setupPrefix')}><input id="cv-prefix" value={prefix()} onInput={(e) => setPrefix(e.currentTarget.value)} /></Field>
          <Field label={t('classView.setupTemplate')} span>
            <select id="cv-template" value={template()} onChange={(e) => setTemplate(e.currentTarget.value as 'empty' | 'sample')}>
              <option value="sample">{t('classView.setupSample')}</option>
              <option value="empty">{t('classView.setupEmpty')}</option>
            </select>
          </Field>
        </div>}>
        {(rows) => (
          <>
            <p>{t('classView.setupDone', { n: rows().length })}</p>
            <div class="class-table-box">
              <table class="grid simple class-list-made">
                <thead><tr><th>{t('classView.group')}</th><th>{t('classView.code')}</th><th>{t('classView.password')}</th></tr></thead>
                <tbody><For each={rows()}>{(r) => <tr><td>{r.name}</td><td class="wrap"><code class="code-cell">{r.code}</code></td><td><code>{r.password}</code></td></tr>}</For></tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </Modal>
  );
}
