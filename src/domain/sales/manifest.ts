import { defineDomainModule } from '../core/module';
import { SALES_RULES } from './rules';
import { QUOTE_APPROVAL } from './approval';
import { SALES_ENTITIES, SALES_DICTIONARIES } from './entities';

/** 销售管理 and 产品管理: products, leads, opportunities, records, quotes, projects, plans. */
export const salesModule = defineDomainModule({
  key: 'sales',
  entities: SALES_ENTITIES,
  dictionaries: SALES_DICTIONARIES,
  rules: SALES_RULES,
  approvals: [QUOTE_APPROVAL],
});
