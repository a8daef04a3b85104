import fs from 'node:fs';
import type { Audience, Visibility } from '../schemas/visibility';
import { inAudience } from './audience';
import { listPostmortemFiles } from './content-check';
import { postmortemIdFromPath, postmortemsDir } from './content-dir';
import { FRONTMATTER, parseYamlSource } from './yaml-source';

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

/** The frontmatter as data, as the content check reads it; `undefined` when it is not YAML. */
function frontmatterData(yaml: string): unknown {
  return parseYamlSource(yaml).data;
}

/**
 * A line that starts a top-level key of a block mapping: a plain or quoted key at column 0, not
 * a list item, a comment or a flow collection.
 */
const TOP_LEVEL_KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#\-"'{}[\]?&*!|>%@`,][^:]*?))\s*:(?:\s|$)/;

/**
 * The lines of a frontmatter that belong to the top-level keys in `keys`, or `undefined` when
 * it is not a plain block mapping. A key's value runs until the next line at column 0 that is
 * not a list item, a comment or blank (YAML indents everything else under its key).
 */
export function frontmatterSubset(yaml: string, keys: ReadonlySet<string>): string | undefined {
  const kept: string[] = [];
  let keeping = false;
  let sawKey = false;
  for (const line of yaml.split(/\r?\n/)) {
    const startsKey = line !== '' && !/^[\s#-]/.test(line);
    if (startsKey) {
      const match = TOP_LEVEL_KEY.exec(line);
      if (!match) return undefined;
      sawKey = true;
      keeping = keys.has(match[1] ?? match[2] ?? match[3] ?? '');
    }
    if (keeping) kept.push(line);
  }
  return sawKey ? kept.join('\n') : undefined;
}

/**
 * Reads a postmortem file. With `keys`, only those top-level keys of the frontmatter are parsed
 * (the YAML parser is most of the cost at ten thousand files); anything the subset cannot be
 * read without (an alias to an anchor elsewhere, a flow mapping) is parsed whole.
 */
export function parsePostmortem(file: string, text: string, keys?: ReadonlySet<string>): SourcePostmortem {
  const match = FRONTMATTER.exec(text);
  const yaml = match?.[1] ?? '';
  const subset = match && keys ? frontmatterSubset(yaml, keys) : undefined;
  const data = match
    ? ((subset === undefined ? undefined : frontmatterData(subset)) ?? frontmatterData(yaml))
    : undefined;
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
 * at a time as they are asked for; `name` gives the path reports show, `keys` the only
 * top-level frontmatter keys to read (default: all).
 */
export function* readPostmortems(
  contentRoot: string,
  name: (file: string) => string = (file) => file,
  keys?: ReadonlySet<string>,
): Generator<SourcePostmortem> {
  for (const file of listPostmortemFiles(postmortemsDir(contentRoot))) {
    yield parsePostmortem(name(file), fs.readFileSync(file, 'utf8'), keys);
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
