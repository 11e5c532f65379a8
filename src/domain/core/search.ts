/**
 * Matching and ranking for the global search (command palette): pure, over texts already
 * lower-cased (the lists' per-record search text, ui/shared/search-text.ts).
 *
 * A query is split into terms; every term must match one of a candidate's texts. A term scores
 * by how it matches: the whole text (100), its start (80), the start of a word in it (60),
 * anywhere (40); a phone-like term (digits with spaces, dashes, brackets, a plus) also matches a
 * text's digits, so "138 0013" finds "138-0013-8000". Earlier texts weigh a little more (the
 * record's name before its code before its phone), so a name that starts with the query comes
 * before a code that does.
 */

export const EXACT = 100, PREFIX = 80, WORD = 60, ANYWHERE = 40;

const DIGITS_ONLY = /^[\d\s()+-]+$/;
const WORD_BREAK = /[\s\-_/.,·()（）]/;

/** Lower-cased terms of a query (empty when it has none). */
export function terms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** How `term` matches one lower-cased text: 0 when it does not. */
export function termScore(term: string, text: string): number {
  if (!term || !text) return 0;
  if (text === term) return EXACT;
  const at = text.indexOf(term);
  if (at === 0) return PREFIX;
  if (at > 0) {
    // a word's start: after a break, or the start of a later run of Latin letters/digits
    for (let i = at; i >= 0; i = text.indexOf(term, i + 1)) if (WORD_BREAK.test(text[i - 1])) return WORD;
    return ANYWHERE;
  }
  if (DIGITS_ONLY.test(term)) {
    const want = term.replace(/\D/g, '');
    if (want.length >= 3) {
      const have = text.replace(/\D/g, '');
      if (have === want) return EXACT;
      const d = have.indexOf(want);
      if (d === 0) return PREFIX;
      if (d > 0) return ANYWHERE;
    }
  }
  return 0;
}

/**
 * A candidate's score for a query: for each term the best of its texts (an earlier text a point
 * ahead of a later one), the terms' lowest; 0 = no match (some term matches nothing).
 */
export function matchScore(query: string | readonly string[], texts: readonly string[]): number {
  const ts = typeof query === 'string' ? terms(query) : query;
  if (!ts.length) return 0;
  let worst = Infinity;
  for (const term of ts) {
    let best = 0;
    texts.forEach((text, i) => {
      const s = termScore(term, text);
      if (s) best = Math.max(best, s - Math.min(i, 9) * 0.1);
    });
    if (!best) return 0;
    worst = Math.min(worst, best);
  }
  return worst;
}

export interface Ranked<T> { item: T; score: number }

/**
 * The `limit` best candidates for a query, best first; equal scores keep the shorter first text
 * first (a closer match), then the given order.
 */
export function rank<T>(query: string, candidates: Iterable<{ item: T; texts: readonly string[] }>, limit: number): Ranked<T>[] {
  const ts = terms(query);
  if (!ts.length) return [];
  const hits: (Ranked<T> & { len: number; n: number })[] = [];
  let n = 0;
  for (const c of candidates) {
    const score = matchScore(ts, c.texts);
    if (score) hits.push({ item: c.item, score, len: c.texts[0]?.length ?? 0, n: n++ });
  }
  hits.sort((a, b) => b.score - a.score || a.len - b.len || a.n - b.n);
  return hits.slice(0, limit).map(({ item, score }) => ({ item, score }));
}

/** Something opened from the palette, remembered on this device: a record or a page. */
export type RecentItem = { kind: 'record'; entity: string; id: string } | { kind: 'page'; path: string };

export const recentKey = (r: RecentItem): string => (r.kind === 'record' ? `r:${r.entity}:${r.id}` : `p:${r.path}`);

/** The recent list with `item` first (once), at most `max` long. */
export function pushRecent(list: readonly RecentItem[], item: RecentItem, max = 8): RecentItem[] {
  const key = recentKey(item);
  return [item, ...list.filter((r) => recentKey(r) !== key)].slice(0, max);
}

/** Entries of a stored recent list that are well-formed (device storage may hold anything). */
export function readRecent(v: unknown): RecentItem[] {
  if (!Array.isArray(v)) return [];
  return v.filter((r): r is RecentItem => typeof r === 'object' && r !== null && (
    (r.kind === 'record' && typeof r.entity === 'string' && typeof r.id === 'string') ||
    (r.kind === 'page' && typeof r.path === 'string')));
}
