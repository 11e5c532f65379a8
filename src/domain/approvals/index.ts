export * from './types';
export * from './evaluate';
export * from './status';
export * from './phase';
