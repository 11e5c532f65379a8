import { lazy } from 'solid-js';
import { defineUiModule, page } from '../shared/module';
import { MARKETING_GROUP } from '../marketing/manifest';

const section = <K extends string>(load: () => Promise<Record<K, unknown>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as never }));

/** 调查问卷: templates and their editor, surveys with their responses and results, the kiosk (a bare page: the whole screen). */
export const surveysUi = defineUiModule({
  key: 'surveys',
  routes: [
    { path: '/surveys', component: page(() => import('./SurveysPage'), 'SurveysPage') },
    { path: '/surveys/templates', component: page(() => import('./TemplatesPage'), 'TemplatesPage') },
    { path: '/surveys/templates/:id', component: page(() => import('./TemplatesPage'), 'TemplatePage') },
    { path: '/surveys/:id', component: page(() => import('./SurveysPage'), 'SurveyPage') },
    { path: '/surveys/:id/results', component: page(() => import('./ResultsPage'), 'ResultsPage') },
    { path: '/kiosk/:id', component: page(() => import('./KioskPage'), 'KioskPage'), bare: true },
  ],
  nav: [
    { path: 'surveys', label: 'nav.surveys', group: MARKETING_GROUP, order: 40 },
    { path: 'surveys/templates', label: 'nav.surveyTemplates', group: MARKETING_GROUP, order: 41 },
  ],
  customerSections: [{ order: 60, component: section(() => import('./CustomerSurveys'), 'CustomerSurveys') }],
  timeline: [
    { kind: 'surveyResponses', entity: 'surveyResponses', label: 'surveys.tl', order: 120, customer: { field: 'customerId' },
      when: ['at'], who: ['enteredBy'], details: ['contactId', 'channel'], href: (r) => (typeof r.surveyId === 'string' ? `surveys/${r.surveyId}` : null) },
  ],
  search: [
    { entity: 'surveys', fields: ['name'], open: (r) => `surveys/${r.id}` },
    { entity: 'surveyTemplates', fields: ['name'], open: (r) => `surveys/templates/${r.id}` },
  ],
  // the global search's "new" commands: the list opens its add form (?new=1)
  actions: [
    { entity: 'surveys', path: 'surveys', order: 64, label: 'surveys.new' },
    { entity: 'surveyTemplates', path: 'surveys/templates', order: 65, label: 'surveys.newTemplate' },
  ],
});
