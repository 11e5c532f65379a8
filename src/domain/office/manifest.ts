import { defineDomainModule } from '../core/module';
import { OFFICE_DICTIONARIES, OFFICE_ENTITIES } from './entities';
import { OFFICE_RULES } from './rules';

/** 员工中心: work plans and summaries, announcements (plans grow by the week: the activities group). */
export const officeModule = defineDomainModule({
  key: 'office',
  entities: OFFICE_ENTITIES,
  dictionaries: OFFICE_DICTIONARIES,
  rules: OFFICE_RULES,
  group: 'activities',
});
