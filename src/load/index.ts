export * from './read-yaml-file';
export * from './validate-dataset';
export * from './knowledge-graph';
export { buildGraph, GraphBuilder } from './graph-builder';
export * from './graph-changes';
export * from './load-dataset';
export { checkEntity, checkRelationship, checkSource } from './check-records';
export { RecordChecker } from './record-checker';
