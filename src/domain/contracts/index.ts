export * from './entities';
export * from './status';
export * from './expiry';
export * from './rules';
export * from './approval';
