import type { Label } from '../core/entity';
import { questionName, type Question } from './questions';

/**
 * Checking a response's answers against its questions (the save path refuses a response that
 * fails, rules.ts) and reading answers that are already stored, which may come from a peer in any
 * shape: a malformed answer is reported as such and never counted.
 */

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** What one stored answer is: nothing, a usable value, or malformed (with why). */
export type ReadAnswer =
  | { kind: 'none' }
  | { kind: 'single'; option: string }
  | { kind: 'multiple'; options: string[] }
  | { kind: 'rating'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'malformed'; why: Label };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** One answer to one question, read. */
export function readAnswer(q: Question, v: unknown): ReadAnswer {
  if (blank(v)) return { kind: 'none' };
  const known = new Set(q.options.map((o) => o.id));
  switch (q.type) {
    case 'single':
      if (typeof v !== 'string') return malformed('不是一个选项', 'not one option');
      return known.has(v) ? { kind: 'single', option: v } : malformed('不是该题的选项', 'not one of its options');
    case 'multiple': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return malformed('不是选项列表', 'not a list of options');
      if (v.some((x) => !known.has(x as string))) return malformed('含有不是该题的选项', 'holds an option that is not one of its options');
      return { kind: 'multiple', options: [...new Set(v as string[])] };
    }
    case 'rating':
      return typeof v === 'number' && Number.isInteger(v) && v >= RATING_MIN && v <= RATING_MAX
        ? { kind: 'rating', value: v } : malformed(`评分须为 ${RATING_MIN}–${RATING_MAX} 的整数`, `a rating must be a whole number ${RATING_MIN}–${RATING_MAX}`);
    case 'text':
      return typeof v === 'string' ? { kind: 'text', text: v.trim() } : malformed('不是文本', 'not text');
  }
}

function malformed(zh: string, en: string): ReadAnswer {
  return { kind: 'malformed', why: { zh, en } };
}

/** An answers value read as a map (anything else is no answers at all). */
export function answerMap(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** What is wrong with a response's answers, by question id, each message naming the question; empty when it may be saved. */
export function answerErrors(questions: readonly Question[], answers: unknown): Record<string, Label> {
  const map = answerMap(answers);
  const errors: Record<string, Label> = {};
  for (const q of questions) {
    const name = questionName(questions, q);
    const a = readAnswer(q, map[q.id]);
    if (a.kind === 'malformed') errors[q.id] = { zh: `${name.zh}:${a.why.zh}`, en: `${name.en}: ${a.why.en}` };
    else if (a.kind === 'none' && q.required) errors[q.id] = { zh: `${name.zh}为必答题`, en: `${name.en} must be answered` };
  }
  if (!onlyKnownQuestions(questions, map)) errors._unknown = { zh: '答卷含有不属于该问卷的题目', en: 'The answers name a question this survey does not have' };
  return errors;
}

/** Every answered key is one of the questions. */
function onlyKnownQuestions(questions: readonly Question[], map: Record<string, unknown>): boolean {
  const ids = new Set(questions.map((q) => q.id));
  return Object.keys(map).every((k) => ids.has(k));
}
