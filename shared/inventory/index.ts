export * from './aliases';
export * from './count';
export * from './dedupe';
export * from './identity';
export * from './summary';
