import type { Label } from '../core/entity';
import type { Values } from '../core/read';
import { asText } from '../core/read';
import { QUESTION_TYPES, type QuestionType } from './entities';

/**
 * A question as the rules read it, from a stored record that may come from an untrusted peer:
 * anything malformed reads as missing (a question of unknown type is left out of a form).
 */
export interface Question {
  id: string;
  order: number;
  type: QuestionType;
  text: string;
  required: boolean;
  options: QuestionOption[];
}

export interface QuestionOption { id: string; text: string; order: number }

/** A choice question's option field: `opt_<option id>` holding `{ text, order }` (entities.ts says why). */
export const OPTION_PREFIX = 'opt_';
export const optionField = (optionId: string) => `${OPTION_PREFIX}${optionId}`;

export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple';
export const isQuestionType = (v: unknown): v is QuestionType => (QUESTION_TYPES as readonly unknown[]).includes(v);

/** The options of a question record, in order (ties by id, so every device shows the same list); removed ones (cleared fields) are gone. */
export function optionsOf(rec: Values): QuestionOption[] {
  const out: QuestionOption[] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (!k.startsWith(OPTION_PREFIX) || !v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const text = asText(o.text);
    if (text === null) continue;
    out.push({ id: k.slice(OPTION_PREFIX.length), text, order: typeof o.order === 'number' && Number.isFinite(o.order) ? o.order : 0 });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The order a new option takes: after the last one. */
export function nextOptionOrder(rec: Values): number {
  const opts = optionsOf(rec);
  return opts.length ? opts[opts.length - 1].order + 1 : 1;
}

/** A question record read defensively, or null when it is no usable question. */
export function readQuestion(rec: Values & { id: string }): Question | null {
  if (rec.deleted === true || !isQuestionType(rec.type)) return null;
  return {
    id: rec.id,
    order: typeof rec.order === 'number' && Number.isFinite(rec.order) ? rec.order : 0,
    type: rec.type,
    text: asText(rec.text) ?? '',
    required: rec.required === true,
    options: isChoice(rec.type) ? optionsOf(rec) : [],
  };
}

/** The usable questions of a template, in order (ties by id). */
export function questionsOf(records: readonly (Values & { id: string })[], templateId: string): Question[] {
  return records.filter((r) => r.templateId === templateId).map(readQuestion).filter((q): q is Question => q !== null)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** "第2题“…”" / "Question 2 "…"": how a message names a question. */
export function questionName(questions: readonly Question[], q: Question): Label {
  const n = questions.findIndex((x) => x.id === q.id) + 1;
  return { zh: `第${n}题“${q.text}”`, en: `Question ${n} "${q.text}"` };
}

/** The new `order` values after moving a question one place up (-1) or down (+1): the two swapped, or nothing at an end. */
export function moveOrders(questions: readonly Question[], id: string, dir: -1 | 1): { id: string; order: number }[] {
  const i = questions.findIndex((q) => q.id === id);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= questions.length) return [];
  const a = questions[i], b = questions[j];
  // equal orders (two devices added at once) would swap nothing: give them distinct places first
  const [oa, ob] = a.order === b.order ? [b.order + dir, a.order] : [b.order, a.order];
  return [{ id: a.id, order: oa }, { id: b.id, order: ob }];
}
