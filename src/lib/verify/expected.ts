import type { Audience, Visibility } from '../../schemas/visibility';
import { yearIn } from '../calendar';
import { inBuild, readPostmortems } from '../source-postmortems';

/**
 * A postmortem that belongs in the build, as its file says (read by `readPostmortems`, the
 * leak check's reader, not from Astro's collection), with what decides the lists it is in.
 */
export interface BuildPostmortem {
  id: string;
  /** The file, as reports name it. */
  file: string;
  severity: string;
  rootCause: string;
  services: string[];
  /** The year it began, on the calendar of the site's time zone, as `/years/` groups it. */
  year: number | undefined;
  status: string;
}

export interface ExpectedOptions {
  audience: Audience;
  defaultVisibility: Visibility;
  /** The site's `timezone` option, which the year archive reads. */
  timeZone: string;
  /** Names files in reports; default the path as found. */
  name?: (file: string) => string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function startYear(value: unknown, timeZone: string): number | undefined {
  const date = value instanceof Date ? value : new Date(text(value));
  return Number.isNaN(date.getTime()) ? undefined : yearIn(date, timeZone);
}

/** The frontmatter keys that decide whether a postmortem is in a build, and in which lists. */
const KEYS = new Set(['status', 'visibility', 'severity', 'rootCause', 'services', 'startedAt']);

/** Every postmortem of `contentRoot` that a build for `options.audience` publishes, in file order. */
export function postmortemsInBuild(contentRoot: string, options: ExpectedOptions): BuildPostmortem[] {
  const found: BuildPostmortem[] = [];
  for (const postmortem of readPostmortems(contentRoot, options.name, KEYS)) {
    if (!inBuild(postmortem, options.audience, options.defaultVisibility)) continue;
    const data = postmortem.data ?? {};
    const rootCause = data['rootCause'];
    const services = data['services'];
    found.push({
      id: postmortem.id,
      file: postmortem.file,
      severity: text(data['severity']),
      rootCause: text(
        rootCause && typeof rootCause === 'object' ? (rootCause as Record<string, unknown>)['category'] : '',
      ),
      services: Array.isArray(services) ? services.map(String) : [],
      year: startYear(data['startedAt'], options.timeZone),
      status: text(data['status']) || 'published',
    });
  }
  return found;
}

/** The lists of incidents a build has, each a folder of pages (`<list>/`, `<list>/page/<n>/`). */
export const LIST_FAMILIES = ['root-causes', 'services', 'severities', 'years'] as const;
export const ALL_INCIDENTS = 'incidents';

/** The lists a postmortem belongs in, as folders of the built site: `incidents`, `services/email`, … */
export function listsOf(postmortem: BuildPostmortem): string[] {
  return [
    ALL_INCIDENTS,
    `root-causes/${postmortem.rootCause}`,
    ...postmortem.services.map((service) => `services/${service}`),
    `severities/${postmortem.severity}`,
    ...(postmortem.year === undefined ? [] : [`years/${postmortem.year}`]),
  ];
}
