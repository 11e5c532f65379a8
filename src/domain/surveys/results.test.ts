import { describe, expect, it } from 'vitest';
import { answerErrors } from './answers';
import type { Question } from './questions';
import { filterByGroup, groupValues, questionResult, respondentFacts, satisfactionIndex, surveyResults } from './results';
import { moveOrders, optionsOf } from './questions';

const opts = (...t: string[]) => t.map((text, i) => ({ id: `o${i + 1}`, text, order: i + 1 }));
const QS: Question[] = [
  { id: 'q1', order: 1, type: 'single', text: '您从哪里了解到我们', required: true, options: opts('展会', '网络', '朋友') },
  { id: 'q2', order: 2, type: 'multiple', text: '您使用哪些模块', required: false, options: opts('客户', '销售', '服务') },
  { id: 'q3', order: 3, type: 'rating', text: '产品质量', required: true, options: [] },
  { id: 'q4', order: 4, type: 'rating', text: '服务态度', required: false, options: [] },
  { id: 'q5', order: 5, type: 'text', text: '建议', required: false, options: [] },
];
const resp = (id: string, answers: unknown) => ({ id, answers });
// four responses, the last with junk from a peer
const RS = [
  resp('r1', { q1: 'o1', q2: ['o1', 'o2'], q3: 5, q4: 4, q5: '很好' }),
  resp('r2', { q1: 'o2', q2: ['o1'], q3: 3, q5: '  ' }),
  resp('r3', { q1: 'o1', q2: ['o2', 'o3'], q3: 4, q4: 2, q5: '响应慢' }),
  resp('r4', { q1: 'o9', q2: 'o1', q3: 7, q4: '5', q5: 42 }),
];

describe('survey results, computed by hand', () => {
  it('single choice: counts and % of those who answered; a peer\'s unknown option is malformed, not counted', () => {
    const r = questionResult(QS[0], RS);
    expect(r.answered).toBe(3);
    expect(r.malformed).toBe(1);
    expect(r.choices.map((c) => [c.label, c.count])).toEqual([['展会', 2], ['网络', 1], ['朋友', 0]]);
    expect(r.choices[0].pct).toBeCloseTo(66.667, 2); // 2 of 3
    expect(r.choices[1].pct).toBeCloseTo(33.333, 2);
  });
  it('multiple choice: % of respondents who picked each option (adds up to more than 100)', () => {
    const r = questionResult(QS[1], RS);
    expect(r.answered).toBe(3);
    expect(r.malformed).toBe(1); // 'o1' is not a list
    expect(r.choices.map((c) => c.count)).toEqual([2, 2, 1]);
    expect(r.choices.map((c) => Math.round(c.pct * 10) / 10)).toEqual([66.7, 66.7, 33.3]);
  });
  it('rating: average and distribution over usable answers only', () => {
    const r = questionResult(QS[2], RS);
    expect(r.average).toBe(4); // (5+3+4)/3; 7 is out of range
    expect(r.malformed).toBe(1);
    expect(r.ratings.map((x) => x.count)).toEqual([0, 0, 1, 1, 1]);
    const q4 = questionResult(QS[3], RS);
    expect(q4.average).toBe(3); // (4+2)/2; '5' as text is malformed
    expect(q4.malformed).toBe(1);
    expect(q4.ratings[1].pct).toBe(50);
  });
  it('text: the non-empty answers listed; a number is malformed', () => {
    const r = questionResult(QS[4], RS);
    expect(r.texts).toEqual([{ responseId: 'r1', text: '很好' }, { responseId: 'r3', text: '响应慢' }]);
    expect(r.malformed).toBe(1);
  });
  it('satisfaction index = (average of every rating answer − 1) / 4 × 100', () => {
    // ratings 5,3,4 (q3) and 4,2 (q4): average 18/5 = 3.6 → (3.6−1)/4×100 = 65
    expect(satisfactionIndex(QS, RS)).toBeCloseTo(65, 10);
    expect(satisfactionIndex(QS, [resp('a', { q3: 1 })])).toBe(0);
    expect(satisfactionIndex(QS, [resp('a', { q3: 5, q4: 5 })])).toBe(100);
    expect(satisfactionIndex(QS, [])).toBeNull();
  });
  it('answers that are not an object at all never crash the results', () => {
    const junk = [resp('x', 'nope'), resp('y', null), resp('z', [1, 2]), { id: 'w' }];
    const all = surveyResults(QS, junk);
    expect(all.every((r) => r.answered === 0)).toBe(true);
    expect(satisfactionIndex(QS, junk)).toBeNull();
  });
});

describe('answer checks (nothing saved when any fails)', () => {
  it('names the question that is required and unanswered', () => {
    const e = answerErrors(QS, { q1: 'o1' });
    expect(Object.keys(e)).toEqual(['q3']);
    expect(e.q3.zh).toBe('第3题“产品质量”为必答题');
    expect(e.q3.en).toBe('Question 3 "产品质量" must be answered');
  });
  it('a rating out of range, an option not of the question, an unknown question', () => {
    const e = answerErrors(QS, { q1: 'oX', q3: 6, q2: ['o1', 'zz'], q9: 'x' });
    expect(e.q1.zh).toContain('第1题');
    expect(e.q1.zh).toContain('不是该题的选项');
    expect(e.q3.en).toContain('1–5');
    expect(e.q2.en).toContain('Question 2');
    expect(e._unknown).toBeDefined();
  });
  it('a complete, valid response passes', () => {
    expect(answerErrors(QS, { q1: 'o3', q2: [], q3: 1, q5: 'ok' })).toEqual({});
  });
});

describe('respondent groups', () => {
  const records: Record<string, Record<string, unknown>> = {
    'customers/c1': { category: 'vip', industry: 'it' }, 'customers/c2': { category: 'normal' }, 'users/u1': { departmentId: 'd1' },
  };
  const get = (e: string, id: unknown) => records[`${e}/${String(id)}`];
  const rs = [
    { id: 'a', customerId: 'c1', channel: 'kiosk', answers: { q3: 5 } },
    { id: 'b', customerId: 'c2', channel: 'staff', answers: { q3: 1 } },
    { id: 'c', customerId: 'c1', contactId: 'p1', channel: 'staff', answers: { q3: 4 } },
    { id: 'd', userId: 'u1', channel: 'staff', answers: { q3: 3 } },
  ];
  const facts = rs.map((r) => respondentFacts(r, get));
  it('reads kind, channel and the customer\'s category', () => {
    expect(facts.map((f) => f.kind)).toEqual(['customer', 'customer', 'contact', 'employee']);
    expect(groupValues(facts, 'category')).toEqual([{ value: 'vip', count: 2 }, { value: 'normal', count: 1 }, { value: null, count: 1 }]);
  });
  it('filters the results to one group', () => {
    const vip = filterByGroup(rs, facts, 'category', 'vip');
    expect(vip.map((r) => r.id)).toEqual(['a', 'c']);
    expect(satisfactionIndex(QS, vip)).toBeCloseTo(87.5, 10); // (4.5−1)/4×100
    expect(filterByGroup(rs, facts, null, null)).toHaveLength(4);
  });
});

describe('questions and options', () => {
  it('options come from opt_ fields in order; cleared and junk ones are left out', () => {
    const rec = { id: 'q', opt_b: { text: '乙', order: 2 }, opt_a: { text: '甲', order: 1 }, opt_c: null, opt_d: 'junk', opt_e: { text: '  ' } };
    expect(optionsOf(rec).map((o) => o.text)).toEqual(['甲', '乙']);
  });
  it('moving swaps two orders; equal orders still move', () => {
    expect(moveOrders(QS, 'q2', -1)).toEqual([{ id: 'q2', order: 1 }, { id: 'q1', order: 2 }]);
    expect(moveOrders(QS, 'q1', -1)).toEqual([]);
    const tie: Question[] = [{ ...QS[0], order: 1 }, { ...QS[1], order: 1 }];
    expect(moveOrders(tie, 'q1', 1)).toEqual([{ id: 'q1', order: 2 }, { id: 'q2', order: 1 }]);
  });
});
