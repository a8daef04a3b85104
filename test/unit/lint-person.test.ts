/**
 * The person-as-cause rule: a person named as the cause ("Dana deleted the bucket", "Sam's
 * mistake") is flagged; names come from the postmortem's authors and task owners, the team's
 * `people`, and capitalised words where capitals mean a name. Tools, services, tags, sentence
 * openers and Title Case headings are not people, so the rule stays quiet about them.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules, lintPostmortem } from '../../src/lib/lint';
import { looksLikeName } from '../../src/lib/lint/person';

const rules = defaultRules();

/** A postmortem with these authors, task owners and services, and `body` as its prose. */
function postmortem(
  body: string,
  { authors = [] as string[], owners = [] as string[], services = ['api'] } = {},
) {
  const tasks = owners
    .map((owner) => `  - title: Add a check\n    type: prevent\n    owner: ${owner}`)
    .join('\n');
  return [
    '---',
    'title: Example',
    `services: [${services.join(', ')}]`,
    `authors: [${authors.join(', ')}]`,
    ...(tasks ? ['tasks:', tasks] : []),
    '---',
    '',
    body,
    '',
  ].join('\n');
}

const flagged = (body: string, options?: Parameters<typeof postmortem>[1]) =>
  lintPostmortem('person.mdx', postmortem(body, options), { rules })
    .filter((finding) => finding.rule === 'person-as-cause')
    .map((finding) => finding.message.split('"')[1]);

describe('person-as-cause', () => {
  it('flags an author named as the cause, by full name or one of its words, anywhere in a sentence', () => {
    const authors = ['Priya Raman'];
    expect(flagged('Priya Raman caused the outage.', { authors })).toEqual(['Priya Raman caused']);
    expect(flagged('Priya broke the build.', { authors })).toEqual(['Priya broke']);
    expect(flagged("It was Raman's mistake.", { authors })).toEqual(["Raman's mistake"]);
  });

  it('flags a task owner written as a name, and not one written as a team', () => {
    expect(flagged('Sam pushed the change.', { owners: ['Sam Ortiz'] })).toEqual(['Sam pushed']);
    expect(flagged('Infrastructure deleted the volume.', { owners: ['infrastructure'] })).toEqual([]);
  });

  it('flags an unknown name where capitals mean a name: inside a clause, or two capitalised words', () => {
    expect(flagged('The outage began because Morgan deleted the bucket.')).toEqual(['Morgan deleted']);
    expect(flagged('At noon, Jordan Lee pushed the change.')).toEqual(['Jordan Lee pushed']);
    expect(flagged("Bob's fault, said the ticket.")).toEqual(["Bob's fault"]);
    expect(flagged('After lunch, Morgan made a mistake in the config.')).toEqual(['Morgan made a mistake']);
  });

  it('leaves capitalised words at the start of a sentence alone unless they are a known name', () => {
    expect(flagged('Morgan deleted the bucket.')).toEqual([]);
    expect(flagged('Load Balancer dropped the traffic.')).toEqual([]);
    expect(flagged('Morgan deleted the bucket.', { authors: ['Morgan Reyes'] })).toEqual(['Morgan deleted']);
  });

  it('does not take tools, services, tags, pronouns or things for people', () => {
    expect(flagged('Retries caused the spike. It broke the cache, and they pushed a fix.')).toEqual([]);
    expect(flagged('At noon Terraform deleted the bucket and Kubernetes dropped the pods.')).toEqual([]);
    expect(flagged('At noon Hermes deleted the queue.', { services: ['hermes'] })).toEqual([]);
    expect(flagged('At noon the Scheduler deleted the files.')).toEqual([]);
    expect(
      flagged('At noon the API Gateway dropped requests and the Object Store deleted the files.'),
    ).toEqual([]);
    expect(flagged('At noon AWS dropped the route and GitHub pushed a webhook.')).toEqual([]);
  });

  it('does not read a Title Case heading as names', () => {
    expect(flagged('## How The Mail Relay Dropped Messages')).toEqual([]);
  });

  it('does not flag a person who did something that is not a cause', () => {
    expect(flagged('Sam found the failed disk and Sam fixed it.', { owners: ['Sam Ortiz'] })).toEqual([]);
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Dana Whitfield', true],
    ['Sam', true],
    ['sre', false],
    ['mail-team', false],
    ['Platform team', false],
  ])('%s: %s', (owner, expected) => {
    expect(looksLikeName(owner)).toBe(expected);
  });
});
