/**
 * Incidents for the search unit tests, made through the real schema and the taxonomy of the
 * search fixture site (`test/fixtures/search/content/`), which the search index build test
 * (`test/build/search-index.test.ts`) builds too.
 */
import path from 'node:path';
import type { Incident } from '../../src/lib/incidents';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { postmortemSchema } from '../../src/schemas/postmortem';
import { projectRoot } from '../helpers/build-site';

export const fixtureContent = path.join(projectRoot, 'test/fixtures/search/content');
export const taxonomy = loadTaxonomy(fixtureContent);

const schema = postmortemSchema({
  rootCauseIds: ids(taxonomy.rootCauses),
  severityIds: ids(taxonomy.severities),
});

/** A valid published incident (8:00 to 11:30 UTC, hardware, email) with `overrides` applied. */
export function incident(id: string, overrides: Record<string, unknown> = {}): Incident {
  const data = schema.parse({
    title: `Incident ${id}`,
    summary: 'Email was down.',
    severity: 'SEV2',
    startedAt: '2024-05-09T08:00:00Z',
    resolvedAt: '2024-05-09T11:30:00Z',
    services: ['email'],
    impact: { summary: 'Nobody could send email.' },
    rootCause: { category: 'hardware', summary: 'A disk failed.' },
    ...overrides,
  });
  return { id, data };
}
