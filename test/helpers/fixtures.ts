/**
 * The fixture content folders the build and browser tests use, and what they hold, read
 * straight from their files. Tests never read the project's own content folder: a team
 * replaces its sample postmortems and taxonomy with its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContent } from '../../src/lib/content-check';
import { byNewest, isVisible, type Incident } from '../../src/lib/incidents';
import { projectRoot } from './build-site';

/** The content folder of the fixture `test/fixtures/<name>/content/`. */
export const fixtureContent = (name: string) => path.join(projectRoot, 'test', 'fixtures', name, 'content');

const published = new Map<string, Incident[]>();

/**
 * The incidents a production build of `content` publishes (everything but drafts), newest
 * first. Fails the test when the fixture has a problem the content check reports.
 */
export function publishedIncidents(content: string): Incident[] {
  const known = published.get(content);
  if (known) return known;
  const { postmortems, problems } = checkContent(content);
  expect(problems, `${path.relative(projectRoot, content)} must be valid`).toEqual([]);
  const incidents = postmortems
    .map(({ id, data }) => ({ id, data }))
    .filter((incident) => isVisible(incident, { includeDrafts: false }))
    .sort(byNewest);
  published.set(content, incidents);
  return incidents;
}

export interface TaxonomyFileEntry {
  id: string;
  label: string;
  description: string;
}

/**
 * The entries of a taxonomy file of `content`, in file order, read with a plain YAML parser
 * rather than the product's loader, so that tests check the pages against the file itself.
 */
export function taxonomyFile(
  content: string,
  file: 'root-causes.yaml' | 'severities.yaml',
): TaxonomyFileEntry[] {
  return parseYaml(fs.readFileSync(path.join(content, 'taxonomy', file), 'utf8')) as TaxonomyFileEntry[];
}

/** How many of `incidents` have each value of `key`, for every value that occurs. */
export function countBy(incidents: readonly Incident[], key: (incident: Incident) => string[]) {
  const counts: Record<string, number> = {};
  for (const incident of incidents)
    for (const value of key(incident)) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
