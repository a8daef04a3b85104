import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { projectRoot, tryBuildSite, type BuildFailure, testTempDir } from '../helpers/build-site';

/**
 * One build over a folder where every file breaks a different rule. The content check lists
 * every problem at once, so a single failing build shows that each rule stops the build and
 * names the file, the line and the field.
 */

/** The fixture whose taxonomy the broken site uses; the messages list its ids. */
const fixture = path.join(projectRoot, 'test/fixtures/basic/content');
const taxonomy = loadTaxonomy(fixture);

const valid = `title: A valid incident
summary: Something broke.
severity: SEV3
startedAt: 2024-01-01T10:00:00Z
resolvedAt: 2024-01-01T11:00:00Z
services: [api]
impact:
  summary: Slow responses.
rootCause:
  category: capacity
  summary: Too little of something.`;

/** Each case: file name, frontmatter, the field and a fragment of the message the build must print. */
const cases: [string, string, string, string][] = [
  [
    '2024-01-02-unknown-category',
    valid.replace('category: capacity', 'category: cosmic-rays'),
    'rootCause.category',
    `"cosmic-rays" is not allowed; use one of: ${ids(taxonomy.rootCauses).join(', ')} `,
  ],
  [
    '2024-01-03-unknown-severity',
    valid.replace('SEV3', 'SEV9'),
    'severity',
    `"SEV9" is not allowed; use one of: ${ids(taxonomy.severities).join(', ')} `,
  ],
  [
    '2024-01-04-typo-key',
    valid.replace('rootCause:', 'rootcause:'),
    'rootcause',
    'Did you mean "rootCause"?',
  ],
  ['2024-01-05-missing-title', valid.replace('title: A valid incident\n', ''), 'title', 'is required'],
  [
    '2024-01-06-long-title',
    valid.replace('A valid incident', 'x'.repeat(121)),
    'title',
    'at most 120 characters',
  ],
  [
    '2024-01-07-naive-time',
    valid.replace('2024-01-01T10:00:00Z', '2024-01-01 10:00'),
    'startedAt',
    'with Z or an offset',
  ],
  [
    '2024-01-08-order',
    `${valid}\ndetectedAt: 2024-01-01T09:00:00Z`,
    'detectedAt',
    'must not be before startedAt',
  ],
  [
    '2024-01-09-no-end',
    valid.replace('resolvedAt: 2024-01-01T11:00:00Z\n', ''),
    'resolvedAt',
    'required unless status is draft',
  ],
  [
    '2024-01-10-duration',
    `${valid}\nduration: PT3H`,
    'duration',
    'says 3 hours but resolvedAt - startedAt is 1 hour',
  ],
  ['2024-01-11-zone', `${valid}\ntimezone: Mars/Olympus`, 'timezone', 'is not an IANA time zone'],
  ['2024-01-12-services', valid.replace('[api]', '[]'), 'services', 'at least one'],
  ['2024-01-13-service-slug', valid.replace('[api]', '[Public API]'), 'services.0', 'lowercase slug'],
  [
    '2024-01-14-percent',
    valid.replace('  summary: Slow responses.', '  summary: Slow responses.\n  usersAffectedPercent: 140'),
    'impact.usersAffectedPercent',
    'from 0 to 100',
  ],
  [
    '2024-01-15-timeline-kind',
    `${valid}\ntimeline:\n  - at: 2024-01-01T10:05:00Z\n    kind: panic\n    text: Oh no.`,
    'timeline.0.kind',
    'use one of: detection, action, misleading',
  ],
  [
    '2024-01-16-task',
    `${valid}\ntasks:\n  - title: Fix it\n    type: prevent\n    status: maybe\n    due: next week\n    link: ftp://x`,
    'tasks.0.status',
    'use one of: open, in-progress, done, wont-do',
  ],
  [
    '2024-01-17-related',
    `${valid}\nrelated: [2020-01-01-nowhere]`,
    'related.0',
    '"2020-01-01-nowhere" is not a postmortem',
  ],
  ['2024-01-18-status', `${valid}\nstatus: final`, 'status', 'use one of: draft, in-review, published'],
];

let failure: BuildFailure;

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-invalid-'));
  await fs.mkdir(path.join(dir, 'postmortems'), { recursive: true });
  await fs.cp(path.join(fixture, 'taxonomy'), path.join(dir, 'taxonomy'), { recursive: true });
  await fs.writeFile(path.join(dir, 'postmortems/2024-01-01-fine.md'), `---\n${valid}\n---\nBody.\n`);
  await fs.writeFile(
    path.join(dir, 'postmortems/2024-01-19-bad-body.mdx'),
    `---\n${valid}\n---\n\nLatency {was high.\n`,
  );
  for (const [name, frontmatter] of cases) {
    await fs.writeFile(path.join(dir, 'postmortems', `${name}.mdx`), `---\n${frontmatter}\n---\n\nBody.\n`);
  }
  const result = await tryBuildSite(dir);
  if (!('code' in result)) throw new Error('the build succeeded on invalid content');
  failure = result;
});

describe('a build over invalid postmortems', () => {
  it('fails', () => {
    expect(failure.code).not.toBe(0);
  });

  it.each(cases.map(([name, , field, message]) => ({ name, field, message })))(
    '$name: names the file, line and field $field',
    ({ name, field, message }) => {
      const line = failure.output
        .split('\n')
        .find((l) => l.includes(`${name}.mdx:`) && l.includes(` ${field}: `));
      expect(line, `no line for ${name} ${field} in:\n${failure.output}`).toBeDefined();
      expect(line).toMatch(new RegExp(`${name}\\.mdx:\\d+:\\d+ +${field.replace(/\./g, '\\.')}: `));
      expect(line).toContain(message);
    },
  );

  it('reports every broken field of a file, not just the first', () => {
    expect(failure.output).toMatch(
      /2024-01-16-task\.mdx:\d+:\d+ +tasks\.0\.due: must be a date written YYYY-MM-DD/,
    );
    expect(failure.output).toMatch(/2024-01-16-task\.mdx:\d+:\d+ +tasks\.0\.link: must be an http/);
  });

  it('reports an MDX body that does not compile, at its line, without a stack trace', () => {
    expect(failure.output).toMatch(
      /2024-01-19-bad-body\.mdx:15:9 +the MDX body does not compile: Unexpected end of file in expression/,
    );
  });

  it('does not complain about the valid file', () => {
    expect(failure.output).not.toContain('2024-01-01-fine');
  });

  it('prints no stack trace', () => {
    expect(failure.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(failure.output).not.toContain('Stack trace');
  });
});
