import fs from 'node:fs';
import path from 'node:path';
import { formatBytes, type Metrics } from './metrics';

/** The limits in `bench/budget.json` (issue 9's targets). */
export interface Budget {
  maxHugoRatio: number;
  maxLargestProcessGiB: number;
  maxRebuildShareOfBuild: number;
  maxNonSearchPageKiB: number;
  maxPagesWithScript: number;
  maxFirstSearchKiB: number;
  maxNextSearchKiB: number;
}

const BUDGET_FILE = path.resolve(import.meta.dirname, '../budget.json');

export function readBudget(file = BUDGET_FILE): Budget {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const keys: (keyof Budget)[] = [
    'maxHugoRatio',
    'maxLargestProcessGiB',
    'maxRebuildShareOfBuild',
    'maxNonSearchPageKiB',
    'maxPagesWithScript',
    'maxFirstSearchKiB',
    'maxNextSearchKiB',
  ];
  const budget = {} as Budget;
  for (const key of keys) {
    const value = data[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`${file}: ${key} must be a number of 0 or more; got ${JSON.stringify(value)}`);
    }
    budget[key] = value;
  }
  return budget;
}

/** One limit of the budget, checked against a run. */
export interface BudgetCheck {
  /** The budget key, such as `maxHugoRatio`. */
  limit: keyof Budget;
  /** What is limited, in words. */
  label: string;
  /** `ok`, `exceeded`, or `unmeasured` when the run did not measure it (no Hugo, no browser). */
  outcome: 'ok' | 'exceeded' | 'unmeasured';
  /** The measured value and the limit, written out. */
  detail: string;
}

const KiB = 1024;
const GiB = 1024 ** 3;

/** Every limit of `budget` against `metrics`: a value equal to its limit is within it. */
export function checkBudget(metrics: Metrics, budget: Budget): BudgetCheck[] {
  const check = (
    limit: keyof Budget,
    label: string,
    value: number | undefined,
    max: number,
    show: (value: number) => string,
  ): BudgetCheck => ({
    limit,
    label,
    outcome: value === undefined ? 'unmeasured' : value <= max ? 'ok' : 'exceeded',
    detail: value === undefined ? `not measured (limit ${show(max)})` : `${show(value)} (limit ${show(max)})`,
  });
  const rebuildShare =
    metrics.rebuildMs !== undefined && metrics.buildMs ? metrics.rebuildMs / metrics.buildMs : undefined;
  return [
    check(
      'maxHugoRatio',
      'build time over Hugo’s',
      metrics.hugoRatio,
      budget.maxHugoRatio,
      (r) => `${r.toFixed(1)}x`,
    ),
    check(
      'maxLargestProcessGiB',
      'peak memory of the largest process',
      metrics.largestProcessBytes,
      budget.maxLargestProcessGiB * GiB,
      formatBytes,
    ),
    check(
      'maxRebuildShareOfBuild',
      'rebuild after one edit, as a share of the cold build',
      rebuildShare,
      budget.maxRebuildShareOfBuild,
      (share) => `${Math.round(share * 100)}%`,
    ),
    check(
      'maxNonSearchPageKiB',
      'heaviest page but /search/ (HTML + CSS, gzip)',
      metrics.largestNonSearchPageGzipBytes,
      budget.maxNonSearchPageKiB * KiB,
      formatBytes,
    ),
    check(
      'maxPagesWithScript',
      'pages with JavaScript besides /search/',
      metrics.pagesWithScript,
      budget.maxPagesWithScript,
      String,
    ),
    check(
      'maxFirstSearchKiB',
      'first search, transferred',
      metrics.firstSearchBytes,
      budget.maxFirstSearchKiB * KiB,
      formatBytes,
    ),
    check(
      'maxNextSearchKiB',
      'next search, transferred',
      metrics.nextSearchBytes,
      budget.maxNextSearchKiB * KiB,
      formatBytes,
    ),
  ];
}
