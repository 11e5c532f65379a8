import { defineDomainModule } from '../core/module';
import { SERVICE_RULES } from './rules';
import { SERVICE_ENTITIES } from './entities';
import { SERVICE_DICTIONARIES } from './dictionaries';

/** 客户服务: service records, complaints and their steps, the knowledge base. */
export const serviceModule = defineDomainModule({
  key: 'service',
  entities: SERVICE_ENTITIES,
  dictionaries: SERVICE_DICTIONARIES,
  rules: SERVICE_RULES,
  // service records and complaints grow by the thousand a year: a document of their own
  group: 'service',
});
