import { defineDomainModule } from '../core/module';
import { ORDER_DICTIONARIES, ORDERS_ENTITIES, ORDERS_GROUP } from './entities';
import { ORDERS_RULES } from './rules';
import { ORDER_APPROVAL } from './approval';

/** 订单管理: orders and their lines, deliveries and returns (the money side is domain/finance). */
export const ordersModule = defineDomainModule({
  key: 'orders',
  entities: ORDERS_ENTITIES,
  dictionaries: ORDER_DICTIONARIES,
  rules: ORDERS_RULES,
  // a year of a company's orders and their documents: a document group of their own (with finance)
  group: ORDERS_GROUP,
  approvals: [ORDER_APPROVAL],
});
