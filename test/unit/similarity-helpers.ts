/**
 * Incidents for the similarity tests, built through the real schema (see `helpers.ts`), with
 * only what similarity reads spelt out.
 */
import type { Incident } from '../../src/lib/incidents';
import { incident } from './helpers';

export interface CauseOptions {
  category?: string;
  services?: string[];
  /** The day the incident began, `YYYY-MM-DD`; it lasts an hour from 08:00 UTC. */
  day?: string;
  trigger?: string;
  factors?: string[];
  related?: string[];
}

/** An incident whose root-cause summary is `summary`. */
export function cause(id: string, summary: string, options: CauseOptions = {}): Incident {
  const {
    category = 'hardware',
    services = ['email'],
    day = '2024-05-09',
    trigger,
    factors,
    related,
  } = options;
  return incident(id, {
    startedAt: `${day}T08:00:00Z`,
    resolvedAt: `${day}T09:00:00Z`,
    services,
    rootCause: {
      category,
      summary,
      ...(trigger ? { trigger } : {}),
      ...(factors ? { contributingFactors: factors } : {}),
    },
    ...(related ? { related } : {}),
  });
}
