import type { Incident } from '../incidents';
import type { Summary } from '../stats';
import { measure } from './metrics';
import { roundMinutes, summarizeMinutes } from './minutes';

/**
 * How often responders went down a wrong path, and what it cost. A postmortem records a wrong
 * turn as a timeline entry of kind `misleading`; these are the hours the next responder can
 * save, so a review wants to know how common they are and how much longer such incidents ran.
 */
export interface MisleadingPaths {
  /** Incidents whose postmortem has a timeline at all: the only ones that could record a wrong turn. */
  withTimeline: number;
  /** Of those, how many record at least one misleading path. */
  withMisleadingPath: number;
  /** `withMisleadingPath / withTimeline`, 0 to 1 (four decimals); `null` with no timelines. */
  share: number | null;
  /** Time to resolve of the incidents with a timeline, with and without a misleading path. */
  timeToResolve: {
    withMisleadingPath: Summary;
    withoutMisleadingPath: Summary;
    /**
     * How many minutes longer the typical incident with a misleading path took: the difference
     * of the two medians (negative if shorter); `null` when either group is empty.
     */
    medianDifference: number | null;
  };
}

/** Whether the incident's timeline records a wrong turn. */
export const hasMisleadingPath = (incident: Incident) =>
  incident.data.timeline?.some((entry) => entry.kind === 'misleading') ?? false;

/**
 * The misleading-path figures. Incidents without a timeline are left out of both sides: they
 * record nothing either way, and counting them as "no wrong turn" would flatter the share.
 */
export function misleadingPaths(incidents: readonly Incident[]): MisleadingPaths {
  const withTimeline = incidents.filter((incident) => (incident.data.timeline?.length ?? 0) > 0);
  const misled = withTimeline.filter(hasMisleadingPath);
  const straight = withTimeline.filter((incident) => !hasMisleadingPath(incident));
  const withPath = summarizeMinutes(measure(misled, 'timeToResolve').values);
  const withoutPath = summarizeMinutes(measure(straight, 'timeToResolve').values);
  return {
    withTimeline: withTimeline.length,
    withMisleadingPath: misled.length,
    share: withTimeline.length ? Math.round((misled.length / withTimeline.length) * 10_000) / 10_000 : null,
    timeToResolve: {
      withMisleadingPath: withPath,
      withoutMisleadingPath: withoutPath,
      medianDifference:
        withPath.median === null || withoutPath.median === null
          ? null
          : roundMinutes(withPath.median - withoutPath.median),
    },
  };
}
