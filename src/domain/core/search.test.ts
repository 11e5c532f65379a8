import { describe, expect, it } from 'vitest';
import { ANYWHERE, EXACT, PREFIX, WORD, matchScore, pushRecent, rank, readRecent, termScore, terms, type RecentItem } from './search';

describe('matching a term', () => {
  it('scores the whole text, its start, a word start and anywhere', () => {
    expect(termScore('kh0001', 'kh0001')).toBe(EXACT);
    expect(termScore('kh00', 'kh0001')).toBe(PREFIX);
    expect(termScore('soft', 'acme soft ltd')).toBe(WORD);
    expect(termScore('oft', 'acme soft ltd')).toBe(ANYWHERE);
    expect(termScore('科技', '华东科技有限公司')).toBe(ANYWHERE);
    expect(termScore('华东', '华东科技有限公司')).toBe(PREFIX);
    expect(termScore('xyz', 'acme')).toBe(0);
    expect(termScore('', 'acme')).toBe(0);
  });

  it('a later occurrence at a word start counts as a word start', () => {
    expect(termScore('an', 'bandan anna')).toBe(WORD);
  });

  it('a phone matches whatever separators either side uses', () => {
    expect(termScore('13800138000', '138-0013-8000')).toBe(EXACT);
    expect(termScore('138 0013', '138-0013-8000')).toBe(PREFIX);
    expect(termScore('0013 8000', '(010) 138-0013-8000')).toBe(ANYWHERE);
    // two digits are too few to look through separators (every phone would match)
    expect(termScore('38', '1-3-8')).toBe(0);
    // letters are not a phone
    expect(termScore('a138', '138')).toBe(0);
  });
});

describe('matching a candidate', () => {
  it('every term must match some text; the weakest term decides', () => {
    expect(matchScore('华东 kh01', ['华东科技', 'kh0100'])).toBeCloseTo(PREFIX - 0.1);
    expect(matchScore('华东 zz', ['华东科技', 'kh0100'])).toBe(0);
    expect(matchScore('   ', ['x'])).toBe(0);
  });

  it('an earlier text weighs a little more than a later one with the same match', () => {
    expect(matchScore('acme', ['acme', 'x'])).toBeGreaterThan(matchScore('acme', ['x', 'acme']));
    // but a better match in a later text beats a weaker one in the first
    expect(matchScore('kh0001', ['zz kh0001', 'kh0001'])).toBeCloseTo(EXACT - 0.1);
  });

  it('splits the query on spaces, lower-cased', () => {
    expect(terms('  Acme   SOFT ')).toEqual(['acme', 'soft']);
  });
});

describe('ranking', () => {
  const c = (name: string, ...more: string[]) => ({ item: name, texts: [name.toLowerCase(), ...more] });

  it('best match first, closer (shorter) first on a tie, at most the limit', () => {
    const got = rank('acme', [c('Big Acme'), c('Acme Software Group'), c('Acme'), c('Acme Co'), c('Nope')], 3).map((r) => r.item);
    expect(got).toEqual(['Acme', 'Acme Co', 'Acme Software Group']);
  });

  it('finds a customer by its phone and by its code', () => {
    const list = [
      { item: 'A', texts: ['华东机械', 'kh0001', '021-5555-0101'] },
      { item: 'B', texts: ['华南贸易', 'kh0002', '020-5555-0102'] },
    ];
    expect(rank('02055550102', list, 5).map((r) => r.item)).toEqual(['B']);
    expect(rank('KH0001', list, 5).map((r) => r.item)).toEqual(['A']);
    expect(rank('5555', list, 5).map((r) => r.item)).toEqual(['A', 'B']);
  });

  it('an empty query ranks nothing', () => {
    expect(rank(' ', [c('x')], 5)).toEqual([]);
  });
});

describe('recent items', () => {
  const rec = (id: string): RecentItem => ({ kind: 'record', entity: 'customers', id });
  it('puts the item first once and keeps at most max', () => {
    let list: RecentItem[] = [];
    for (const id of ['a', 'b', 'c', 'a']) list = pushRecent(list, rec(id), 3);
    expect(list).toEqual([rec('a'), rec('c'), rec('b')]);
    list = pushRecent(list, { kind: 'page', path: 'orders' }, 3);
    expect(list).toEqual([{ kind: 'page', path: 'orders' }, rec('a'), rec('c')]);
  });

  it('reads only well-formed entries from storage', () => {
    expect(readRecent('x')).toEqual([]);
    expect(readRecent([rec('a'), { kind: 'record', entity: 1 }, null, { kind: 'page', path: 'x' }, { kind: 'other' }]))
      .toEqual([rec('a'), { kind: 'page', path: 'x' }]);
  });
});
