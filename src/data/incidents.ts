import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:hindsight/config';
import { audienceFilter } from '../lib/audience';
import { contentDir } from '../lib/content-dir';
import { loadTaxonomy, type Taxonomy } from '../lib/taxonomy';

const forAudience = audienceFilter({
  audience: config.audience,
  visibility: config.visibility,
  includeDrafts: import.meta.env.DEV,
});

/**
 * The incidents this build shows, newest first: everything in `astro dev`, everything but
 * drafts in a production build; in a public build (`audience: 'public'`) only postmortems with
 * `visibility: public`, without their internal-only fields and with `related` limited to the
 * build. Every page, feed and data file reads postmortems through here and nowhere else, so
 * nothing of an internal postmortem can reach a public build.
 */
export async function getIncidents(): Promise<CollectionEntry<'postmortems'>[]> {
  return forAudience(await getCollection('postmortems'));
}

let taxonomy: Taxonomy | undefined;

/** The root-cause and severity vocabularies, read once per build. */
export function getTaxonomy(): Taxonomy {
  taxonomy ??= loadTaxonomy(contentDir());
  return taxonomy;
}
