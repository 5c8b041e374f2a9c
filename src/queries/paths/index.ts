export * from './path-types';
export * from './path-queries';
export { checkPathArgs, type PathQuery } from './path-args';
export { pathIndexOf, PathIndex } from './path-index';
