/**
 * Shared fixtures for the unit tests: the taxonomy ids of the unit fixture site
 * (`test/fixtures/unit/valid-site/taxonomy/`, read with the real `loadTaxonomy`) and factories
 * for postmortem frontmatter that go through the real schema. The tests never read the
 * project's own content folder, which a team replaces with its own postmortems and taxonomy.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import type { Incident } from '../../src/lib/incidents';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { postmortemSchema } from '../../src/schemas/postmortem';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturesRoot = path.join(repoRoot, 'test', 'fixtures', 'unit');
/** The content folder whose taxonomy the unit tests use: `severity: SEV1`, `category: hardware`, … */
export const unitContentRoot = path.join(fixturesRoot, 'valid-site');

export const taxonomy = loadTaxonomy(unitContentRoot);
export const rootCauseIds = ids(taxonomy.rootCauses);
export const severityIds = ids(taxonomy.severities);

/**
 * The ids a taxonomy file of `contentRoot` lists, in file order, read with a plain YAML parser
 * rather than the product's loader, to check the loader against.
 */
export function idsInTaxonomyFile(
  contentRoot: string,
  file: 'root-causes.yaml' | 'severities.yaml',
): string[] {
  const entries = parseYaml(fs.readFileSync(path.join(contentRoot, 'taxonomy', file), 'utf8')) as {
    id: string;
  }[];
  return entries.map((entry) => entry.id);
}

/** Frontmatter as an author writes it, before the schema has seen it. */
export type Frontmatter = Record<string, unknown>;

/** Copies `base` with `overrides` applied; an override of `undefined` removes the field. */
function withOverrides(base: Frontmatter, overrides: Frontmatter): Frontmatter {
  return Object.fromEntries(
    Object.entries({ ...base, ...overrides }).filter(([, value]) => value !== undefined),
  );
}

/**
 * The smallest frontmatter a published postmortem can have: the required fields plus
 * `resolvedAt`. 08:00 to 11:30 UTC, so it lasts 3 hours 30 minutes.
 */
export function validPostmortem(overrides: Frontmatter = {}): Frontmatter {
  return withOverrides(
    {
      title: 'Email down for all users after a disk failed',
      summary: 'A disk in the mail storage array failed and nobody could send or receive email.',
      severity: 'SEV1',
      startedAt: '2024-05-09T08:00:00Z',
      resolvedAt: '2024-05-09T11:30:00Z',
      services: ['email', 'mail-storage'],
      impact: { summary: 'Every user lost email for the whole outage.' },
      rootCause: { category: 'hardware', summary: 'A disk drive in the storage array failed.' },
    },
    overrides,
  );
}

/** A postmortem that uses every field the schema knows. */
export function completePostmortem(overrides: Frontmatter = {}): Frontmatter {
  return withOverrides(
    validPostmortem({
      status: 'published',
      detectedAt: '2024-05-09T08:05:00Z',
      mitigatedAt: '2024-05-09T11:00:00Z',
      duration: 'PT3H30M',
      timezone: 'Europe/Berlin',
      impact: { summary: 'Every user lost email for the whole outage.', usersAffectedPercent: 100 },
      rootCause: {
        category: 'hardware',
        summary: 'A disk drive in the storage array failed.',
        trigger: 'The drive stopped answering reads.',
        contributingFactors: ['The array had no spare drive.'],
      },
      resolution: 'The drive was replaced and the array rebuilt.',
      timeline: [
        { at: '2024-05-09T08:05:00Z', kind: 'detection', text: 'Users report that email is down.' },
        {
          at: '2024-05-09T08:15:00Z',
          kind: 'misleading',
          text: 'Network alerts send responders the wrong way.',
        },
      ],
      tasks: [
        {
          title: 'Add failover to the mail storage array',
          type: 'prevent',
          status: 'in-progress',
          owner: 'infrastructure',
          due: '2024-08-31',
          link: 'https://tracker.example.com/INFRA-7',
        },
      ],
      authors: ['Priya Raman'],
      tags: ['storage', 'disk'],
      related: ['2024-02-22-mail-server-storage-disk'],
    }),
    overrides,
  );
}

/** The schema as the site builds it, with the unit fixture site's taxonomy. */
export function schema(postmortemIds?: Iterable<string>) {
  return postmortemSchema({
    rootCauseIds,
    severityIds,
    ...(postmortemIds ? { postmortemIds: new Set(postmortemIds) } : {}),
  });
}

/** Parses frontmatter that must be valid, failing the test with zod's issues when it is not. */
export function parse(input: Frontmatter, postmortemIds?: Iterable<string>) {
  const result = schema(postmortemIds).safeParse(input);
  if (!result.success) expect.fail(`expected valid frontmatter, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** Every issue the schema finds in `input`; empty when it is valid. */
export function issuesOf(input: Frontmatter, postmortemIds?: Iterable<string>): z.core.$ZodIssue[] {
  const result = schema(postmortemIds).safeParse(input);
  return result.success ? [] : result.error.issues;
}

/** The one issue the schema finds in `input`; fails the test when there are none or several. */
export function onlyIssue(input: Frontmatter, postmortemIds?: Iterable<string>): z.core.$ZodIssue {
  const issues = issuesOf(input, postmortemIds);
  expect(issues.map((issue) => ({ path: issue.path, message: issue.message }))).toHaveLength(1);
  return issues[0] as z.core.$ZodIssue;
}

/** An incident as pages handle it, built from frontmatter that went through the real schema. */
export function incident(id: string, overrides: Frontmatter = {}): Incident {
  return { id, data: parse(validPostmortem(overrides)) };
}

/** Ids of incidents, to compare lists without comparing whole objects. */
export const idsOf = (incidents: readonly { id: string }[]) => incidents.map((i) => i.id);
