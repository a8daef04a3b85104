import fs from 'node:fs';
import path from 'node:path';
import {
  readFacetData,
  withAllServices,
  type FacetData,
  type FacetFile,
  type ServicesFile,
} from '../../src/lib/search/facet-data';
import type { FilterValues } from '../../src/lib/search/facet-membership';
import type { LoadedIndex } from '../helpers/pagefind';

/**
 * The facet data a build wrote (`dist/pagefind/facets.json` and `services.json`), read against
 * Pagefind's unfiltered search as the search page reads it, with every incident's values by URL.
 */
export async function builtFacets(
  outDir: string,
  index: LoadedIndex,
): Promise<{ data: FacetData; byUrl: Map<string, FilterValues> }> {
  const read = <T>(file: string) =>
    JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind', file), 'utf8')) as T;
  const { results } = await index.pagefind.search(null);
  const ids = results.map((result) => (result as unknown as { id: string }).id);
  const facets = read<FacetFile>('facets.json');
  const data = withAllServices(readFacetData(facets, ids), facets, read<ServicesFile>('services.json'));
  const urls = await Promise.all(results.map(async (result) => (await result.data()).url));
  return {
    data,
    byUrl: new Map(urls.map((url, place) => [url, data.membership.get(ids[place] ?? '') ?? {}])),
  };
}
