import { defineDomainModule } from '../core/module';
import { CUSTOMER_RULES } from './rules';
import { customers, contacts, competitors, customerNotes } from './entities';

/** 客户管理: customers, their contacts, competitors, notes (跟进记录) (their dictionaries are the base ones, domain/core/dictionaries.ts). */
export const customersModule = defineDomainModule({
  key: 'customers',
  entities: [customers, contacts, competitors, customerNotes],
  rules: CUSTOMER_RULES,
});
