import type { Postmortem } from '../schemas/postmortem';
import { elapsed, formatDuration } from './duration';

/**
 * The facts card's milestones: when the incident was detected and mitigated, each with how long
 * it took from the start of impact, which is what a review asks first ("why did it take 40
 * minutes to notice?").
 */

export interface Milestone {
  label: 'Detected' | 'Mitigated';
  at: Date;
  /** "15 minutes after start", or "at the start" for anything under a minute. */
  sinceStart: string;
}

/** "1 hour 5 minutes after start"; "at the start" under a minute, since nobody reads seconds here. */
export function sinceStart(startedAt: Date, at: Date): string {
  const ms = elapsed(startedAt, at);
  return ms < 60_000 ? 'at the start' : `${formatDuration(ms)} after start`;
}

/** Detection then mitigation, each only when the postmortem records it. */
export function milestones(data: Pick<Postmortem, 'startedAt' | 'detectedAt' | 'mitigatedAt'>): Milestone[] {
  const candidates = [
    { label: 'Detected', at: data.detectedAt },
    { label: 'Mitigated', at: data.mitigatedAt },
  ] as const;
  return candidates.flatMap(({ label, at }) =>
    at === undefined ? [] : [{ label, at, sinceStart: sinceStart(data.startedAt, at) }],
  );
}
