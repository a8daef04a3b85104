import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postmortemSchema } from './schemas';
import { contentDir, POSTMORTEM_GLOB, postmortemIdFromPath, postmortemsDir } from './lib/content-dir';
import { listPostmortemFiles } from './lib/content-check';
import { ids, loadTaxonomy } from './lib/taxonomy';
import config from 'virtual:hindsight/config';

const root = contentDir();
const taxonomy = loadTaxonomy(root);
const dir = postmortemsDir(root);

const postmortems = defineCollection({
  loader: glob({
    pattern: POSTMORTEM_GLOB,
    base: dir,
    // The id is the file name as written, so links and `related` match what authors see.
    generateId: ({ entry }) => postmortemIdFromPath(entry),
  }),
  schema: postmortemSchema({
    rootCauseIds: ids(taxonomy.rootCauses),
    severityIds: ids(taxonomy.severities),
    postmortemIds: new Set(listPostmortemFiles(dir).map(postmortemIdFromPath)),
    defaultTimezone: config.timezone,
    defaultVisibility: config.visibility.default,
  }),
});

export const collections = { postmortems };
