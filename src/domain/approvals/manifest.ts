import { defineDomainModule } from '../core/module';
import { APPROVAL_DICTIONARIES, APPROVALS_ENTITIES } from './entities';
import { APPROVALS_RULES } from './rules';

/** 业务审批: approval rules and step records; document types register through their own manifests (`approvals`). */
export const approvalsModule = defineDomainModule({
  key: 'approvals',
  entities: APPROVALS_ENTITIES,
  dictionaries: APPROVAL_DICTIONARIES,
  rules: APPROVALS_RULES,
});
