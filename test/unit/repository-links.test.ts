import { describe, expect, it } from 'vitest';
import { repositoryLinks, repositoryLinksFor } from '../../src/lib/repository-links';

const github = { url: 'https://github.com/acme/postmortems', branch: 'main' };

describe('edit and history links', () => {
  it('point at the file on the configured branch', () => {
    expect(repositoryLinks(github, 'content/postmortems/2024-05-09-disk.mdx')).toEqual({
      edit: 'https://github.com/acme/postmortems/edit/main/content/postmortems/2024-05-09-disk.mdx',
      history: 'https://github.com/acme/postmortems/commits/main/content/postmortems/2024-05-09-disk.mdx',
    });
  });

  it("use GitLab's routes on a GitLab host", () => {
    const gitlab = { url: 'https://gitlab.acme.example/sre/postmortems', branch: 'trunk' };
    expect(repositoryLinks(gitlab, 'content/postmortems/a.md')).toEqual({
      edit: 'https://gitlab.acme.example/sre/postmortems/-/edit/trunk/content/postmortems/a.md',
      history: 'https://gitlab.acme.example/sre/postmortems/-/commits/trunk/content/postmortems/a.md',
    });
  });

  it('encode branch and path segments, and accept Windows separators', () => {
    const links = repositoryLinks(
      { ...github, branch: 'release/2024 q1' },
      '.\\content\\postmortems\\a b.md',
    );
    expect(links?.edit).toBe(
      'https://github.com/acme/postmortems/edit/release/2024%20q1/content/postmortems/a%20b.md',
    );
  });

  it('are absent without a repository or a file', () => {
    expect(repositoryLinks(undefined, 'content/postmortems/a.md')).toBeUndefined();
    expect(repositoryLinks(github, undefined)).toBeUndefined();
  });
});

describe('repository links by audience', () => {
  const file = 'content/postmortems/a.md';

  it('are shown in an internal build', () => {
    expect(repositoryLinksFor({ repository: github, audience: 'internal' }, file)).toEqual(
      repositoryLinks(github, file),
    );
  });

  it('are left out of a public build, which must not point into the private repository', () => {
    expect(repositoryLinksFor({ repository: github, audience: 'public' }, file)).toBeUndefined();
  });
});
