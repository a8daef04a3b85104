import fs from 'node:fs';
import os from 'node:os';
import * as prettier from 'prettier';
import { METRICS, type Metrics } from './metrics';

/** The machine a run measured, as the first line of the report says it. */
export function machineLine(): string {
  const cpus = os.cpus();
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${gib(os.totalmem())} memory, Node.js ${process.version}, ${os.platform()} ${os.arch()}, load average ${load}`;
}

/** What a table in BENCHMARKS.md is about: one corpus size and format. */
export interface RunDescription {
  count: number;
  seed: number;
  format: 'mdx' | 'md';
  runs: number;
  /** ISO date of the run. */
  date: string;
  machine: string;
}

/** The Markdown table of a run's metrics (medians when there were several runs); unmeasured rows are left out. */
export function metricsTable(metrics: Metrics, runs: number): string {
  const head = runs > 1 ? `| Measure | Median of ${runs} runs |` : '| Measure | Value |';
  const rows = METRICS.flatMap(({ id, label, format }) => {
    const value = metrics[id];
    return value === undefined ? [] : [`| ${label} | ${format(value)} |`];
  });
  return [head, '| --- | ---: |', ...rows].join('\n');
}

const marker = (description: Pick<RunDescription, 'count' | 'format'>) =>
  `bench:${description.count}-${description.format}`;

/** A section of BENCHMARKS.md for one run, between markers so a later run replaces it. */
export function resultSection(
  description: RunDescription,
  metrics: Metrics,
  notes: readonly string[] = [],
): string {
  const name = marker(description);
  return [
    `<!-- ${name} -->`,
    `## ${description.count.toLocaleString('en-GB')} generated \`.${description.format}\` postmortems`,
    '',
    `Measured on ${description.date} with \`npm run bench -- --count ${description.count} --seed ${description.seed}${description.format === 'md' ? ' --format md' : ''}${description.runs > 1 ? ` --runs ${description.runs}` : ''}${metrics.hugoMs === undefined ? '' : ' --vs-hugo'}\`.`,
    `Machine: ${description.machine}.`,
    '',
    metricsTable(metrics, description.runs),
    ...(notes.length ? ['', ...notes.map((note) => `- ${note}`)] : []),
    `<!-- /${name} -->`,
  ].join('\n');
}

/**
 * `document` with the section for the same count and format replaced by `section`, or
 * `section` added at the end, sections kept in order of count then format.
 */
export function updateBenchmarks(document: string, section: string): string {
  const name = /<!-- (bench:[\w-]+) -->/.exec(section)?.[1];
  if (!name) throw new Error('section has no bench marker');
  const existing = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
  if (existing.test(document)) return document.replace(existing, () => section);
  const sections = [...document.matchAll(/<!-- bench:(\d+)-(\w+) -->[\s\S]*?<!-- \/bench:\1-\2 -->/g)];
  const key = (match: string) => {
    const [, count = '0', format = ''] = /bench:(\d+)-(\w+)/.exec(match) ?? [];
    return [Number(count), format] as const;
  };
  const [count, format] = key(name);
  const after = sections.find((match) => {
    const [otherCount, otherFormat] = key(match[0]);
    return otherCount > count || (otherCount === count && otherFormat > format);
  });
  if (after?.index !== undefined) {
    return `${document.slice(0, after.index)}${section}\n\n${document.slice(after.index)}`;
  }
  return `${document.trimEnd()}\n\n${section}\n`;
}

export const BENCHMARKS_INTRO = `# Benchmarks

What \`npm run bench\` measured: the real build (\`astro build\` with the search index, as
\`npm run build\` runs it) of generated postmortems (\`bench/corpus/\`, the same files for the same
seed), in a temporary folder, on the machine named with each table. README.md ("Benchmarks") says
how to run it; \`bench/budget.json\` holds the limits \`--budget\` checks.

Times are wall times of one build from a cold cache; the rebuild is a second build after one
postmortem was edited, with the first build's cache. Memory is the peak resident set size (RSS)
of the largest process and of the whole process tree, sampled every 100 ms from \`/proc\`. Page
and transfer sizes are gzip-compressed (level 9), as a static host serves them; the search
transfer is every byte Chromium received (headers included) for the first query on
\`/search/\` and for a next query in the same page.

With \`--runs\`, each figure is its median over the runs; the ratio to Hugo is the median of each
run's own ratio (both builds of a run share the machine's state), so it need not equal the ratio
of the two medians.
`;

/**
 * Writes `section` into BENCHMARKS.md, creating it with its introduction if needed, formatted
 * as the project's Prettier settings want it (`npm run lint` checks the file).
 */
export async function writeBenchmarks(file: string, section: string): Promise<void> {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : BENCHMARKS_INTRO;
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(
    file,
    await prettier.format(updateBenchmarks(current, section), { ...options, filepath: file }),
  );
}
