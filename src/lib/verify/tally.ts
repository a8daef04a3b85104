/** Something the verification found wrong, as its report lists it. */
export interface Finding {
  /** Where: `rss.xml`, `the search index`, `services/email/`, or an incident page's file. */
  where: string;
  /** The postmortem concerned, when there is one. */
  id?: string;
  /** What is wrong, as a sentence's end: `is missing`, `is listed 2 times (…)`. */
  problem: string;
}

/** An incident found somewhere, and the file that holds it (a page of a list, a fragment). */
export interface Entry {
  id: string;
  at: string;
}

/** At most this many files are named for one duplicated entry. */
const FILES_NAMED = 3;

const listed = (entries: readonly Entry[]) => {
  const files = [...new Set(entries.map((entry) => entry.at))];
  const shown = files.slice(0, FILES_NAMED).join(', ');
  return files.length > FILES_NAMED ? `${shown} and ${files.length - FILES_NAMED} more` : shown;
};

/**
 * Compares what a place holds with what it should: each of `expected` exactly once, and
 * nothing else. `unexpected` says why an id found there does not belong (not in the build, or
 * not in this list).
 */
export function tally(
  where: string,
  expected: Iterable<string>,
  found: readonly Entry[],
  unexpected: (id: string) => string,
  noun = 'entry',
): Finding[] {
  const byId = Map.groupBy(found, (entry) => entry.id);
  const findings: Finding[] = [];
  const wanted = new Set(expected);
  for (const id of wanted) {
    const entries = byId.get(id) ?? [];
    if (entries.length === 0) findings.push({ where, id, problem: `has no ${noun}` });
    else if (entries.length > 1) {
      findings.push({
        where,
        id,
        problem: `has ${entries.length} ${noun === 'entry' ? 'entries' : `${noun}s`} (${listed(entries)})`,
      });
    }
  }
  for (const [id, entries] of byId) {
    if (!wanted.has(id)) findings.push({ where, id, problem: `${unexpected(id)} (${listed(entries)})` });
  }
  return findings;
}

/**
 * The id of the incident page a URL names (`/incidents/<id>/`, under `base`), resolved from
 * the page at `pageUrl`; `undefined` for any other URL. Absolute URLs count whatever their
 * origin: a feed without a configured site links to localhost.
 */
export function incidentIdOf(url: string, base: string, pageUrl = base): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url, `http://site.invalid${pageUrl}`).pathname;
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  const match = /^incidents\/([^/]+)\/$/.exec(pathname.slice(base.length));
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** The URL a page at `file` (relative to the build) is served at. */
export const pageUrlOf = (base: string, file: string) => `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
