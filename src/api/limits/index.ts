export * from './query-limits';
export * from './limit-error';
export * from './cost-model';
export * from './operation-cost';
export * from './validation-rules';
export * from './cost-limit-plugin';
export * from './execution-budget';
export * from './rate-limits';
