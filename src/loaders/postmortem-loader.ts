import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { hasBody, pruneBodies, writeBody } from '../lib/body-cache';
import { readsAsMarkdown } from '../lib/mdx/reads-as-markdown';

type GlobOptions = Parameters<typeof glob>[0];
type Entry = Parameters<DataStore['set']>[0];

export interface PostmortemLoaderOptions extends GlobOptions {
  /** Where rendered bodies are kept, by digest (see `src/lib/body-cache.ts`). */
  bodyCache: string;
}

/**
 * Astro's glob loader, with two differences that decide what a large knowledge base costs to
 * build (measured in BENCHMARKS.md):
 *
 * - An `.mdx` postmortem whose body reads as plain Markdown (most of them; see
 *   `readsAsMarkdown`) is rendered while loading, by the Markdown processor `.md` files go
 *   through. Otherwise every `.mdx` entry becomes a JavaScript module of its own that the
 *   bundler compiles on every build, which at ten thousand postmortems was most of the build's
 *   time and memory. Bodies that import, use a component or an expression still compile as MDX.
 * - Rendered bodies go to the body cache rather than into the content store (see
 *   `body-cache.ts`), except those with images, which Astro's own rendering resolves.
 *
 * Either way a body is rendered only when its file's digest changes. Nothing on the site reads
 * an entry's raw body, so the store does not keep it (the content check and the leak check read
 * the files themselves).
 */
export function postmortemLoader({ bodyCache, ...options }: PostmortemLoaderOptions): Loader {
  const inner = glob(options);
  return {
    name: 'hindsight:postmortems',
    load: async (context) => {
      // An entry whose cached body has gone (a cleared cache folder) loads afresh.
      for (const [id, entry] of context.store.entries()) {
        if (cachedBody(entry) && !hasBody(bodyCache, String(entry.digest))) context.store.delete(id);
      }
      const pending = new Set<Promise<void>>();
      const store = storingBodies(context, bodyCache, pending);
      await inner.load({ ...context, store });
      // A rendering started by the glob loader's last `set` finishes before the build reads the store.
      while (pending.size) await Promise.all(pending);
      const inUse = new Set(
        context.store
          .values()
          .filter(cachedBody)
          .map((entry) => String(entry.digest)),
      );
      pruneBodies(bodyCache, inUse);
    },
  };
}

/** Whether the entry's body is in the body cache: neither rendered in the store nor compiled as MDX. */
export const cachedBody = (entry: Pick<Entry, 'rendered' | 'deferredRender' | 'digest'>) =>
  !entry.rendered && !entry.deferredRender && entry.digest !== undefined;

/**
 * The collection's store, seen through a `set` that renders plain-Markdown `.mdx` bodies and
 * moves rendered bodies to the cache before storing an entry. The glob loader calls `set`
 * synchronously, so a rendering is tracked in `pending` and its entry stored when it is done.
 */
function storingBodies(context: LoaderContext, bodyCache: string, pending: Set<Promise<void>>): DataStore {
  const { store, config, logger } = context;
  const keep = (entry: Entry): boolean => {
    const { rendered, ...rest } = entry;
    const images = rendered?.metadata?.imagePaths?.length;
    if (!rendered || images || rest.digest === undefined) return store.set(entry);
    writeBody(bodyCache, String(rest.digest), rendered.html);
    return store.set(rest);
  };
  const set = (entry: Entry): boolean => {
    const { body, ...rest } = entry;
    const plain =
      entry.deferredRender &&
      entry.filePath?.toLowerCase().endsWith('.mdx') &&
      body !== undefined &&
      // The renderer reads a leading `---` as frontmatter; leave such a body to MDX.
      !body.trimStart().startsWith('---') &&
      readsAsMarkdown(body);
    if (!plain || !entry.filePath) return keep(rest);
    const fileURL = pathToFileURL(new URL(entry.filePath, config.root).pathname);
    const job = context
      .renderMarkdown(body, { fileURL })
      .then((rendered) => {
        const { deferredRender: _compiled, ...markdown } = rest;
        keep({ ...markdown, rendered });
      })
      .catch((error: unknown) => {
        // Compiled as MDX instead, where a failure is reported against the file as usual.
        logger.debug(
          `${entry.filePath}: rendering as Markdown failed (${String(error)}); compiling it as MDX`,
        );
        store.set(rest);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    return true;
  };
  return { ...store, set };
}
