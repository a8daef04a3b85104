import { quantile } from '../../src/lib/stats';
import type { CommandCost } from './process-tree';
import type { OutputStats } from './output-stats';
import type { SearchTransfer } from './search-transfer';

/** What one run of the benchmark measured. Parts left out were not asked for or failed. */
export interface BenchRun {
  build: Omit<CommandCost, 'output' | 'exitCode'>;
  /** The second build after one postmortem was edited, with the first build's cache and output. */
  rebuild?: Omit<CommandCost, 'output' | 'exitCode'>;
  output: OutputStats;
  search?: SearchTransfer;
  hugo?: Omit<CommandCost, 'output' | 'exitCode'> & { pages: number };
}

/** The numbers of a run by name, as the table and the budget read them. */
export interface Metrics {
  buildMs?: number | undefined;
  msPerPage?: number | undefined;
  largestProcessBytes?: number | undefined;
  treeBytes?: number | undefined;
  rebuildMs?: number | undefined;
  outputBytes?: number | undefined;
  outputFiles?: number | undefined;
  pages?: number | undefined;
  indexBytes?: number | undefined;
  indexFiles?: number | undefined;
  largestPageBytes?: number | undefined;
  largestNonSearchPageGzipBytes?: number | undefined;
  pagesWithScript?: number | undefined;
  firstSearchBytes?: number | undefined;
  nextSearchBytes?: number | undefined;
  hugoMs?: number | undefined;
  hugoRatio?: number | undefined;
}
export type MetricId = keyof Metrics;

export function metricsOf(run: BenchRun): Metrics {
  return {
    buildMs: run.build.wallMs,
    msPerPage: run.output.pages ? run.build.wallMs / run.output.pages : undefined,
    largestProcessBytes: run.build.largestProcessBytes,
    treeBytes: run.build.treeBytes,
    rebuildMs: run.rebuild?.wallMs,
    outputBytes: run.output.bytes,
    outputFiles: run.output.files,
    pages: run.output.pages,
    indexBytes: run.output.indexBytes,
    indexFiles: run.output.indexFiles,
    largestPageBytes: run.output.largestPage.bytes,
    largestNonSearchPageGzipBytes: run.output.largestNonSearchPage.gzipBytes,
    pagesWithScript: run.output.pagesWithScript.length,
    firstSearchBytes: run.search?.firstBytes,
    nextSearchBytes: run.search?.nextBytes,
    hugoMs: run.hugo?.wallMs,
    hugoRatio: run.hugo ? run.build.wallMs / run.hugo.wallMs : undefined,
  };
}

/** Each metric's median over runs, from the runs that measured it. */
export function medianMetrics(runs: readonly Metrics[]): Metrics {
  const ids = new Set(runs.flatMap((run) => Object.keys(run) as MetricId[]));
  const result: Metrics = {};
  for (const id of ids) {
    const median = quantile(
      runs.map((run) => run[id]).filter((value): value is number => value !== undefined),
      0.5,
    );
    if (median !== null) result[id] = median;
  }
  return result;
}

const KiB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
export const formatBytes = (bytes: number) =>
  bytes >= GiB
    ? `${(bytes / GiB).toFixed(2)} GiB`
    : bytes >= MiB
      ? `${(bytes / MiB).toFixed(1)} MiB`
      : `${(bytes / KiB).toFixed(1)} KiB`;
const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const count = (value: number) => Math.round(value).toLocaleString('en-GB');

/** Each metric's label in the table, and how its value is written. */
export const METRICS: readonly { id: MetricId; label: string; format: (value: number) => string }[] = [
  { id: 'buildMs', label: 'Build (site and search index), wall time', format: formatMs },
  { id: 'msPerPage', label: 'Build time per page', format: (ms) => `${ms.toFixed(1)} ms` },
  { id: 'hugoMs', label: 'Hugo build of the same postmortems, wall time', format: formatMs },
  { id: 'hugoRatio', label: 'Build time over Hugo’s', format: (ratio) => `${ratio.toFixed(1)}x` },
  { id: 'largestProcessBytes', label: 'Peak memory (RSS) of the largest process', format: formatBytes },
  { id: 'treeBytes', label: 'Peak memory (RSS) of the whole process tree', format: formatBytes },
  { id: 'rebuildMs', label: 'Rebuild after editing one postmortem', format: formatMs },
  { id: 'pages', label: 'HTML pages', format: count },
  { id: 'outputFiles', label: 'Output files', format: count },
  { id: 'outputBytes', label: 'Output size', format: formatBytes },
  { id: 'indexFiles', label: 'Search index files', format: count },
  { id: 'indexBytes', label: 'Search index size', format: formatBytes },
  { id: 'largestPageBytes', label: 'Largest page (uncompressed HTML)', format: formatBytes },
  {
    id: 'largestNonSearchPageGzipBytes',
    label: 'Heaviest page but /search/ (HTML + CSS, gzip)',
    format: formatBytes,
  },
  { id: 'pagesWithScript', label: 'Pages with JavaScript besides /search/', format: count },
  { id: 'firstSearchBytes', label: 'First search in Chromium, transferred', format: formatBytes },
  { id: 'nextSearchBytes', label: 'Next search in Chromium, transferred', format: formatBytes },
];
