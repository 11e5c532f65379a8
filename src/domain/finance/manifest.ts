import { defineDomainModule } from '../core/module';
import { ORDERS_GROUP } from '../orders/entities';
import { FINANCE_DICTIONARIES, FINANCE_ENTITIES } from './entities';
import { FINANCE_RULES } from './rules';
import { EXPENSE_APPROVAL } from './approval';

/** 财务处理: collection plans, receipts, payments, expenses, dunning, value snapshots. */
export const financeModule = defineDomainModule({
  key: 'finance',
  entities: FINANCE_ENTITIES,
  dictionaries: FINANCE_DICTIONARIES,
  rules: FINANCE_RULES,
  // the money of orders lives with the orders: one document group (see "Document groups")
  group: ORDERS_GROUP,
  approvals: [EXPENSE_APPROVAL],
});
