/**
 * The file `hindsight new` writes: a postmortem with every required field present, the ones
 * the author has not given yet as `TODO: …` placeholders that fail the check until filled in,
 * commented examples of the optional fields, and the sections an SRE review expects.
 */
import { stringify } from 'yaml';
import { TASK_STATUSES, TASK_TYPES } from '../schemas/task';
import { TIMELINE_KINDS } from '../schemas/timeline';
import { SLUG } from '../schemas/slug';
import { placeholder } from './placeholder';
import type { Taxonomy } from './taxonomy';

/** What the author has told `hindsight new`; everything but the title and the day is optional. */
export interface ScaffoldOptions {
  /** The incident's name, one line. */
  title: string;
  /** The day the incident started, `YYYY-MM-DD`: the file name's prefix and startedAt's hint. */
  date: string;
  severity?: string | undefined;
  category?: string | undefined;
  services?: readonly string[] | undefined;
  /** The vocabularies, so the placeholders and comments list the allowed ids. */
  taxonomy: Taxonomy;
}

/** Longest slug `slugify` makes: a file name people can still read in a list. */
export const MAX_SLUG_LENGTH = 48;

/**
 * A file-name slug from a title: lowercase ASCII words joined by hyphens, accents dropped,
 * cut at a word boundary. `incident` when nothing usable is left (a title in another script).
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  slug ||= (words[0] ?? '').slice(0, MAX_SLUG_LENGTH);
  return SLUG.test(slug) ? slug : 'incident';
}

/** `2024-05-09-mail-outage.mdx`: the day first, so files sort by date and the id reads as one. */
export const scaffoldFileName = (date: string, slug: string) => `${date}-${slug}.mdx`;

/** A YAML scalar as it must be written after `key: `, quoted only when YAML needs it. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

const idList = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id).join(', ');

/** The file's text: frontmatter, then the body sections, each with a one-line prompt. */
export function scaffoldPostmortem({
  title,
  date,
  severity,
  category,
  services,
  taxonomy,
}: ScaffoldOptions): string {
  const severities = idList(taxonomy.severities);
  const categories = idList(taxonomy.rootCauses);
  const serviceLines = services?.length
    ? services.map((service) => `  - ${scalar(service)}`)
    : [`  - ${scalar(placeholder('an affected service as a lowercase slug, such as email'))}`];
  const frontmatter = [
    '---',
    '# Replace every TODO, then run `npm run check`: it lists what is still missing. The writing',
    '# guide explains each field: /guide/ on the site (npm run dev), or "Writing a postmortem" in README.md.',
    `title: ${scalar(title)}`,
    `summary: ${scalar(placeholder('the issue summary in one to three sentences: what broke, for whom, and why'))}`,
    '# draft while you write (shown by npm run dev only); in-review for the pull request; then published.',
    'status: draft',
    "# visibility: public  # internal keeps it to your own site; public also puts it in the public build. Default: the site's",
    `# One of ${severities} (${taxonomy.severities[0]?.id ?? 'the first'} is the most severe).`,
    `severity: ${scalar(severity ?? placeholder('choose a severity from the line above'))}`,
    '# Times are ISO 8601 with Z or an offset, such as 2024-05-09T08:00:00Z or 2024-05-09T10:00:00+02:00.',
    `startedAt: ${scalar(placeholder(`when impact began, such as ${date}T08:00:00Z`))}`,
    `# detectedAt: ${date}T08:05:00Z   # when someone (or an alert) noticed`,
    `# mitigatedAt: ${date}T09:30:00Z  # when impact stopped, even if the fix was temporary`,
    `# resolvedAt: ${date}T11:30:00Z   # when the incident was closed; required once status is not draft`,
    "# timezone: Europe/Berlin  # the zone the page shows times in; default: the site's",
    'services:',
    ...serviceLines,
    'impact:',
    `  summary: ${scalar(placeholder('what users experienced'))}`,
    '  # usersAffectedPercent: 40  # share of users affected, 0-100, when someone measured it',
    'rootCause:',
    `  # One of ${categories}.`,
    `  category: ${scalar(category ?? placeholder('choose a root-cause category from the line above'))}`,
    `  summary: ${scalar(placeholder('the root cause in a sentence'))}`,
    '  # trigger: the event that set the failure off, when it differs from the root cause',
    '  # contributingFactors:',
    '  #   - a condition that made it worse or slower to fix',
    '# resolution: how it was fixed, in a sentence or two',
    `# timeline:  # kind: ${TIMELINE_KINDS.join(', ')} (misleading marks a wrong turn)`,
    `#   - at: ${date}T08:05:00Z`,
    '#     kind: detection',
    '#     text: An alert fired for failed logins.',
    `# tasks:  # type: ${TASK_TYPES.join(', ')}; status: ${TASK_STATUSES.join(', ')} (default open)`,
    "#   - title: Alert on the storage array's spare-disk count",
    '#     type: detect',
    '#     owner: storage-team',
    '#     due: 2024-06-30',
    '#     link: https://tracker.example.com/OPS-123',
    '# authors: [Your Name]',
    '# tags: [storage]',
    '# related: [2024-02-22-an-earlier-incident]  # file names without .mdx',
    '---',
  ];
  const section = (heading: string, prompt: string) => ['', heading, '', `{/* ${prompt} */}`];
  const body = [
    '',
    '{/* Write for a colleague who was not there. Describe what systems and people did and why it made sense at the time; the aim is to learn, not to blame. */}',
    ...section('## Summary', 'What broke, for whom, for how long, and what fixed it, in a short paragraph.'),
    ...section(
      '## Impact',
      'Who was affected and how: users, customers, other teams, data, money; numbers where you have them.',
    ),
    ...section(
      '## Timeline',
      'The page shows the `timeline` entries above; here, tell the story between them: what responders saw, what they believed and why, including the paths that turned out wrong.',
    ),
    ...section(
      '## Root cause',
      'Why it happened, as a chain of causes and conditions: what made the failure possible, what set it off, what made it worse or slower to fix.',
    ),
    ...section(
      '## Resolution',
      'What stopped the impact and what restored normal service; temporary fixes and what replaced them.',
    ),
    ...section(
      '## Corrective and preventive actions',
      'What will change so this cannot happen again, or hurts less. Record each as an entry in `tasks` above, with an owner and a due date.',
    ),
    '',
    '## Lessons learned',
    ...section('### What went well', 'Detection, tools, habits and people that helped; keep them.'),
    ...section(
      '### What went wrong',
      'Gaps in systems, alerts, runbooks and processes that made it worse or slower.',
    ),
    ...section(
      '### Where we got lucky',
      'What limited the damage by chance; each is a risk to address before the luck runs out.',
    ),
  ];
  return [...frontmatter, ...body, ''].join('\n');
}
