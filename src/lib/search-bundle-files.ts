/**
 * @deprecated Moved to `static-files.ts`. Kept only because `test/helpers/serve.ts` still
 * imports this path; delete once it imports `../../src/lib/static-files`.
 */
export { contentTypeFor, resolveStaticFile } from './static-files';
