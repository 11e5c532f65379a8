import { For, Show, createEffect, createMemo } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { currentAnnouncements } from '../../domain/office/rules';
import { readReceiptId } from '../../domain/office/entities';
import { markRead, readersOf } from '../../store/office/office';
import { dateTime } from '../../domain/core/format';
import { RecordList } from '../shared/RecordList';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Badge, FieldsView } from '../shared/RecordView';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { localToday } from '../analysis/filters';
import { Guard } from '../analysis/Guard';
import { lang, t } from '../i18n';
import './office.css';

/** Whether the acting user has read it (the receipt's id is known: no search). */
function useUnread() {
  const ctx = useWorkspace();
  return (announcementId: string) => { ctx.version('announcementReads')(); return !ctx.ws.collection('announcementReads').get(readReceiptId(announcementId, ctx.userId())); };
}

/** 公告: every announcement; unread ones in bold blue. */
export function AnnouncementsPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const unread = useUnread();
  return (
    <Guard module="office">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.announcements')}</h1>
        <RecordList entity="announcements" rowTone={(r) => (unread(r.id) ? 'blue' : undefined)}
          onOpen={(r) => navigate(`/w/${ctx.ws.id}/office/announcements/${r.id}`)} />
      </section>
    </Guard>
  );
}

/** One announcement: opening it is reading it (a receipt); who has read it and who not yet. */
export function AnnouncementPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const title = useTitles();
  const page = useRecordPage('announcements', () => params.id!);
  createEffect(() => { if (page.record()) markRead(ctx.ws, params.id!, ctx.userId()); });
  const readers = createMemo(() => { ctx.version('announcementReads')(); return readersOf(ctx.ws, params.id!).sort((a, b) => Number(a.at) - Number(b.at)); });
  const notRead = createMemo(() => {
    const seen = new Set(readers().map((r) => r.userId));
    return ctx.live('users').filter((u) => u.active !== false && !seen.has(u.id));
  });
  const state = (a: Readonly<Record<string, unknown>>) => {
    const today = localToday();
    if (String(a.publishDate ?? '') > today) return t('office.notYet');
    return a.expiryDate && String(a.expiryDate) < today ? t('office.expired') : null;
  };
  return (
    <Guard module="office">
      <section class="page office-page">
        <RecordPageGate page={page}>
          {(a) => (
            <>
              <div class="page-head wrap">
                <A href={`/w/${ctx.ws.id}/office/announcements`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{title('announcements', a())}</h1>
                <Show when={state(a())}>{(s) => <Badge tone="gray">{s()}</Badge>}</Show>
              </div>
              <div class="card">
                <FieldsView entity="announcements" record={a()} skip={['title', 'body']} />
                <p class="pre announcement-body" data-testid="announcement-body">{String(a().body ?? '')}</p>
              </div>
              <div class="card readers">
                <h2>{t('office.readers')} · {readers().length}</h2>
                <ul class="chips"><For each={readers()}>{(r) => <li title={dateTime(r.at, lang())}>{title('users', r.userId)}</li>}</For></ul>
                <h2>{t('office.unreadBy')} · {notRead().length}</h2>
                <Show when={notRead().length} fallback={<p class="muted">{t('office.everyoneRead')}</p>}>
                  <ul class="chips muted"><For each={notRead()}>{(u) => <li>{title('users', u)}</li>}</For></ul>
                </Show>
              </div>
            </>
          )}
        </RecordPageGate>
      </section>
    </Guard>
  );
}

/** Home card: the announcements current today, unread ones marked. */
export function HomeAnnouncements() {
  const ctx = useWorkspace();
  const unread = useUnread();
  const current = createMemo(() => currentAnnouncements(ctx.live('announcements'), localToday()).slice(0, 5));
  return (
    <Show when={ctx.can('office', 'read') && current().length}>
      <div class="card home-announcements">
        <h2><A href={`/w/${ctx.ws.id}/office/announcements`}>{t('office.current')}</A></h2>
        <ul class="plain">
          <For each={current()}>{(a) => (
            <li classList={{ unread: unread(a.id) }}>
              <Show when={unread(a.id)}><Badge tone="blue">{t('office.unread')}</Badge> </Show>
              <A href={`/w/${ctx.ws.id}/office/announcements/${a.id}`}>{String(a.title ?? '')}</A>
              <span class="muted small"> · {String(a.publishDate ?? '')}</span>
            </li>
          )}</For>
        </ul>
      </div>
    </Show>
  );
}
