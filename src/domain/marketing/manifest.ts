import { defineDomainModule } from '../core/module';
import { MARKETING_DICTIONARIES, MARKETING_ENTITIES } from './entities';
import { MARKETING_RULES } from './rules';
import { MARKET_ACTIVITY_APPROVAL } from './approval';

/** 市场管理: market activities with participants, market tasks, tracking notes (they grow by the week: the activities group). */
export const marketingModule = defineDomainModule({
  key: 'marketing',
  entities: MARKETING_ENTITIES,
  dictionaries: MARKETING_DICTIONARIES,
  rules: MARKETING_RULES,
  group: 'activities',
  approvals: [MARKET_ACTIVITY_APPROVAL],
});
