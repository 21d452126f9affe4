/** Growth estimate with its uncertainty (TERMS.md §11): forecast, backtest and the planner's arithmetic. */
export * from './category-plan';
export * from './forecast';
export * from './methods';
export * from './normal';
export * from './plan';
