import type { BaseRecord, RecordValues } from '../core/record';
import type { EntityRules, RuleContext } from '../core/rules';
import type { Errors } from '../core/validate';
import { asText } from '../core/read';
import { asDay } from '../sales/read';
import { answerErrors } from './answers';
import { questionsOf } from './questions';

/** Rules of the survey entities (read by the one save path, store/core/records.ts). */

/** Where a response's answer errors go: `answers.<question id>`, so a form can mark the question. */
export const ANSWER_ERROR_PREFIX = 'answers.';

const pick = (values: RecordValues, old: BaseRecord | undefined, k: string) => (k in values ? values[k] : old?.[k]);

export const templateRules: EntityRules = {
  defaults: () => ({ version: 1, status: 'draft' }),
};

export const questionRules: EntityRules = {
  defaults: () => ({ type: 'single', required: false }),
};

/** Whether the survey has any live response (its template version is then fixed). */
export function hasResponses(ctx: Pick<RuleContext, 'live'>, surveyId: string): boolean {
  return ctx.live('surveyResponses').some((r) => r.surveyId === surveyId && !r.deleted);
}

export const surveyRules: EntityRules = {
  defaults: (ctx) => ({ status: 'planned', audience: 'customers', startDate: ctx.today, ownerId: ctx.userId }),
  validate: (values, old, ctx) => {
    const errors: Errors = {};
    const templateId = pick(values, old, 'templateId');
    const tpl = ctx.get('surveyTemplates', templateId);
    if (templateId && (!tpl || tpl.deleted)) errors.templateId = { zh: '问卷模板不存在', en: 'The template does not exist' };
    else if (tpl && tpl.status !== 'published' && templateId !== old?.templateId) errors.templateId = { zh: '只能使用已发布的问卷模板', en: 'Only a published template can be used' };
    if (old && 'templateId' in values && values.templateId !== old.templateId && hasResponses(ctx, old.id)) {
      errors.templateId = { zh: '已有答卷,问卷版本不能再更换', en: 'It has responses: its template version cannot change' };
    }
    const start = asDay(pick(values, old, 'startDate'));
    const end = asDay(pick(values, old, 'endDate'));
    if (start && end && end < start) errors.endDate = { zh: '结束日期不能早于开始日期', en: 'The end cannot be before the start' };
    return errors;
  },
};

/** The respondent fields an audience allows (a contact's answer also carries its customer). */
const RESPONDENT_OF: Record<string, string> = { customers: 'customerId', contacts: 'contactId', employees: 'userId' };

export const responseRules: EntityRules = {
  defaults: (ctx) => ({ at: ctx.now, enteredBy: ctx.userId, channel: 'staff' }),
  prepare: (values, old, ctx) => {
    const survey = ctx.get('surveys', pick(values, old, 'surveyId'));
    const contact = ctx.get('contacts', pick(values, old, 'contactId'));
    return {
      ...values,
      title: asText(survey?.name) ?? undefined,
      // a contact speaks for its customer: the customer's page shows the answer
      ...(contact ? { customerId: asText(contact.customerId) ?? undefined } : {}),
    };
  },
  validate: (values, old, ctx) => {
    const errors: Errors = {};
    const survey = ctx.get('surveys', pick(values, old, 'surveyId'));
    if (!survey || survey.deleted) return { surveyId: { zh: '调查活动不存在', en: 'The survey does not exist' } };
    if (!old && survey.status === 'closed') errors.surveyId = { zh: '调查已结束,不再接收答卷', en: 'The survey is closed: it takes no more responses' };
    const audience = String(survey.audience ?? '');
    const own = RESPONDENT_OF[audience];
    for (const f of Object.values(RESPONDENT_OF)) {
      if (f === own || (audience === 'contacts' && f === 'customerId')) continue;
      if (pick(values, old, f)) errors[f] = { zh: '答卷人不属于该调查的调查对象', en: 'The respondent is not of the survey\'s audience' };
    }
    if (own && !pick(values, old, own) && pick(values, old, 'channel') !== 'kiosk') {
      errors[own] = { zh: '请选择答卷人', en: 'Choose the respondent' };
    }
    const questions = questionsOf(ctx.live('surveyQuestions') as (BaseRecord & { id: string })[], String(survey.templateId ?? ''));
    for (const [qid, msg] of Object.entries(answerErrors(questions, pick(values, old, 'answers')))) errors[ANSWER_ERROR_PREFIX + qid] = msg;
    return errors;
  },
};

export const SURVEYS_RULES: Record<string, EntityRules> = {
  surveyTemplates: templateRules,
  surveyQuestions: questionRules,
  surveys: surveyRules,
  surveyResponses: responseRules,
};
