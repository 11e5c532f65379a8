import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord, editRecord, type SaveResult } from '../core/records';
import { newId } from '../core/collection';
import { ok, refuse, type Result } from '../../domain/core/result';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { asText } from '../../domain/core/read';
import type { QuestionType } from '../../domain/surveys/entities';
import { isChoice, moveOrders, nextOptionOrder, OPTION_PREFIX, optionField, optionsOf, questionName, questionsOf, type Question } from '../../domain/surveys/questions';

/**
 * 调查问卷 writes and reads. Every edit of a template's content goes through `onWritable`: a
 * template some survey already has answers for is not changed — its next version is (made once,
 * questions copied, linked by `previousId`), so old answers keep the questions they answered.
 */

/** Where an edit landed: the template written (a new version when `forked`) and the question's id there. */
export interface TemplateEdit { templateId: string; forked: boolean; questionId?: string }

const live = (ws: Workspace, c: string, field: string, value: string) => ws.collection(c).liveWhere(field, value);

/** The questions of a template, in order, read defensively. */
export function templateQuestions(ws: Workspace, templateId: string): Question[] {
  return questionsOf(live(ws, 'surveyQuestions', 'templateId', templateId), templateId);
}

/** Whether any survey of this template version has a live response. */
export function templateHasAnswers(ws: Workspace, templateId: string): boolean {
  return live(ws, 'surveys', 'templateId', templateId).some((s) => live(ws, 'surveyResponses', 'surveyId', s.id).length > 0);
}

/** The version made from this one, if any (the newest when two devices made one each while apart). */
export function nextVersion(ws: Workspace, templateId: string): BaseRecord | undefined {
  return live(ws, 'surveyTemplates', 'previousId', templateId).sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Every version of a template's line, oldest first. */
export function versionsOf(ws: Workspace, templateId: string): BaseRecord[] {
  const col = ws.collection('surveyTemplates');
  const chain: BaseRecord[] = [];
  const seen = new Set<string>();
  let cur = col.get(templateId);
  while (cur && !seen.has(cur.id)) { seen.add(cur.id); chain.unshift(cur); cur = typeof cur.previousId === 'string' ? col.get(cur.previousId) : undefined; }
  for (let next = nextVersion(ws, templateId); next && !seen.has(next.id); next = nextVersion(ws, next.id)) { seen.add(next.id); chain.push(next); }
  return chain;
}

/** A copy of the template as its next version (a draft), with its questions and their options. */
export function forkTemplate(ws: Workspace, templateId: string, userId = ws.actorId): Result<string> {
  const tpl = ws.collection('surveyTemplates').get(templateId);
  if (!tpl || tpl.deleted) return refuse({ zh: '问卷模板不存在', en: 'The template does not exist' });
  return ws.transact(() => {
    const made = saveRecord(ws, entityDef(ws, 'surveyTemplates'), {
      name: tpl.name, description: tpl.description, version: (Number(tpl.version) || 1) + 1, status: 'draft', previousId: templateId,
    }, undefined, { userId });
    if (!made.ok) return made;
    for (const q of live(ws, 'surveyQuestions', 'templateId', templateId)) {
      const copy: RecordValues = { templateId: made.value.id, sourceId: q.id };
      for (const [k, v] of Object.entries(q)) if (['order', 'type', 'text', 'required'].includes(k) || k.startsWith(OPTION_PREFIX)) copy[k] = v;
      ws.collection('surveyQuestions').create(copy);
    }
    return ok(made.value.id);
  });
}

/**
 * Run `write` on the template version that may be changed: this one while nobody answered it,
 * else its newest next version that nobody answered (made now when there is none). `write` gets
 * that template's id and maps a question id of the given template to its copy there.
 */
function onWritable(ws: Workspace, templateId: string, userId: string, write: (tplId: string, q: (id: string) => string | undefined) => Result<string | undefined>): Result<TemplateEdit> {
  return ws.transact(() => {
    let target = templateId;
    for (let next = nextVersion(ws, target); templateHasAnswers(ws, target) && next; next = nextVersion(ws, target)) target = next.id;
    let forked = target !== templateId;
    if (templateHasAnswers(ws, target)) {
      const made = forkTemplate(ws, target, userId);
      if (!made.ok) return made;
      target = made.value;
      forked = true;
    }
    const mapQ = (qid: string) => {
      if (!forked) return qid;
      // follow the copies from the given template's question to the target's
      let id: string | undefined = qid;
      for (const t of versionsOf(ws, target).slice(versionsOf(ws, target).findIndex((v) => v.id === templateId) + 1)) {
        id = live(ws, 'surveyQuestions', 'templateId', t.id).find((q) => q.sourceId === id)?.id;
        if (!id) return undefined;
      }
      return id;
    };
    const done = write(target, mapQ);
    return done.ok ? ok({ templateId: target, forked, questionId: done.value }) : done;
  });
}

const gone = () => refuse<never>({ zh: '题目不存在', en: 'The question does not exist' });
const saved = (r: SaveResult, id?: string): Result<string | undefined> => (r.ok ? ok(id ?? r.value.id) : r);

/** Name and description of a template. */
export function editTemplate(ws: Workspace, templateId: string, patch: { name?: string; description?: string }, userId = ws.actorId): Result<TemplateEdit> {
  if ('name' in patch && !asText(patch.name)) return refuse({ zh: '请填写模板名称', en: 'Give the template a name' });
  return onWritable(ws, templateId, userId, (tpl) => saved(editRecord(ws, 'surveyTemplates', tpl, patch, userId), undefined));
}

/** A new question at the end (choice questions start with two options to rename). */
export function addQuestion(ws: Workspace, templateId: string, type: QuestionType, text: string, userId = ws.actorId): Result<TemplateEdit> {
  if (!asText(text)) return refuse({ zh: '请填写题目', en: 'Write the question' });
  return onWritable(ws, templateId, userId, (tpl) => {
    const last = templateQuestions(ws, tpl).at(-1);
    const values: RecordValues = { templateId: tpl, type, text: text.trim(), required: false, order: (last?.order ?? 0) + 1 };
    return saved(saveRecord(ws, entityDef(ws, 'surveyQuestions'), values, undefined, { userId }));
  });
}

/** Change a question's text, type or whether it must be answered. */
export function editQuestion(ws: Workspace, questionId: string, patch: { text?: string; type?: QuestionType; required?: boolean }, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  if (!q || q.deleted) return gone();
  if ('text' in patch && !asText(patch.text)) return refuse({ zh: '题目不能为空', en: 'A question cannot be empty' });
  return onWritable(ws, String(q.templateId), userId, (_, map) => {
    const id = map(questionId);
    return id ? saved(editRecord(ws, 'surveyQuestions', id, patch, userId), id) : gone();
  });
}

export function removeQuestion(ws: Workspace, questionId: string, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  if (!q || q.deleted) return gone();
  return onWritable(ws, String(q.templateId), userId, (_, map) => {
    const id = map(questionId);
    if (!id) return gone();
    ws.collection('surveyQuestions').remove(id);
    return ok(id);
  });
}

/** One place up (-1) or down (+1). */
export function moveQuestion(ws: Workspace, questionId: string, dir: -1 | 1, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  if (!q || q.deleted) return gone();
  return onWritable(ws, String(q.templateId), userId, (tpl, map) => {
    const id = map(questionId);
    if (!id) return gone();
    for (const m of moveOrders(templateQuestions(ws, tpl), id, dir)) ws.collection('surveyQuestions').update(m.id, { order: m.order });
    return ok(id);
  });
}

/** A new option at the end of a choice question: a field of its own, so options added on two devices are both kept. */
export function addOption(ws: Workspace, questionId: string, text: string, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  if (!q || q.deleted) return gone();
  if (!asText(text)) return refuse({ zh: '选项不能为空', en: 'An option cannot be empty' });
  return onWritable(ws, String(q.templateId), userId, (_, map) => {
    const id = map(questionId);
    const rec = id ? ws.collection('surveyQuestions').get(id) : undefined;
    if (!id || !rec) return gone();
    if (optionsOf(rec).some((o) => o.text === text.trim())) return refuse({ zh: `选项“${text.trim()}”已存在`, en: `The option "${text.trim()}" already exists` });
    ws.collection('surveyQuestions').update(id, { [optionField(newId())]: { text: text.trim(), order: nextOptionOrder(rec) } });
    return ok(id);
  });
}

export function renameOption(ws: Workspace, questionId: string, optionId: string, text: string, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  const opt = q ? optionsOf(q).find((o) => o.id === optionId) : undefined;
  if (!q || !opt) return gone();
  if (!asText(text)) return refuse({ zh: '选项不能为空', en: 'An option cannot be empty' });
  return onWritable(ws, String(q.templateId), userId, (_, map) => {
    const id = map(questionId);
    if (!id) return gone();
    ws.collection('surveyQuestions').update(id, { [optionField(optionId)]: { text: text.trim(), order: opt.order } });
    return ok(id);
  });
}

/** Clears the option's field (a stamped tombstone, so the removal also wins on peers that still hold it). */
export function removeOption(ws: Workspace, questionId: string, optionId: string, userId = ws.actorId): Result<TemplateEdit> {
  const q = ws.collection('surveyQuestions').get(questionId);
  if (!q || q.deleted) return gone();
  return onWritable(ws, String(q.templateId), userId, (_, map) => {
    const id = map(questionId);
    if (!id) return gone();
    ws.collection('surveyQuestions').update(id, { [optionField(optionId)]: undefined });
    return ok(id);
  });
}

/** Why the template cannot be published yet (every question named, choice questions with two options or more), or null. */
export function publishBlocker(questions: readonly Question[]): { zh: string; en: string } | null {
  if (!questions.length) return { zh: '问卷至少需要一道题目', en: 'A questionnaire needs at least one question' };
  for (const q of questions) {
    if (isChoice(q.type) && q.options.length < 2) {
      const n = questionName(questions, q);
      return { zh: `${n.zh}至少需要两个选项`, en: `${n.en} needs at least two options` };
    }
  }
  return null;
}

export function publishTemplate(ws: Workspace, templateId: string, userId = ws.actorId): SaveResult {
  const blocker = publishBlocker(templateQuestions(ws, templateId));
  if (blocker) return refuse(blocker);
  return editRecord(ws, 'surveyTemplates', templateId, { status: 'published' }, userId);
}

/** A response as a form or the kiosk gives it. */
export interface ResponseInput {
  customerId?: string; contactId?: string; userId?: string;
  answers: Record<string, unknown>;
  channel: 'staff' | 'kiosk';
}

/** Save one response through the one save path: a refusal names each question that is unanswered or wrong, and nothing is written. */
export function submitResponse(ws: Workspace, surveyId: string, input: ResponseInput, userId = ws.actorId, now?: number): SaveResult {
  const answers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.answers)) if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) answers[k] = v;
  return saveRecord(ws, entityDef(ws, 'surveyResponses'), {
    surveyId, customerId: input.customerId, contactId: input.contactId, userId: input.userId, channel: input.channel, answers,
  }, undefined, { userId, now });
}

/** A survey's live responses, oldest first. */
export function responsesOf(ws: Workspace, surveyId: string): BaseRecord[] {
  return live(ws, 'surveyResponses', 'surveyId', surveyId).sort((a, b) => (Number(a.at) || 0) - (Number(b.at) || 0));
}
