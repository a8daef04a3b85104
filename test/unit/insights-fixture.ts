/**
 * Incidents for the insights unit tests, built through the real schema with the unit fixture
 * site's taxonomy (SEV1..SEV4, hardware, deployment, …). `timed` takes minutes after the
 * start, so each test's arithmetic reads straight off its data.
 */
import type { Incident } from '../../src/lib/incidents';
import { incident, type Frontmatter } from './helpers';

const MINUTE = 60_000;

/** Minutes after `start`, as an ISO timestamp. */
export const after = (start: string, minutes: number) =>
  new Date(new Date(start).getTime() + minutes * MINUTE).toISOString();

export interface Timing {
  startedAt?: string;
  /** Minutes from the start; left out, the postmortem has no such timestamp. */
  detect?: number;
  mitigate?: number;
  resolve?: number;
}

/** An incident with milestones `detect`, `mitigate` and `resolve` minutes after its start. */
export function timed(id: string, timing: Timing, overrides: Frontmatter = {}): Incident {
  const startedAt = timing.startedAt ?? '2024-05-09T08:00:00Z';
  return incident(id, {
    startedAt,
    detectedAt: timing.detect === undefined ? undefined : after(startedAt, timing.detect),
    mitigatedAt: timing.mitigate === undefined ? undefined : after(startedAt, timing.mitigate),
    resolvedAt: timing.resolve === undefined ? undefined : after(startedAt, timing.resolve),
    ...(timing.resolve === undefined ? { status: 'draft' } : {}),
    ...overrides,
  });
}

/** A severity and root cause, as frontmatter overrides. */
export const filed = (severity: string, category: string): Frontmatter => ({
  severity,
  rootCause: { category, summary: 'The cause.' },
});

/** A timeline with a detection entry, and a misleading one when `misled`. */
export function timeline(startedAt: string, misled: boolean): Frontmatter {
  return {
    timeline: [
      { at: after(startedAt, 1), kind: 'detection', text: 'An alert fired.' },
      ...(misled ? [{ at: after(startedAt, 2), kind: 'misleading', text: 'A wrong lead.' }] : []),
    ],
  };
}
