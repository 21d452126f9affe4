export * from './aliases';
export * from './count';
export * from './dedupe';
export * from './identity';
export * from './dates';
export * from './normalise';
export * from './parsed';
export * from './summary';
