/**
 * Orders domain (订单管理): pure rules, no DOM, no Solid, no Yjs. The store reads records, calls
 * these and writes the patch they return in one transaction, or shows their refusal.
 */
export * from './entities';
export * from './numbering';
export * from './status';
export * from './execution';
export * from './convert';
export { ORDERS_RULES, nextCodeFor } from './rules';
