import { formatDuration } from '../duration';
import { NOUNS, plural } from '../labels';
import { toMs } from './minutes';
import type { MisleadingPaths } from './misleading';

/** The words `/insights/` puts around its figures, kept here so they are tested once. */

/** What a table cell shows for a figure that could not be computed. */
export const NO_FIGURE = '—';

/** Minutes in words ("3 hours 30 minutes"), or `NO_FIGURE` for a figure nobody could compute. */
export const formatMinutes = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? NO_FIGURE : formatDuration(toMs(minutes));

/**
 * `formatMinutes` cut into its units, ["1 hour", "30 minutes"], so a narrow table cell can
 * break between units but never between a number and its unit.
 */
export const durationParts = (minutes: number | null | undefined) =>
  formatMinutes(minutes).split(/(?<=[a-z]) (?=\d)/);

/** A share from 0 to 1 as a whole percentage, "40%"; `NO_FIGURE` for none. */
export const formatShare = (share: number | null) =>
  share === null
    ? NO_FIGURE
    : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/**
 * How many incidents a metric counted, for the note under its figures: "Counted all 10
 * incidents." or, split so the page can set the field name as code, "Counted 8 of 10 incidents"
 * and "the rest lack" (`detectedAt`).
 */
export function coverageNote(counted: number, total: number): { lead: string; rest: string | null } {
  if (counted === total) {
    return {
      lead: total === 1 ? 'Counted the one incident' : `Counted all ${plural(total, NOUNS.incident)}`,
      rest: null,
    };
  }
  const missing = total - counted;
  const rest =
    counted === 0
      ? total === 1
        ? 'it lacks'
        : 'they all lack'
      : missing === 1
        ? 'the other one lacks'
        : 'the rest lack';
  return { lead: `Counted ${counted} of ${plural(total, NOUNS.incident)}`, rest };
}

/**
 * The difference of two medians in words: "2 hours longer", "15 minutes shorter", "no
 * longer"; `NO_FIGURE` when it could not be computed.
 */
export function formatDifference(minutes: number | null): string {
  if (minutes === null) return NO_FIGURE;
  if (Math.round(minutes) === 0) return 'no longer';
  return `${formatMinutes(Math.abs(minutes))} ${minutes > 0 ? 'longer' : 'shorter'}`;
}

/** A count against the one before: "2 more than Q2 2024", "1 fewer than Q2 2024", "as many as Q2 2024". */
export function countChange(current: number, previous: number, previousLabel: string): string {
  if (current === previous) return `as many as ${previousLabel}`;
  return current > previous
    ? `${current - previous} more than ${previousLabel}`
    : `${previous - current} fewer than ${previousLabel}`;
}

/**
 * The misleading-path figures in a sentence: "40% of the 5 incidents with a timeline record a
 * misleading path (2 of 5); the typical one took 2 hours longer to resolve than those without."
 */
export function misleadingSummary(figures: MisleadingPaths): string {
  if (figures.withTimeline === 0)
    return 'No postmortem has a timeline yet, so none can show a misleading path.';
  const share = `${formatShare(figures.share)} of the ${plural(figures.withTimeline, NOUNS.incident)} with a timeline record a misleading path (${figures.withMisleadingPath} of ${figures.withTimeline})`;
  const difference = figures.timeToResolve.medianDifference;
  if (difference === null) return `${share}.`;
  const took = Math.round(difference) === 0 ? 'took about as long' : `took ${formatDifference(difference)}`;
  return `${share}; the typical one ${took} to resolve than those without.`;
}

/** Which incidents the page speaks of, for its opening line: "all 12 incidents", "the one incident". */
export function incidentsPhrase(count: number): string {
  if (count === 0) return 'incidents, once there are some';
  return count === 1 ? 'the one incident' : `all ${plural(count, NOUNS.incident)}`;
}

/** The warning that a development build's figures include drafts; `undefined` for none. */
export function draftNote(drafts: number): string | undefined {
  if (drafts === 0) return undefined;
  const which = drafts === 1 ? '1 draft' : `${drafts} drafts`;
  return `These figures include ${which}: the development server shows drafts, the published site leaves them out.`;
}
