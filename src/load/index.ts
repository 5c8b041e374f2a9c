export * from './read-yaml-file';
export * from './validate-dataset';
export * from './knowledge-graph';
export * from './graph-changes';
export * from './load-dataset';
export { checkEntity, checkRelationship, checkSource } from './check-records';
export { RecordChecker } from './record-checker';
export * from './bounded-read';
export * from './possible-duplicates';
