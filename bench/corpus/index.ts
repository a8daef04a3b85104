/** The benchmark's generated postmortems: `writeCorpus(dir, { count, seed, format })`. */
export { generateCorpus, type CorpusFormat, type GeneratedFile } from './generate';
export { writeCorpus, type CorpusOptions } from './write-corpus';
