export * from './path-types';
export * from './path-queries';
export { checkPathArgs, type PathQuery } from './path-args';
export { invalidatePathIndex, pathIndexOf, PathIndex } from './path-index';
