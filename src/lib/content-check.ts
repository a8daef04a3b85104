import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { postmortemSchema, type Postmortem } from '../schemas/postmortem';
import { SLUG } from '../schemas/slug';
import { POSTMORTEM_EXTENSIONS, postmortemIdFromPath, postmortemsDir } from './content-dir';
import { mdxBodyProblems } from './mdx-body';
import { INTERNAL_IN_MARKDOWN, internalTagInMarkdown } from './audience';
import { ContentError, fieldPath, type Problem } from './problems';
import { allowedKeysAt, didYouMean } from './schema-shape';
import { isPlaceholder } from './placeholder';
import { ids, readTaxonomy, TAXONOMY_FILES, type Taxonomy } from './taxonomy';
import { FRONTMATTER, parseYamlSource, type YamlSource } from './yaml-source';

export interface CheckedPostmortem {
  id: string;
  file: string;
  data: Postmortem;
  /** The frontmatter as written, so later rules can point at the line of any value. */
  source: YamlSource;
}

export interface CheckResult {
  postmortems: CheckedPostmortem[];
  problems: Problem[];
}

/** Lists postmortem files (`*.md`, `*.mdx`) in name order; a missing folder is an empty list. */
export function listPostmortemFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => POSTMORTEM_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)))
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Turns zod issues into problems that point at the line the author must change. */
function issuesToProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource | undefined,
  schema: z.ZodType,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = allowedKeysAt(schema, issue.path) ?? [];
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        return {
          file,
          ...source?.positionOf([...issue.path, key], { key: true }),
          field: fieldPath([...issue.path, key]),
          message: `is not a known field, so its value would be lost.${hint} Allowed here: ${known.join(', ')}`,
        };
      });
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const written = valueAt(source?.data, issue.path);
    let message = missing ? `is required (${issue.message.replace(/^Invalid input: /, '')})` : issue.message;
    if (isPlaceholder(written) && !message.startsWith('is still a placeholder')) {
      message = placeholderProblem(written, message);
    }
    return [{ file, ...source?.positionOf(issue.path), field: fieldPath(issue.path), message }];
  });
}

/** The value the author wrote at a path of the frontmatter, if any. */
function valueAt(data: unknown, pathParts: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of pathParts) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part as string];
  }
  return value;
}

/**
 * A placeholder left in a date, a severity or a category fails as an invalid value; saying so
 * plainly ("is still a placeholder") tells the author it was never filled in, not mistyped,
 * and the rest of the message keeps what to write instead, minus the echo of the placeholder.
 */
function placeholderProblem(written: string, message: string): string {
  const rule = message
    .replace(/^".*?" is not allowed; /, '')
    .replace(/ \(got .*\)$/, '')
    .replace(/^Invalid input: /, '');
  return `is still a placeholder (${JSON.stringify(written.trim())}); ${rule.startsWith('must ') ? `it ${rule}` : rule}`;
}

/**
 * Checks one postmortem file: its frontmatter against the schema and, for MDX, that the body
 * compiles and would render (every name and component it uses is defined, every import resolves).
 */
export function checkPostmortemFile(
  file: string,
  text: string,
  schema: ReturnType<typeof postmortemSchema>,
): { data?: Postmortem; source?: YamlSource; problems: Problem[] } {
  const checked = checkFrontmatter(file, text, schema);
  const frontmatter = FRONTMATTER.exec(text)?.[0];
  if (frontmatter === undefined) return checked;
  if (!file.toLowerCase().endsWith('.mdx')) {
    // The build stops on this too; saying it here puts it in the pull request's check.
    const internal = internalTagInMarkdown(text);
    if (!internal) return checked;
    const problem = { file, ...internal, field: '', message: `<Internal> ${INTERNAL_IN_MARKDOWN}` };
    return { ...checked, problems: [...checked.problems, problem] };
  }
  const body = mdxBodyProblems(file, text, frontmatter).map((problem) => ({ file, ...problem, field: '' }));
  return body.length ? { ...checked, problems: [...checked.problems, ...body] } : checked;
}

/** Checks one postmortem file's frontmatter against the schema. */
function checkFrontmatter(
  file: string,
  text: string,
  schema: ReturnType<typeof postmortemSchema>,
): { data?: Postmortem; source?: YamlSource; problems: Problem[] } {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: '',
          message: 'must start with YAML frontmatter between two --- lines',
        },
      ],
    };
  }
  const source = parseYamlSource(match[1] ?? '', 1);
  if (source.errors.length) {
    return {
      problems: source.errors.map((error) => ({
        file,
        ...error,
        field: '',
        message: `frontmatter is not valid YAML: ${error.message}`,
      })),
    };
  }
  if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return {
      problems: [
        { file, line: 2, column: 1, field: '', message: 'frontmatter must be a set of key: value fields' },
      ],
    };
  }
  const result = schema.safeParse(source.data);
  if (!result.success) return { problems: issuesToProblems(file, result.error.issues, source, schema) };
  // The schema is shared by every file and cannot know which one it is reading; this rule can.
  const id = postmortemIdFromPath(file);
  const self = result.data.related?.indexOf(id) ?? -1;
  if (self < 0) return { data: result.data, source, problems: [] };
  const problem = {
    file,
    ...source.positionOf(['related', self]),
    field: `related.${self}`,
    message: 'names this postmortem itself; list other incidents only',
  };
  return { data: result.data, source, problems: [problem] };
}

/**
 * The taxonomy to check postmortems against, and the problems of its files that leave it
 * usable. Throws a `ContentError` when a root-cause or severity file is broken, as no
 * postmortem can be checked without them; a broken synonyms file (or a misnamed file beside
 * them) only affects search, so its problems are reported beside the postmortems' instead of
 * hiding them.
 */
function taxonomyFor(contentRoot: string): { taxonomy: Taxonomy; problems: Problem[] } {
  const read = readTaxonomy(contentRoot);
  const vital: readonly string[] = Object.values(TAXONOMY_FILES);
  if (read.problems.some((problem) => vital.includes(path.basename(problem.file))))
    throw new ContentError(read.problems);
  return read;
}

export interface CheckOptions {
  /** The taxonomy to check against; read from the content folder when left out. */
  taxonomy?: Taxonomy;
  /**
   * Files to leave out of the per-file check because they passed it before as they are now
   * (see `check-cache.ts`); they are missing from `postmortems` then. Names and ids are always
   * checked, since they concern every file together.
   */
  unchanged?: (file: string, text: string) => boolean;
}

/**
 * Checks every postmortem and the taxonomies under a content folder, collecting all problems
 * rather than stopping at the first, so one build run lists everything an author must fix.
 */
export function checkContent(contentRoot: string, { taxonomy, unchanged }: CheckOptions = {}): CheckResult {
  const read = taxonomy ? { taxonomy, problems: [] } : taxonomyFor(contentRoot);
  const tax = read.taxonomy;
  const files = listPostmortemFiles(postmortemsDir(contentRoot));
  const problems: Problem[] = [...read.problems];
  const byId = new Map<string, string>();
  for (const file of files) {
    const id = postmortemIdFromPath(file);
    if (!SLUG.test(id)) {
      problems.push({
        file,
        field: '',
        message: `file name "${id}" must be a lowercase slug, by convention YYYY-MM-DD-short-slug`,
      });
    }
    const other = byId.get(id);
    if (other)
      problems.push({
        file,
        field: '',
        message: `has the same id "${id}" as ${path.basename(other)}; rename one`,
      });
    byId.set(id, file);
  }
  const schema = postmortemSchema({
    rootCauseIds: ids(tax.rootCauses),
    severityIds: ids(tax.severities),
    postmortemIds: new Set(byId.keys()),
  });

  const postmortems: CheckedPostmortem[] = [];
  for (const file of files) {
    const id = postmortemIdFromPath(file);
    const text = fs.readFileSync(file, 'utf8');
    if (unchanged?.(file, text)) continue;
    const checked = checkPostmortemFile(file, text, schema);
    problems.push(...checked.problems);
    if (checked.data && checked.source)
      postmortems.push({ id, file, data: checked.data, source: checked.source });
  }
  return { postmortems, problems };
}
