import { readRecordHead } from '../../src/load/record-head';

const headOf = (text: string) => readRecordHead(text, text.indexOf(',"evidence":'));
const parsedHead = (text: string) => JSON.parse(`${text.slice(0, text.indexOf(',"evidence":'))}}`) as unknown;

test.each([
  '{"id":"r1","type":"BACKS","source":"a","target":"b","evidence":[{"source":"s"}]}',
  '{"id":"r1","type":"BACKS","source":"a","target":"b","start":"2001","end":"2003-02-01","confidence":0.83,"disputed":true,"weight":7,"evidence":[{"source":"s"}],"attributes":{"x":1}}',
  '{"id":"r1","type":"ATTACKED","source":"a","target":"b","start":"1999-12","confidence":1e-7,"weight":0,"evidence":[]}',
  '{"id":"r1","type":"BACKS","source":"a","target":"b","disputed":false,"evidence":[]}',
  '{"id":"r-2","type":"BACKS","source":"a","target":"b","weight":12.5e+3,"evidence":[]}',
])('the head of %s is what JSON.parse gives, fields in the same order', (text) => {
  const head = headOf(text);
  expect(head).toEqual(parsedHead(text));
  expect(Object.keys(head!)).toEqual(Object.keys(parsedHead(text) as object));
});

test.each([
  ['an escape in a text', '{"id":"r1","type":"BACKS","source":"a\\"x","target":"b","evidence":[]}'],
  ['fields out of order', '{"id":"r1","type":"BACKS","target":"b","source":"a","evidence":[]}'],
  ['another field', '{"id":"r1","type":"BACKS","source":"a","target":"b","note":"x","evidence":[]}'],
  ['a number JSON does not write', '{"id":"r1","type":"BACKS","source":"a","target":"b","weight":0x10,"evidence":[]}'],
  ['a text where a number goes', '{"id":"r1","type":"BACKS","source":"a","target":"b","confidence":"high","evidence":[]}'],
  ['a field missing', '{"id":"r1","type":"BACKS","source":"a","evidence":[]}'],
  ['spaces (PostgreSQL jsonb text)', '{"id":"r1","type":"BACKS","source":"a","target": "b","evidence":[]}'],
])('%s: null (the caller parses the text whole)', (_what, text) => {
  expect(headOf(text)).toBeNull();
});
