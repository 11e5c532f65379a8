import { defineDomainModule } from '../core/module';
import { ORDERS_GROUP } from '../orders/entities';
import { CONTRACT_APPROVAL } from './approval';
import { CONTRACT_DICTIONARIES, CONTRACTS_ENTITIES } from './entities';
import { CONTRACTS_RULES } from './rules';

/** 合同管理: contracts from orders, opportunities or made directly; approved on the engine. */
export const contractsModule = defineDomainModule({
  key: 'contracts',
  entities: CONTRACTS_ENTITIES,
  dictionaries: CONTRACT_DICTIONARIES,
  rules: CONTRACTS_RULES,
  group: ORDERS_GROUP,
  approvals: [CONTRACT_APPROVAL],
});
