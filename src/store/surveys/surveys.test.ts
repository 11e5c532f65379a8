import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededWorkspace } from '../test-workspace';
import { Workspace } from '../core/workspace';
import { entityDef, saveRecord } from '../core/records';
import { addOption, addQuestion, editQuestion, moveQuestion, publishTemplate, removeQuestion, responsesOf, submitResponse, templateQuestions, versionsOf } from './surveys';
import { satisfactionIndex } from '../../domain/surveys/results';
import { optionsOf } from '../../domain/surveys/questions';

function setup() {
  const ws = seededWorkspace();
  const tpl = saveRecord(ws, entityDef(ws, 'surveyTemplates'), { name: '客户满意度' });
  if (!tpl.ok) throw new Error('template');
  const id = tpl.value.id;
  const q = (type: 'single' | 'rating' | 'text', text: string) => { const r = addQuestion(ws, id, type, text); if (!r.ok) throw new Error(text); return r.value.questionId!; };
  const q1 = q('single', '渠道');
  addOption(ws, q1, '展会'); addOption(ws, q1, '网络');
  const q2 = q('rating', '总体满意度');
  editQuestion(ws, q2, { required: true });
  const q3 = q('text', '建议');
  const customer = ws.collection('customers').create({ name: '甲公司', code: 'C1', kind: 'customer', category: 'vip' }).id;
  return { ws, id, q1, q2, q3, customer };
}

function openSurvey(ws: Workspace, templateId: string, audience = 'customers') {
  const s = saveRecord(ws, entityDef(ws, 'surveys'), { name: '2026 满意度调查', templateId, audience, status: 'open' });
  if (!s.ok) throw new Error(s.refusal.message.en);
  return s.value.id;
}

describe('survey templates', () => {
  it('only a published template can be put to an audience; publishing needs two options per choice question', () => {
    const { ws, id, q1 } = setup();
    expect(saveRecord(ws, entityDef(ws, 'surveys'), { name: 'x', templateId: id, audience: 'customers' }).ok).toBe(false);
    removeQuestion(ws, q1);
    expect(publishTemplate(ws, id).ok).toBe(true);
  });

  it('moves questions up and down', () => {
    const { ws, id, q3 } = setup();
    moveQuestion(ws, q3, -1);
    expect(templateQuestions(ws, id).map((q) => q.text)).toEqual(['渠道', '建议', '总体满意度']);
    moveQuestion(ws, q3, 1);
    expect(templateQuestions(ws, id).map((q) => q.text)).toEqual(['渠道', '总体满意度', '建议']);
  });

  it('an edit of a template with answers makes a new version; the old answers keep their questions', () => {
    const { ws, id, q1, q2, customer } = setup();
    publishTemplate(ws, id);
    const survey = openSurvey(ws, id);
    const opt = optionsOf(ws.collection('surveyQuestions').get(q1)!)[0].id;
    expect(submitResponse(ws, survey, { customerId: customer, channel: 'staff', answers: { [q1]: opt, [q2]: 4 } }).ok).toBe(true);
    // before answers an edit changes the template itself
    const edit = editQuestion(ws, q2, { text: '总体满意度(1–5)' });
    expect(edit.ok && edit.value).toMatchObject({ templateId: expect.not.stringMatching(id), forked: true });
    if (!edit.ok) return;
    const v2 = edit.value.templateId;
    expect(ws.collection('surveyTemplates').get(v2)).toMatchObject({ version: 2, status: 'draft', previousId: id, name: '客户满意度' });
    expect(templateQuestions(ws, v2).map((q) => q.text)).toEqual(['渠道', '总体满意度(1–5)', '建议']);
    expect(optionsOf(ws.collection('surveyQuestions').get(templateQuestions(ws, v2)[0].id)!).map((o) => o.text)).toEqual(['展会', '网络']);
    // version 1 and its answers are untouched
    expect(templateQuestions(ws, id).map((q) => q.text)).toEqual(['渠道', '总体满意度', '建议']);
    expect(satisfactionIndex(templateQuestions(ws, id), responsesOf(ws, survey))).toBe(75);
    // a second edit of version 1 goes on in version 2, not a third version
    const again = addQuestion(ws, id, 'text', '其他');
    expect(again.ok && again.value.templateId).toBe(v2);
    expect(versionsOf(ws, id).map((t) => t.version)).toEqual([1, 2]);
    expect(templateQuestions(ws, id)).toHaveLength(3);
  });

  it('options added on two devices while apart are both kept', () => {
    const a = new Workspace('x');
    const b = new Workspace('x');
    const sync = (from: Workspace, to: Workspace) => { for (const [g, doc] of from.docs) Y.applyUpdate(to.docs.get(g)!, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(to.docs.get(g)!)), 'remote'); };
    a.transact(() => { a.collection('surveyTemplates').create({ name: 'T', version: 1, status: 'draft' }, 't'); a.collection('surveyQuestions').create({ templateId: 't', type: 'single', text: 'Q', order: 1 }, 'q'); });
    sync(a, b);
    addOption(a, 'q', '甲');
    addOption(b, 'q', '乙');
    sync(a, b); sync(b, a);
    for (const ws of [a, b]) expect(optionsOf(ws.collection('surveyQuestions').get('q')!).map((o) => o.text).sort()).toEqual(['乙', '甲']);
  });
});

describe('responses', () => {
  it('refuses a missing required answer, a rating out of range and a foreign option, naming the question; nothing saved', () => {
    const { ws, id, q1, q2, customer } = setup();
    publishTemplate(ws, id);
    const survey = openSurvey(ws, id);
    const missing = submitResponse(ws, survey, { customerId: customer, channel: 'kiosk', answers: {} });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.refusal.message.zh).toBe('第2题“总体满意度”为必答题');
    const range = submitResponse(ws, survey, { customerId: customer, channel: 'kiosk', answers: { [q2]: 6 } });
    if (!range.ok) expect(range.refusal.message.en).toContain('Question 2 "总体满意度": a rating must be a whole number 1–5');
    const foreign = submitResponse(ws, survey, { customerId: customer, channel: 'kiosk', answers: { [q1]: 'nope', [q2]: 3 } });
    if (!foreign.ok) expect(foreign.refusal.message.zh).toContain('第1题“渠道”:不是该题的选项');
    expect(range.ok || foreign.ok).toBe(false);
    expect(responsesOf(ws, survey)).toHaveLength(0);
  });

  it('a staff entry needs a respondent of the audience; the kiosk may be anonymous; a contact\'s answer names its customer', () => {
    const { ws, id, q2, customer } = setup();
    publishTemplate(ws, id);
    const survey = openSurvey(ws, id);
    expect(submitResponse(ws, survey, { channel: 'staff', answers: { [q2]: 3 } }).ok).toBe(false);
    expect(submitResponse(ws, survey, { userId: 'x', channel: 'kiosk', answers: { [q2]: 3 } }).ok).toBe(false);
    expect(submitResponse(ws, survey, { channel: 'kiosk', answers: { [q2]: 3 } }).ok).toBe(true);
    const contacts = openSurvey(ws, id, 'contacts');
    const contact = ws.collection('contacts').create({ name: '李四', customerId: customer }).id;
    const r = submitResponse(ws, contacts, { contactId: contact, channel: 'staff', answers: { [q2]: 5 } });
    expect(r.ok && r.value).toMatchObject({ customerId: customer, contactId: contact, title: '2026 满意度调查', channel: 'staff' });
  });
});
