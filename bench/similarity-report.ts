/**
 * `npm run bench -- --similarity`: timings of the similarity computation a build does once for
 * all pages, on made-up collections (see `similarity.ts`), printed as a table.
 */
import { benchSimilarity } from './similarity';

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function printSimilarity(): void {
  const rows = benchSimilarity();
  const table = [
    [
      'Postmortems',
      'Runs',
      'Similarity (median)',
      'All pairs (median, runs)',
      'Pairs kept',
      'Matches shown',
      'Recurring groups',
    ],
    ...rows.map((row) => [
      row.postmortems.toLocaleString('en-GB'),
      String(row.runs),
      ms(row.indexedMs),
      `${ms(row.allPairsMs)} (${row.allPairsRuns})`,
      row.pairs.toLocaleString('en-GB'),
      row.matches.toLocaleString('en-GB'),
      row.groups.toLocaleString('en-GB'),
    ]),
  ];
  const widths = (table[0] ?? []).map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(' | ')} |`;
  console.log('Similar incidents and recurring causes, computed once per build');
  console.log(line(table[0] ?? []));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of table.slice(1)) console.log(line(row));
  console.log('');
  console.log(
    'Similarity: the inverted index, each incident page’s best matches with reasons, and the groups. All pairs: the same result by comparing every pair, for comparison.',
  );
  console.log(`Peak memory (RSS): ${gib(process.resourceUsage().maxRSS * 1024)}`);
}
