/**
 * The leak check of public builds: what must not appear (`needles.ts`), read from the content
 * files; where it is looked for (`site-files.ts`, `decode.ts`); how (`needle-index.ts`); and
 * what is reported (`report.ts`). `checkBuiltSite` runs it on a built folder.
 */
export { checkBuiltSite, quoteOf, type Leak, type LeakCheckOptions, type LeakCheckResult } from './check';
export { formatClean, formatLeaks } from './report';
