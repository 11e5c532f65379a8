/**
 * Finance domain (财务处理): accounts, arrears and ageing, dunning, value pyramids, target actuals.
 * Pure functions over records the store passes in.
 */
export * from './entities';
export * from './accounts';
export * from './pyramids';
export * from './targets';
export { FINANCE_RULES, orderMoneyIn } from './rules';
