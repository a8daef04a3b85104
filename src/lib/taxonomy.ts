import fs from 'node:fs';
import path from 'node:path';
import { taxonomyFileSchema, type TaxonomyEntry } from '../schemas/taxonomy';
import { taxonomyDir } from './content-dir';
import { ContentError, fieldPath, type Problem } from './problems';
import { parseYamlSource } from './yaml-source';

/** The organisation's vocabularies, read from `content/taxonomy/`. */
export interface Taxonomy {
  /** Root-cause categories, in the order pages list them. */
  rootCauses: TaxonomyEntry[];
  /** Severities, most severe first. */
  severities: TaxonomyEntry[];
}

export const TAXONOMY_FILES = { rootCauses: 'root-causes.yaml', severities: 'severities.yaml' } as const;

function readTaxonomyFile(file: string, problems: Problem[]): TaxonomyEntry[] {
  if (!fs.existsSync(file)) {
    problems.push({
      file,
      field: '',
      message: 'is missing; it lists the allowed ids with id, label and description',
    });
    return [];
  }
  const source = parseYamlSource(fs.readFileSync(file, 'utf8'));
  for (const error of source.errors)
    problems.push({ file, ...error, field: '', message: `is not valid YAML: ${error.message}` });
  if (source.errors.length) return [];
  const result = taxonomyFileSchema.safeParse(source.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file,
      ...source.positionOf(issue.path),
      field: fieldPath(issue.path),
      message: issue.message,
    });
  }
  return [];
}

/** Reads and checks both taxonomy files; throws a `ContentError` naming each problem. */
export function loadTaxonomy(contentRoot: string): Taxonomy {
  const problems: Problem[] = [];
  const dir = taxonomyDir(contentRoot);
  const taxonomy = {
    rootCauses: readTaxonomyFile(path.join(dir, TAXONOMY_FILES.rootCauses), problems),
    severities: readTaxonomyFile(path.join(dir, TAXONOMY_FILES.severities), problems),
  };
  if (problems.length) throw new ContentError(problems);
  return taxonomy;
}

export const ids = (entries: readonly TaxonomyEntry[]) => entries.map((entry) => entry.id);
