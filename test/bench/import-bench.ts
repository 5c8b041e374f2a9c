import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatImportCommand } from '../../src/cli/format-commands';
import { readCsv, readStix } from '../../src/interop';
import { validateDataset } from '../../src/load';

/**
 * `npm run bench:import`: `proxygraph import --format F --to DIR` of N generated records (CSV entities; STIX
 * threat-actors with one relationship per two), for N = 5,000, 10,000, 20,000 and 40,000 (BENCH_IMPORT_MAX to change
 * the largest). Baseline in the same run: reading and validating the same records in memory (what any import must
 * do). Linear when the time per record stays flat as N doubles; the quadratic import of issue #17 grew fourfold.
 */

const quiet = { out: () => undefined, err: () => undefined };
const MAX = Number(process.env.BENCH_IMPORT_MAX ?? 40_000);

function csvEntities(n: number): string {
  return `id,kind,name,description\n${Array.from({ length: n }, (_, i) => `org-${i},ORGANIZATION,Org ${i},Generated organisation number ${i}`).join('\n')}\n`;
}

function stixBundle(n: number): string {
  const uuid = (i: number, kind: number) => `00000000-0000-4000-8000-${(kind * 1e11 + i).toString(16).padStart(12, '0')}`;
  const objects: object[] = [];
  for (let i = 0; i < n; i++) objects.push({ type: 'threat-actor', spec_version: '2.1', id: `threat-actor--${uuid(i, 1)}`, name: `Actor ${i}`, created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z' });
  for (let i = 0; i + 1 < n; i += 2) {
    objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 2)}`, relationship_type: 'cooperates-with', source_ref: `threat-actor--${uuid(i, 1)}`, target_ref: `threat-actor--${uuid(i + 1, 1)}`, created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z' });
  }
  return JSON.stringify({ type: 'bundle', id: `bundle--${uuid(0, 3)}`, objects }, null, 1);
}

async function seconds(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'proxygraph-import-bench-'));
  const rows: string[] = [];
  try {
    for (const [format, file, generate, read] of [
      ['csv', 'entities.csv', csvEntities, readCsv],
      ['stix', 'bundle.json', stixBundle, readStix],
    ] as const) {
      let firstPerRecord = 0;
      for (let n = 5_000; n <= MAX; n *= 2) {
        const input = join(work, `${format}-${n}`);
        mkdirSync(input);
        const text = generate(n);
        writeFileSync(join(input, file), text);
        const records = format === 'stix' ? n + Math.floor(n / 2) : n;
        const baseline = await seconds(() => validateDataset(read([{ name: file, text }])));
        const imported = await seconds(() => formatImportCommand(['--format', format, '--to', join(work, `out-${format}-${n}`), join(input, file)], quiet, {}));
        const perRecord = (imported / records) * 1e6;
        firstPerRecord ||= perRecord;
        rows.push(`| ${format} | ${records.toLocaleString('en')} | ${imported.toFixed(2)} | ${perRecord.toFixed(0)} | ${(perRecord / firstPerRecord).toFixed(2)} | ${baseline.toFixed(2)} | ${(imported / baseline).toFixed(1)} |`);
        process.stderr.write(`${rows[rows.length - 1]}\n`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(
    ['', '`import --to DIR` (linear: µs per record flat as N doubles)', '', '| format | records | import s | µs/record | × first | read+validate s | × read+validate |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows, ''].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
