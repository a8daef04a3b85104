import { NOUNS, plural, type PluralForms } from '../labels';
import type { Leak, LeakCheckResult } from './check';
import type { Needle } from './needle-index';

/** The nouns the report counts, besides the site's own `NOUNS`. */
const COUNTED = {
  finding: { one: 'finding', other: 'findings' },
  moreFinding: { one: 'more finding', other: 'more findings' },
  moreFile: { one: 'more file', other: 'more files' },
  id: { one: 'id', other: 'ids' },
  title: { one: 'title', other: 'titles' },
  passage: { one: 'passage', other: 'passages' },
  value: { one: 'internal-only value', other: 'internal-only values' },
  phrase: { one: 'never-publish phrase', other: 'never-publish phrases' },
  run: { one: 'run', other: 'runs' },
  shortValue: { one: 'one-word internal-only value', other: 'one-word internal-only values' },
  publicPostmortem: { one: 'public postmortem', other: 'public postmortems' },
} as const satisfies Record<string, PluralForms>;

/** Findings (one needle, the files it is in) listed before the rest are only counted. */
export const MAX_FINDINGS = 40;
/** Files named per finding before the rest are only counted. */
export const MAX_FILES_PER_FINDING = 3;

/** What leaked, in words: "id", "title", "passage of summary", "internal-only field tasks.0.owner". */
export function describeNeedle(needle: Needle): string {
  switch (needle.kind) {
    case 'id':
      return 'id';
    case 'title':
      return 'title';
    case 'passage':
      return `passage of ${needle.field}`;
    case 'internal-field':
      return `internal-only field ${needle.field}`;
    case 'internal-block':
      return '<Internal> block';
    case 'never-publish':
      return 'never-publish phrase';
  }
}

/** One finding: a needle with the words quoted of it, wherever it was found. */
const findingKey = (leak: Leak) =>
  `${leak.needle.source}\u0000${describeNeedle(leak.needle)}\u0000${leak.quote}`;

const fileName = (leak: Leak) =>
  leak.compression ? `${leak.file} (${leak.compression}, decompressed)` : leak.file;

function fileList(leaks: readonly Leak[]): string {
  const names = leaks.slice(0, MAX_FILES_PER_FINDING).map(fileName);
  const rest = leaks.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${plural(rest, COUNTED.moreFile)}` : names.join(', ');
}

/**
 * The check's findings as the build prints them: grouped by the postmortem (or option) they
 * come from, each finding naming what leaked, a short quote and the built files it is in;
 * long lists cut with a count of what is left out.
 */
export function formatLeaks(
  result: Pick<LeakCheckResult, 'leaks' | 'files' | 'problems'>,
  siteLabel: string,
): string {
  const lines: string[] = [];
  for (const problem of result.problems) lines.push(problem);
  if (result.leaks.length === 0) return lines.join('\n');

  const leakFiles = new Set(result.leaks.map((leak) => leak.file)).size;
  const findingTotal = new Set(result.leaks.map(findingKey)).size;
  lines.push(
    `${siteLabel} contains text it must not publish: ${plural(findingTotal, COUNTED.finding)} in ${leakFiles} of ${plural(result.files, NOUNS.file)}.`,
  );
  // One finding per needle and quote, in the order found; sources in the order first found.
  const bySource = new Map<string, Map<string, Leak[]>>();
  for (const leak of result.leaks) {
    const findings = bySource.get(leak.needle.source) ?? new Map<string, Leak[]>();
    bySource.set(leak.needle.source, findings);
    const key = findingKey(leak);
    findings.set(key, [...(findings.get(key) ?? []), leak]);
  }
  let shown = 0;
  let findingCount = 0;
  for (const [source, findings] of bySource) {
    findingCount += findings.size;
    if (shown >= MAX_FINDINGS) continue;
    const first = [...findings.values()][0]?.[0];
    lines.push('', `${source} (${first?.needle.reason ?? ''}):`);
    for (const leaks of findings.values()) {
      if (shown >= MAX_FINDINGS) break;
      const needle = leaks[0]?.needle;
      if (!needle) continue;
      lines.push(`  ${describeNeedle(needle)} "${leaks[0]?.quote ?? ''}" in ${fileList(leaks)}`);
      shown++;
    }
  }
  if (findingCount > shown)
    lines.push('', `…and ${plural(findingCount - shown, COUNTED.moreFinding)} not listed.`);
  return lines.join('\n');
}

/** The one line a clean check logs: what it looked through, and for what. */
export function formatClean(result: LeakCheckResult): string {
  const { needles } = result;
  const wholes = [
    plural(needles.id, COUNTED.id),
    plural(needles.title, COUNTED.title),
    plural(needles.passage, COUNTED.passage),
    plural(needles['internal-field'] + needles['internal-block'], COUNTED.value),
    plural(needles['never-publish'], COUNTED.phrase),
  ];
  const short = result.tooShort ? `; ${plural(result.tooShort, COUNTED.shortValue)} not looked for` : '';
  return (
    `Leak check: no leaks in ${plural(result.files, NOUNS.file)} (${result.compressedFiles} decompressed), ` +
    `looking for ${wholes.join(', ')} (${plural(result.runs, COUNTED.run)} of words) from ` +
    `${plural(result.leftOut, NOUNS.postmortem)} left out and ${plural(result.included, COUNTED.publicPostmortem)}${short}, in ${result.ms} ms.`
  );
}
