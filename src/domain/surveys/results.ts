import type { Label } from '../core/entity';
import type { Values } from '../core/read';
import { answerMap, RATING_MAX, RATING_MIN, readAnswer } from './answers';
import type { Question } from './questions';

/**
 * A survey's results per question, pure: choice distributions with counts and percentages, rating
 * averages and distributions, text answers, and the satisfaction index. Malformed stored answers
 * (a peer's junk) are counted apart and never enter a figure.
 */

export interface ChoiceRow { optionId: string; label: string; count: number; pct: number }
export interface TextRow { responseId: string; text: string }

export interface QuestionResult {
  question: Question;
  /** Responses that answered it with a usable value. */
  answered: number;
  /** Stored answers that are malformed (not counted anywhere else). */
  malformed: number;
  /**
   * Choice questions: one row per option. Single choice: % of those who answered the question
   * (the rows add up to 100). Multiple choice: % of those who answered the question who picked
   * the option (rows may add up to more than 100).
   */
  choices: ChoiceRow[];
  /** Rating questions: the average (null without answers) and one row per score 1–5 (% of answers). */
  average: number | null;
  ratings: ChoiceRow[];
  /** Text questions: the non-empty answers, in response order. */
  texts: TextRow[];
}

type ResponseLike = Values & { id: string };

const pctOf = (n: number, of: number) => (of > 0 ? (n / of) * 100 : 0);

export function questionResult(q: Question, responses: readonly ResponseLike[]): QuestionResult {
  const counts = new Map<string, number>();
  const texts: TextRow[] = [];
  let answered = 0, malformed = 0, sum = 0;
  for (const r of responses) {
    const a = readAnswer(q, answerMap(r.answers)[q.id]);
    if (a.kind === 'none') continue;
    if (a.kind === 'malformed') { malformed++; continue; }
    answered++;
    if (a.kind === 'single') counts.set(a.option, (counts.get(a.option) ?? 0) + 1);
    else if (a.kind === 'multiple') for (const o of a.options) counts.set(o, (counts.get(o) ?? 0) + 1);
    else if (a.kind === 'rating') { sum += a.value; counts.set(String(a.value), (counts.get(String(a.value)) ?? 0) + 1); }
    else if (a.text) texts.push({ responseId: r.id, text: a.text });
  }
  const row = (optionId: string, label: string): ChoiceRow => {
    const count = counts.get(optionId) ?? 0;
    return { optionId, label, count, pct: pctOf(count, answered) };
  };
  const scores = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => String(RATING_MIN + i));
  return {
    question: q, answered, malformed, texts,
    choices: q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => row(o.id, o.text)) : [],
    average: q.type === 'rating' && answered ? sum / answered : null,
    ratings: q.type === 'rating' ? scores.map((s) => row(s, s)) : [],
  };
}

export function surveyResults(questions: readonly Question[], responses: readonly ResponseLike[]): QuestionResult[] {
  return questions.map((q) => questionResult(q, responses));
}

/**
 * 满意度指数: the average of every usable rating answer of every rating question, on 0–100 as
 * (average − 1) / 4 × 100 — the lowest score is 0 and the highest 100, so "all 3" is 50. Neither
 * SPEC F nor the seeds (U8 按调查指标分析) give a formula; avg/5×100 would call the worst possible
 * answers 20 out of 100, which reads as partly satisfied. Null without rating answers.
 */
export function satisfactionIndex(questions: readonly Question[], responses: readonly ResponseLike[]): number | null {
  let sum = 0, n = 0;
  for (const q of questions) {
    if (q.type !== 'rating') continue;
    for (const r of responses) {
      const a = readAnswer(q, answerMap(r.answers)[q.id]);
      if (a.kind === 'rating') { sum += a.value; n++; }
    }
  }
  return n ? ((sum / n - RATING_MIN) / (RATING_MAX - RATING_MIN)) * 100 : null;
}

/** Whom a response speaks for, as far as a group filter needs it (store/ui fill it from the records). */
export interface RespondentFacts { kind: 'customer' | 'contact' | 'employee' | 'anonymous'; channel: string | null; [dimension: string]: string | null }

/** The ways results can be split: the respondent's kind, the channel, the customer's category/industry/region/kind, the employee's department. */
export const GROUP_DIMENSIONS: { key: string; label: Label }[] = [
  { key: 'kind', label: { zh: '答卷人类型', en: 'Respondent type' } },
  { key: 'channel', label: { zh: '答卷渠道', en: 'Channel' } },
  { key: 'category', label: { zh: '客户分类', en: 'Customer category' } },
  { key: 'customerKind', label: { zh: '客户类型', en: 'Customer kind' } },
  { key: 'industry', label: { zh: '行业', en: 'Industry' } },
  { key: 'region', label: { zh: '地区', en: 'Region' } },
  { key: 'department', label: { zh: '部门', en: 'Department' } },
];

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The facts of a response's respondent: a contact's customer stands for the contact's company;
 * `get` reads a record (the page's subscribing reader).
 */
export function respondentFacts(r: Values, get: (entity: string, id: unknown) => Values | undefined): RespondentFacts {
  const customer = str(r.customerId) ? get('customers', r.customerId) : undefined;
  const user = str(r.userId) ? get('users', r.userId) : undefined;
  const kind = str(r.contactId) ? 'contact' : customer ? 'customer' : user ? 'employee' : 'anonymous';
  return {
    kind, channel: str(r.channel),
    category: str(customer?.category), customerKind: str(customer?.kind), industry: str(customer?.industry), region: str(customer?.region),
    department: str(user?.departmentId),
  };
}

/** The values one dimension takes over the responses, with how many each (null = not known), most first. */
export function groupValues(facts: readonly RespondentFacts[], dimension: string): { value: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const f of facts) counts.set(f[dimension] ?? null, (counts.get(f[dimension] ?? null) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

/** The responses whose respondent has `value` in `dimension` (no dimension: all). */
export function filterByGroup<R>(responses: readonly R[], facts: readonly RespondentFacts[], dimension: string | null, value: string | null): R[] {
  if (!dimension) return [...responses];
  return responses.filter((_, i) => (facts[i][dimension] ?? null) === value);
}
