export * from './ingest-types';
export { readReport, checkReportSource, type ReportInput } from './read-report';
export { prepareText, decodeUtf8, INGEST_LIMITS, tooLarge } from './prepare-text';
export { splitParagraphs, locatorOf } from './paragraphs';
export { readDates, type DateMention } from './report-dates';
export { CUES, type Cue, type CueFamily } from './cue-table';
export { compareWithGraph } from './compare-known';
export { proposeId } from './new-entities';
export * from './review-state';
