import type { Audience } from '../schemas/visibility';

/** Where a postmortem's source can be edited and its history read, on the team's git host. */
export interface RepositoryLinks {
  /** Opens the file in the host's web editor, which offers to start a pull request. */
  edit: string;
  /** The file's commits: who changed what, and when. */
  history: string;
}

/**
 * Links to a postmortem's file on its git host, from the configured repository and the file's
 * path relative to the repository root. GitLab puts its routes under `/-/`; GitHub, Gitea and
 * Forgejo-style hosts that mirror GitHub's routes get GitHub's. `undefined` without a repository.
 */
export function repositoryLinks(
  repository: { url: string; branch: string } | undefined,
  filePath: string | undefined,
): RepositoryLinks | undefined {
  if (!repository || !filePath) return undefined;
  // Hosts read a branch like `release/2024` and a path segment by segment, so slashes stay.
  const segments = (value: string) => value.split('/').map(encodeURIComponent).join('/');
  const file = segments(filePath.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
  const branch = segments(repository.branch);
  const gitlab = /(^|\.)gitlab\./.test(new URL(repository.url).hostname) ? '/-' : '';
  return {
    edit: `${repository.url}${gitlab}/edit/${branch}/${file}`,
    history: `${repository.url}${gitlab}/commits/${branch}/${file}`,
  };
}

/**
 * The repository links a build's pages may show: none in a public build, since they point into
 * the repository that also holds the internal postmortems (its name, its branches, who edits
 * it) and at a page outside readers cannot open anyway.
 */
export function repositoryLinksFor(
  config: { repository?: { url: string; branch: string } | undefined; audience: Audience },
  filePath: string | undefined,
): RepositoryLinks | undefined {
  return config.audience === 'internal' ? repositoryLinks(config.repository, filePath) : undefined;
}
