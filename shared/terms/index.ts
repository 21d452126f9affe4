/** TERMS.md as functions. Screens, exports and the `csm` command all compute through this module. */
export * from './baseline';
export * from './business-days';
export * from './csm-blocks';
export * from './dates';
export * from './fraction';
export * from './holidays';
export * from './money';
export * from './percent';
export * from './rma';
export * from './settings';
export * from './term';
export * from './true-up';
