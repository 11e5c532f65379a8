import { defineDomainModule } from '../core/module';
import { CLASSROOM_ENTITIES } from './lab-entities';

/** 课堂: the lab guide's runs and the teacher's exercises (lab-entities.ts). */
export const classroomModule = defineDomainModule({
  key: 'classroom',
  entities: CLASSROOM_ENTITIES,
});
