export * from './kinds';
export * from './relation-rules';
export * from './ids';
export * from './dates';
export * from './records';
export * from './errors';
export * from './validity';
export * from './text';
