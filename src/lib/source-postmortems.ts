import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Audience, Visibility } from '../schemas/visibility';
import { inAudience } from './audience';
import { listPostmortemFiles } from './content-check';
import { postmortemIdFromPath, postmortemsDir } from './content-dir';
import { FRONTMATTER } from './yaml-source';

/**
 * A postmortem file as the build's own checks read it (the leak check, the verification of a
 * build): straight from the file, not from Astro's collection, so that a bug in how pages pick
 * postmortems cannot also hide it from the check.
 */
export interface SourcePostmortem {
  /** The file's path, as reports show it. */
  file: string;
  /** The file name without extension: the incident's id and URL. */
  id: string;
  /** The frontmatter as written (YAML 1.2, no schema applied); `undefined` when unreadable. */
  data: Record<string, unknown> | undefined;
  body: string;
  /** An `.mdx` body is read as MDX, an `.md` one as Markdown. */
  mdx: boolean;
}

/** The frontmatter as data, YAML 1.2 as the content check reads it; `undefined` when it is not YAML. */
function frontmatterData(yaml: string): unknown {
  try {
    return parseYaml(yaml, { schema: 'core' });
  } catch {
    return undefined;
  }
}

export function parsePostmortem(file: string, text: string): SourcePostmortem {
  const match = FRONTMATTER.exec(text);
  const data = match ? frontmatterData(match[1] ?? '') : undefined;
  return {
    file,
    id: postmortemIdFromPath(file),
    data:
      data && typeof data === 'object' && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : undefined,
    body: match ? text.slice(match[0].length) : text,
    mdx: file.toLowerCase().endsWith('.mdx'),
  };
}

/**
 * Every postmortem file in `contentRoot/postmortems/`, as `npm run check` lists them, read one
 * at a time as they are asked for; `name` gives the path reports show.
 */
export function* readPostmortems(
  contentRoot: string,
  name: (file: string) => string = (file) => file,
): Generator<SourcePostmortem> {
  for (const file of listPostmortemFiles(postmortemsDir(contentRoot))) {
    yield parsePostmortem(name(file), fs.readFileSync(file, 'utf8'));
  }
}

/**
 * Whether a postmortem is in a build for `audience`, read from its file as `getIncidents()`
 * decides it from the collection: not a draft (`status` defaults to published), and in the
 * audience by its `visibility` or the site's default. Anything unreadable counts as left out.
 */
export function inBuild(
  postmortem: SourcePostmortem,
  audience: Audience,
  defaultVisibility: Visibility,
): boolean {
  const data = postmortem.data;
  if (!data || data['status'] === 'draft') return false;
  const written = data['visibility'];
  const visibility = written === undefined ? undefined : written === 'public' ? 'public' : 'internal';
  return inAudience(audience, visibility, defaultVisibility);
}
