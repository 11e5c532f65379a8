import type { GenContext } from './generate';
import type { SampleData, SampleRecord } from './index';

/**
 * The sample company's customer satisfaction survey (调查问卷, issue 13): one published template
 * with every question type, a survey of customers held last month, and ~40 responses — entered by
 * the marketing staff or given on the kiosk. It draws from its own random stream (index.ts), so
 * every other sample record stays exactly as it was.
 */

/** China time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const SAMPLE_SURVEY_RESPONSES = 40;
/** Who enters answers: 何静 of 市场部, and the administrator. */
const ENTERED_BY = ['us012', 'us001'] as const;

const TEMPLATE = 'svt001';
const SURVEY = 'svy001';

type Q = { id: string; type: string; text: string; required: boolean; options?: string[] };
const QUESTIONS: Q[] = [
  { id: 'svq001', type: 'single', text: '您通过什么渠道了解到我们的产品?', required: true, options: ['展会', '网络搜索', '朋友推荐', '销售拜访'] },
  { id: 'svq002', type: 'multiple', text: '您目前使用了哪些模块?', required: false, options: ['客户管理', '销售管理', '订单管理', '客户服务', '分析决策'] },
  { id: 'svq003', type: 'rating', text: '对产品质量的满意程度', required: true },
  { id: 'svq004', type: 'rating', text: '对售后服务的满意程度', required: true },
  { id: 'svq005', type: 'rating', text: '对交付速度的满意程度', required: false },
  { id: 'svq006', type: 'text', text: '您对我们还有什么建议?', required: false },
];
const SUGGESTIONS = ['希望增加移动端审批', '培训可以更系统一些', '响应速度很快,满意', '报表希望能自定义', '价格可以再优惠一点', '客服态度很好', '希望提供更多行业模板'];

const optId = (q: string, i: number) => `${q}o${i + 1}`;

/** A rating leaning to 4: most customers are content, a few are not. */
const RATING_WEIGHTS = [0.04, 0.08, 0.22, 0.4, 0.26];

export function genSurveys(ctx: GenContext, customers: readonly SampleRecord[]): SampleData {
  const { rng, days } = ctx;
  const start = days.at(-40);
  const end = days.at(-10);
  const questions: SampleRecord[] = QUESTIONS.map((q, i) => ({
    id: q.id, templateId: TEMPLATE, order: i + 1, type: q.type, text: q.text, required: q.required,
    ...Object.fromEntries((q.options ?? []).map((text, j) => [`opt_${optId(q.id, j)}`, { text, order: j + 1 }])),
  }));
  const rating = () => { let x = rng.next(); for (let s = 0; s < 5; s++) { x -= RATING_WEIGHTS[s]; if (x < 0) return s + 1; } return 5; };
  const chosen = new Set<string>();
  const responses: SampleRecord[] = [];
  for (let n = 0; n < SAMPLE_SURVEY_RESPONSES; n++) {
    let c = rng.pick(customers);
    while (chosen.has(c.id)) c = rng.pick(customers);
    chosen.add(c.id);
    const answers: Record<string, unknown> = {};
    for (const q of QUESTIONS) {
      if (!q.required && rng.chance(0.2)) continue;
      if (q.type === 'single') answers[q.id] = optId(q.id, rng.int(q.options!.length));
      else if (q.type === 'multiple') {
        const picked = q.options!.map((_, j) => optId(q.id, j)).filter(() => rng.chance(0.45));
        if (picked.length) answers[q.id] = picked;
      } else if (q.type === 'rating') answers[q.id] = rating();
      else if (rng.chance(0.5)) answers[q.id] = rng.pick(SUGGESTIONS);
    }
    const day = -40 + rng.int(31);
    const kiosk = rng.chance(0.35);
    responses.push({
      id: `svr${String(n + 1).padStart(3, '0')}`, surveyId: SURVEY, title: '2026 年度客户满意度调查', customerId: c.id,
      channel: kiosk ? 'kiosk' : 'staff', enteredBy: kiosk ? 'us012' : rng.pick(ENTERED_BY),
      // during office hours, China time
      at: Date.parse(`${days.at(day)}T00:00:00Z`) - CHINA_OFFSET_MS + (9 * 60 + rng.int(8 * 60)) * 60_000,
      answers,
    });
  }
  responses.sort((a, b) => Number(a.at) - Number(b.at));
  return {
    surveyTemplates: [{ id: TEMPLATE, name: '客户满意度调查问卷', version: 1, status: 'published', description: '年度客户满意度调查:产品、服务与交付' }],
    surveyQuestions: questions,
    surveys: [{
      id: SURVEY, name: '2026 年度客户满意度调查', templateId: TEMPLATE, audience: 'customers', startDate: start, endDate: end,
      status: 'closed', ownerId: 'us012', description: '年度回访,了解客户对产品与服务的满意程度',
    }],
    surveyResponses: responses,
  };
}

