import { defineDomainModule } from '../core/module';
import { company, departments, roles, users } from './entities';

/** 企业设置: the company, departments, roles and users. */
export const orgModule = defineDomainModule({
  key: 'org',
  entities: [company, departments, roles, users],
});
