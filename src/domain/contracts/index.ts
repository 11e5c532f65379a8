export * from './entities';
export * from './status';
export * from './rules';
export * from './approval';
