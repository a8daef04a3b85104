/**
 * Similar incidents and recurring causes, from the words of root causes (see `similar.ts` for
 * the method, `config.ts` for the numbers to tune).
 */
export { SIMILARITY, type SimilarityConfig } from './config';
export { memoizeByItems } from './memo';
export { reasonPhrases, reasonSentence } from './reasons';
export { recurringCauses, type RecurringCause, type RecurringOptions } from './recurring';
export {
  recurringView,
  type RecurringGroupView,
  type RecurringView,
  type RecurringViewOptions,
} from './recurring-view';
export {
  allPairsSimilarity,
  computeSimilarity,
  rootCauseFields,
  startsBefore,
  type MatchReasons,
  type ScoredPair,
  type SimilarMatch,
  type Similarity,
  type SimilarityIncident,
} from './similar';
export { buildCorpus, cosine, inverseDocumentFrequency, sharedTerms, type Corpus } from './tfidf';
export { STOP_WORDS, stem, terms, tokenize, type Token } from './tokenize';
