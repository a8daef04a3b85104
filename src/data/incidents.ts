import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, isVisible } from '../lib/incidents';
import { contentDir } from '../lib/content-dir';
import { loadTaxonomy, type Taxonomy } from '../lib/taxonomy';

/**
 * The incidents this build shows, newest first: everything in `astro dev`, everything but
 * drafts in a production build.
 */
export async function getIncidents(): Promise<CollectionEntry<'postmortems'>[]> {
  const entries = await getCollection('postmortems');
  return entries.filter((entry) => isVisible(entry, { includeDrafts: import.meta.env.DEV })).sort(byNewest);
}

let taxonomy: Taxonomy | undefined;

/** The root-cause and severity vocabularies, read once per build. */
export function getTaxonomy(): Taxonomy {
  taxonomy ??= loadTaxonomy(contentDir());
  return taxonomy;
}

/** The taxonomy entry for an id, or a stand-in so a page never renders a blank label. */
export { taxonomyEntry as label } from '../lib/labels';
