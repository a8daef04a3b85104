import config from 'virtual:hindsight/config';
import { cacheKeyOf } from '../lib/cache-key';
import { getTaxonomy } from './incidents';

/** The configuration and taxonomy's part of every key, the same for every page of a build. */
let site: string | undefined;

/**
 * A page's key for Astro's incremental build (see `src/lib/cache-key.ts`): what it shows, plus
 * what every page reads besides its props, the site's configuration and taxonomy. A page that
 * depends on the build date passes what it makes of it (a day, overdue flags), not the moment,
 * so that it is not rendered again on every build.
 */
export function pageCacheKey(...inputs: unknown[]): string {
  site ??= cacheKeyOf(config, getTaxonomy());
  return cacheKeyOf(site, ...inputs);
}

/** Static paths (from `paginate()` or by hand), each with its page's key from its props. */
export function withCacheKeys<P extends { props?: unknown }>(paths: P[]): (P & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props) }));
}
