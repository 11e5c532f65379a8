/**
 * Sales domain (销售管理 + 产品/折扣): pure rules and analyses, no DOM, no Solid, no Yjs.
 * Pages read records through the store and call these; every action returns the patch to
 * write or a zh/en reason, every check returns violations to show, nothing is fixed silently.
 */
export * from './types';
export * from './entities';
export {
  type Values, type Result, type Violation, ok, refuse, asText, asFlag, asDay, asTime, isLive, isDeleted,
  addDays, daysBetween, monthOf, inPeriod, roundRate,
} from './read';
export * from './stages';
export * from './pricing';
export * from './opportunity';
export * from './records';
export * from './quotes';
export * from './projects';
export * from './activities';
export * from './quota';
export * from './funnel';
export * from './analysis';
