/**
 * `npm run bench`: timings of the work a build does once for all pages, on made-up collections,
 * with the machine they ran on. Not part of `npm test`: timings depend on the machine and on
 * what else it is doing, so they are for reading, not for asserting.
 */
import os from 'node:os';
import { benchSimilarity } from './similarity';

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const cpus = os.cpus();
console.log(
  `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${gib(os.totalmem())} memory`,
);
console.log(
  `Node.js ${process.version}, ${os.platform()} ${os.arch()}, load average ${os.loadavg()[0]?.toFixed(2)}`,
);
console.log('');

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
