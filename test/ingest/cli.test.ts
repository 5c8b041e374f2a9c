import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const directory = mkdtempSync(join(tmpdir(), 'proxygraph-ingest-cli-'));
const article = join(directory, 'article.html');
writeFileSync(article, '<html><head><title>x</title><script>alert("owned")</script></head><body><h1>Report</h1><p>Kataib Hezbollah, which is backed by Iran, attacked Camp Victory on Friday.</p><p>Gen. Yahya Rasool spoke.</p></body></html>');

describe('proxygraph ingest', () => {
  test('--json prints the draft as one document, HTML stripped, nothing stored', async () => {
    const { output, out, err } = capture();
    const code = await run(['ingest', article, '--title', 'Wire report', '--published', '2024-04-21', '--publisher', 'Wire', '--url', 'https://example.org/r', '--json'], output);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const draft = JSON.parse(out.join('\n'));
    expect(draft.source).toEqual({ title: 'Wire report', published: '2024-04-21', publisher: 'Wire', url: 'https://example.org/r' });
    expect(draft.paragraphs).toEqual(['Report', 'Kataib Hezbollah, which is backed by Iran, attacked Camp Victory on Friday.', 'Gen. Yahya Rasool spoke.']);
    expect(JSON.stringify(draft)).not.toContain('alert');
    expect(draft.notes[0]).toMatch(/HTML markup removed/);
    const mention = draft.mentions.find((candidate: { text: string }) => candidate.text === 'Kataib Hezbollah');
    expect(mention).toMatchObject({ paragraph: 2, start: 0, end: 16, entity: 'kataib-hezbollah', newEntity: null, candidates: [] });
    const attack = draft.proposals.find((proposal: { type: string }) => proposal.type === 'ATTACKED');
    expect(attack).toMatchObject({ source: { entity: 'kataib-hezbollah' }, target: { entity: null, name: 'Camp Victory' }, start: '2024-04-19', evidence: { paragraph: 2, locator: '¶2' } });
    expect(Object.keys(attack)).toEqual(expect.arrayContaining(['id', 'type', 'source', 'target', 'start', 'end', 'confidence', 'evidence', 'conflicts']));
  });

  test('without --json, a readable summary', async () => {
    const { output, out } = capture();
    expect(await run(['ingest', article, '--title', 'Wire report', '--published', '2024-04-21'], output)).toBe(0);
    expect(out[0]).toMatch(/^Wire report \(2024-04-21\): 3 paragraphs/);
    expect(out.some((line) => /BACKS iran -> kataib-hezbollah .* adds evidence to iran-backs-kataib-hezbollah/.test(line))).toBe(true);
  });

  test.each([
    [['--published', '2024-04-21'], /source.title: is required/],
    [['--title', 'T'], /source.published: is required/],
    [['--title', 'T', '--published', '2024-13-01'], /source.published: .*no month 13/],
  ])('a missing or impossible source field is refused (%j)', async (options, message) => {
    const { output, err } = capture();
    expect(await run(['ingest', article, ...options], output)).toBe(1);
    expect(err.join('\n')).toMatch(message);
  });

  test('invalid UTF-8, binary and oversized files are refused with the reason and the limit', async () => {
    const invalid = join(directory, 'invalid.txt');
    writeFileSync(invalid, Buffer.from([0x4b, 0x61, 0xff, 0xfe, 0x62]));
    const binary = join(directory, 'binary.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0]));
    const large = join(directory, 'large.txt');
    writeFileSync(large, Buffer.alloc(10 * 1024 * 1024, 'a'));
    for (const [file, message] of [[invalid, /not valid UTF-8 \(first bad byte at offset 2\)/], [binary, /looks binary/], [large, /10,485,760 bytes, over the limit of 300,000 bytes/]] as const) {
      const { output, err } = capture();
      expect(await run(['ingest', file, '--title', 'T', '--published', '2024-04-21'], output)).toBe(1);
      expect(err.join('\n')).toMatch(message);
    }
  });
});
