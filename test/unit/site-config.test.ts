import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/lib/site-config';

/** The problems a configuration has, one line each, or `[]` when it is valid. */
function problemsOf(options: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    resolveConfig(options, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError)
      return error.message
        .split('\n')
        .slice(1)
        .map((line) => line.trim());
    throw error;
  }
}

describe('the site configuration', () => {
  it('has a default for every option a team may leave out', () => {
    expect(resolveConfig(undefined, {})).toEqual({
      title: 'Hindsight',
      tagline: 'Incident postmortems: what broke, why, and what we changed.',
      base: '/',
      timezone: 'UTC',
      audience: 'internal',
      visibility: {
        default: 'internal',
        internalFields: ['authors', 'tasks.owner', 'tasks.link'],
        neverPublish: [],
      },
    });
  });

  it('keeps what a team sets', () => {
    const config = resolveConfig(
      {
        title: 'Acme Postmortems',
        tagline: 'What broke at Acme.',
        organization: 'Acme Platform',
        site: 'https://sre.acme.example',
        base: '/postmortems/',
        repository: { url: 'https://github.com/acme/postmortems/' },
        timezone: 'Europe/Berlin',
        notice: 'Internal: do not share outside Acme.',
      },
      {},
    );
    expect(config).toMatchObject({
      title: 'Acme Postmortems',
      organization: 'Acme Platform',
      site: 'https://sre.acme.example',
      base: '/postmortems/',
      // The trailing slash goes, so links built from it have exactly one.
      repository: { url: 'https://github.com/acme/postmortems', branch: 'main' },
      timezone: 'Europe/Berlin',
      notice: 'Internal: do not share outside Acme.',
    });
  });

  it.each([
    ['postmortems', '/postmortems/'],
    ['/postmortems', '/postmortems/'],
    ['/team/postmortems/', '/team/postmortems/'],
    ['/', '/'],
    ['', '/'],
  ])('reads the base path %j as %j', (base, expected) => {
    expect(resolveConfig({ base }, {}).base).toBe(expected);
  });

  it('lets HINDSIGHT_SITE and HINDSIGHT_BASE override the options, and ignores them when empty', () => {
    const options = { site: 'https://a.example', base: '/a/' };
    expect(
      resolveConfig(options, { HINDSIGHT_SITE: 'https://acme.github.io', HINDSIGHT_BASE: '/repo' }),
    ).toMatchObject({ site: 'https://acme.github.io', base: '/repo/' });
    expect(resolveConfig(options, { HINDSIGHT_SITE: '', HINDSIGHT_BASE: ' ' })).toMatchObject(options);
  });

  it('names the option, what is wrong and what is allowed', () => {
    expect(
      problemsOf({
        title: '',
        site: 'acme.example',
        base: '/a b/',
        timezone: 'Mars/Olympus',
        repository: { url: 'ftp://git.acme.example/pm', brnch: 'trunk' },
      }),
    ).toEqual([
      'hindsight({ title }): must not be empty',
      'hindsight({ site }): must be an http(s) URL where the site is published, such as https://postmortems.acme.example; got "acme.example"',
      'hindsight({ base }): must be a URL path such as / or /postmortems/ (letters, digits, . _ ~ - and slashes); got "/a b/"',
      'hindsight({ repository.url }): must be an http(s) URL of the repository, such as https://github.com/acme/postmortems; got "ftp://git.acme.example/pm"',
      'hindsight({ repository }): unknown option "brnch". Did you mean "branch"? The options are url, branch',
      'hindsight({ timezone }): "Mars/Olympus" is not an IANA time zone; use a name such as UTC, Europe/Berlin or America/Los_Angeles',
    ]);
  });

  it('suggests the option a transposed one was meant to be', () => {
    expect(problemsOf({ titel: 'Acme' })[0]).toContain('unknown option "titel". Did you mean "title"?');
  });

  it('suggests the option an unknown one was meant to be', () => {
    expect(problemsOf({ timeZone: 'UTC' })).toEqual([
      'hindsight(): unknown option "timeZone". Did you mean "timezone"? The options are title, tagline, organization, site, base, repository, timezone, notice, audience, visibility',
    ]);
  });

  it('takes the audience from HINDSIGHT_AUDIENCE over the option', () => {
    expect(resolveConfig({ audience: 'internal' }, { HINDSIGHT_AUDIENCE: 'public' }).audience).toBe('public');
    expect(problemsOf({}, { HINDSIGHT_AUDIENCE: 'everyone' })).toEqual([
      'HINDSIGHT_AUDIENCE: "everyone" is not allowed; use one of: internal, public',
    ]);
  });

  it('names the field a team may not keep internal, and the ones it may', () => {
    expect(problemsOf({ visibility: { internalFields: ['title'] } })).toEqual([
      expect.stringMatching(
        /^hindsight\(\{ visibility\.internalFields\.0 \}\): "title" is not allowed; use one of: authors, tags/,
      ),
    ]);
  });

  it('blames the environment variable, not the file, for a bad override', () => {
    expect(problemsOf({}, { HINDSIGHT_BASE: '/../x', HINDSIGHT_SITE: 'localhost' })).toEqual([
      'HINDSIGHT_SITE: must be an http(s) URL where the site is published, such as https://postmortems.acme.example; got "localhost"',
      'HINDSIGHT_BASE: must not contain . or .. segments',
    ]);
  });

  it('rejects options that are not an object', () => {
    expect(problemsOf('Acme')).toEqual(['hindsight(): expects an object of options; got "Acme"']);
  });
});
