export { CUES, locatorOf, readDates, splitParagraphs } from '../../src/ingest';
export { ruleFor } from '../../src/model';
