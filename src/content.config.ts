import { defineCollection } from 'astro:content';
import { postmortemLoader } from './loaders/postmortem-loader';
import { postmortemSchema } from './schemas';
import { contentDir, POSTMORTEM_GLOB, postmortemIdFromPath, postmortemsDir } from './lib/content-dir';
import { listPostmortemFiles } from './lib/content-check';
import { ids, loadTaxonomy } from './lib/taxonomy';
import config from 'virtual:hindsight/config';
import bodyCache from 'virtual:hindsight/body-cache';

const root = contentDir();
const taxonomy = loadTaxonomy(root);
const dir = postmortemsDir(root);

const postmortems = defineCollection({
  loader: postmortemLoader({
    pattern: POSTMORTEM_GLOB,
    base: dir,
    // The id is the file name as written, so links and `related` match what authors see.
    generateId: ({ entry }) => postmortemIdFromPath(entry),
    bodyCache,
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
