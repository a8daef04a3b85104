/**
 * stopword 3 names its lists by ISO 639-3 code (`eng`); `@types/stopword` still describes the
 * two-letter names of stopword 0.3 (`en`), which stopword 3 no longer exports.
 */
import 'stopword';

declare module 'stopword' {
  /** English stopwords. */
  export const eng: string[];
}
