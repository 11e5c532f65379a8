/** Customer service (客户服务): the pure domain layer — entities, time spent, complaint flow, knowledge base, analysis. */
export type { Values } from './read';
export { asText, asFlag, isDeleted } from './read';
export type { DictOption, DictDefault } from './dictionaries';
export { SERVICE_DICTIONARIES, serviceDictionary } from './dictionaries';
export type { ServiceFieldDef, ServiceEntityDef } from './entities';
export {
  SERVICE_MODULE, serviceRecordsDef, complaintsDef, complaintStepsDef, knowledgeArticlesDef, SERVICE_ENTITIES, isReadOnlyField,
} from './entities';
export { asTime, minutesSpent, validateServiceTimes, withMinutesSpent } from './time';
export type {
  ComplaintStatus, ComplaintStepKind, ComplaintTargetKind, ComplaintStep, Person, Owner, StepInput,
  ComplaintPatch, StepResult,
} from './complaints';
export {
  COMPLAINT_STATUSES, COMPLAINT_STEP_KINDS, STATUS_LABELS, STEP_LABELS, applyStep, checkHandlerAccess,
  timeline, currentStatus, nextSteps, assignedTo, waitingForRevisit, complaintTarget, validateComplaint,
} from './complaints';
export type { ArticleDraft, ArticleResult, DictLabel } from './knowledge';
export { articleFromService, deriveTitle, parseTags, searchArticles } from './knowledge';
export type {
  ServiceGroupBy, ServiceFigureIds, ServiceFigures, ServiceAnalysisRow, ServiceAnalysis, ServiceAnalysisOptions,
} from './analysis';
export { SERVICE_GROUP_BYS, EMPTY_GROUP_LABEL, analyzeService } from './analysis';
