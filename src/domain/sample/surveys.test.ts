import { describe, expect, it } from 'vitest';
import { sampleCompany } from './index';
import { questionsOf } from '../surveys/questions';
import { answerErrors } from '../surveys/answers';
import { satisfactionIndex, surveyResults } from '../surveys/results';

describe('sample company: the customer satisfaction survey', () => {
  const data = sampleCompany({ history: true });
  const questions = questionsOf(data.surveyQuestions, 'svt001');
  it('one published template with every question type, one survey, 40 responses of distinct customers', () => {
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'rating', 'text']));
    expect(data.surveyTemplates).toMatchObject([{ status: 'published', version: 1 }]);
    expect(data.surveys).toHaveLength(1);
    expect(data.surveyResponses).toHaveLength(40);
    const customers = new Set(data.customers.map((c) => c.id));
    expect(data.surveyResponses.every((r) => customers.has(String(r.customerId)))).toBe(true);
    expect(new Set(data.surveyResponses.map((r) => r.customerId)).size).toBe(40);
  });
  it('every response passes the checks a response entered now would', () => {
    for (const r of data.surveyResponses) expect(answerErrors(questions, r.answers), r.id).toEqual({});
  });
  it('results have figures in every question and a plausible satisfaction index', () => {
    const results = surveyResults(questions, data.surveyResponses);
    expect(results.every((r) => r.answered > 0)).toBe(true);
    const idx = satisfactionIndex(questions, data.surveyResponses)!;
    expect(idx).toBeGreaterThan(50);
    expect(idx).toBeLessThan(90);
  });
  it('is the same on every run', () => {
    expect(sampleCompany({ history: true }).surveyResponses).toEqual(data.surveyResponses);
  });
});
