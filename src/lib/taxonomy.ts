import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { synonymsFileSchema } from '../schemas/synonyms';
import { taxonomyFileSchema, type TaxonomyEntry } from '../schemas/taxonomy';
import { taxonomyDir } from './content-dir';
import { ContentError, fieldPath, type Problem } from './problems';
import { closestKey } from './schema-shape';
import type { SynonymGroups } from './search/synonyms';
import { parseYamlSource, type YamlSource } from './yaml-source';

/** The organisation's vocabularies, read from `content/taxonomy/`. */
export interface Taxonomy {
  /** Root-cause categories, in the order pages list them. */
  rootCauses: TaxonomyEntry[];
  /** Severities, most severe first. */
  severities: TaxonomyEntry[];
  /** Groups of words search treats as the same; none when the team has no synonyms file. */
  synonyms: SynonymGroups;
}

export const TAXONOMY_FILES = { rootCauses: 'root-causes.yaml', severities: 'severities.yaml' } as const;

/** The optional file of synonym groups, beside the taxonomies (see `src/schemas/synonyms.ts`). */
export const SYNONYMS_FILE = 'synonyms.yaml';

/** Reads a YAML file and checks it against `schema`, adding a problem for each mistake. */
function readYamlFile<T>(
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  fieldName: (path: readonly PropertyKey[]) => string = fieldPath,
): T | undefined {
  const source = parseYamlSource(fs.readFileSync(file, 'utf8'));
  for (const error of source.errors)
    problems.push({ file, ...error, field: '', message: `is not valid YAML: ${error.message}` });
  if (source.errors.length) return undefined;
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file,
      ...source.positionOf(issue.path),
      field: fieldName(issue.path),
      message: messageOf(issue, source),
    });
  }
  return undefined;
}

/** An issue's message, with a reference to another entry turned into that entry's line. */
function messageOf(issue: z.core.$ZodIssue, source: YamlSource): string {
  const sameAs =
    issue.code === 'custom' ? (issue.params as { sameAs?: unknown } | undefined)?.sameAs : undefined;
  const line = typeof sameAs === 'number' ? source.positionOf([sameAs])?.line : undefined;
  return line === undefined ? issue.message : issue.message.replace(/group \d+/, `the group on line ${line}`);
}

function readTaxonomyFile(file: string, problems: Problem[]): TaxonomyEntry[] {
  if (!fs.existsSync(file)) {
    problems.push({
      file,
      field: '',
      message: 'is missing; it lists the allowed ids with id, label and description',
    });
    return [];
  }
  return readYamlFile(file, taxonomyFileSchema, problems) ?? [];
}

/**
 * Where in the synonyms file a problem is, counted as a reader counts: `group 3, term 2`. Its
 * groups and terms have no names, and `2.1` would read as a version number.
 */
function synonymsField(path: readonly PropertyKey[]): string {
  const [group, term] = path.map(Number);
  if (group === undefined || Number.isNaN(group)) return '';
  return term === undefined || Number.isNaN(term)
    ? `group ${group + 1}`
    : `group ${group + 1}, term ${term + 1}`;
}

/** The synonym groups, or none when the file is absent: a team may do without synonyms. */
function readSynonymsFile(file: string, problems: Problem[]): SynonymGroups {
  if (!fs.existsSync(file)) return [];
  return readYamlFile(file, synonymsFileSchema, problems, synonymsField) ?? [];
}

/**
 * A file in the taxonomy folder named like one Hindsight reads (`synonyms.yml`,
 * `root-cause.yaml`) would be ignored without a word, and with it the team's edits; this names
 * each such file and the name it needs. Other files (a README, notes) are left alone.
 */
function misnamedFiles(dir: string): Problem[] {
  if (!fs.existsSync(dir)) return [];
  const known = [...Object.values(TAXONOMY_FILES), SYNONYMS_FILE];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const meant = known.includes(name) ? undefined : closestKey(name, known);
      if (!meant) return [];
      return [
        {
          file: path.join(dir, name),
          field: '',
          message: `is not a file Hindsight reads, so what it says is ignored. Did you mean "${meant}"? Rename it`,
        },
      ];
    });
}

/**
 * Reads and checks the taxonomy files, returning every problem instead of throwing, so the
 * content check can go on checking postmortems when only the synonyms are wrong.
 */
export function readTaxonomy(contentRoot: string): { taxonomy: Taxonomy; problems: Problem[] } {
  const problems: Problem[] = [];
  const dir = taxonomyDir(contentRoot);
  const taxonomy = {
    rootCauses: readTaxonomyFile(path.join(dir, TAXONOMY_FILES.rootCauses), problems),
    severities: readTaxonomyFile(path.join(dir, TAXONOMY_FILES.severities), problems),
    synonyms: readSynonymsFile(path.join(dir, SYNONYMS_FILE), problems),
  };
  problems.push(...misnamedFiles(dir));
  return { taxonomy, problems };
}

/** Reads and checks the taxonomy files; throws a `ContentError` naming each problem. */
export function loadTaxonomy(contentRoot: string): Taxonomy {
  const { taxonomy, problems } = readTaxonomy(contentRoot);
  if (problems.length) throw new ContentError(problems);
  return taxonomy;
}

export const ids = (entries: readonly TaxonomyEntry[]) => entries.map((entry) => entry.id);
