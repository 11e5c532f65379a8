import { defineDomainModule } from '../core/module';
import { SURVEYS_DICTIONARIES, SURVEYS_ENTITIES } from './entities';
import { SURVEYS_RULES } from './rules';

/** 调查问卷: templates and their questions, survey activities, responses (answers grow with every activity: the activities group). */
export const surveysModule = defineDomainModule({
  key: 'surveys',
  entities: SURVEYS_ENTITIES,
  dictionaries: SURVEYS_DICTIONARIES,
  rules: SURVEYS_RULES,
  group: 'activities',
});
