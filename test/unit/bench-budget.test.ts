import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget, readBudget, type Budget } from '../../bench/run/budget';
import { medianMetrics, type Metrics } from '../../bench/run/metrics';
import { testTempDir } from '../helpers/build-site';

const KiB = 1024;
const GiB = 1024 ** 3;

const budget: Budget = {
  maxHugoRatio: 6,
  maxLargestProcessGiB: 1.5,
  maxRebuildShareOfBuild: 1 / 3,
  maxNonSearchPageKiB: 30,
  maxPagesWithScript: 0,
  maxFirstSearchKiB: 250,
  maxNextSearchKiB: 50,
};

/** A run inside every limit. */
const within: Metrics = {
  buildMs: 60_000,
  hugoRatio: 5,
  largestProcessBytes: 1 * GiB,
  rebuildMs: 10_000,
  largestNonSearchPageGzipBytes: 20 * KiB,
  pagesWithScript: 0,
  firstSearchBytes: 200 * KiB,
  nextSearchBytes: 40 * KiB,
};

const outcomes = (metrics: Metrics) =>
  Object.fromEntries(checkBudget(metrics, budget).map((check) => [check.limit, check.outcome]));

describe('checkBudget', () => {
  it('passes a run inside every limit, and one exactly at each limit', () => {
    expect(Object.values(outcomes(within))).toEqual(Array(7).fill('ok'));
    const atLimits: Metrics = {
      buildMs: 60_000,
      hugoRatio: 6,
      largestProcessBytes: 1.5 * GiB,
      rebuildMs: 20_000,
      largestNonSearchPageGzipBytes: 30 * KiB,
      pagesWithScript: 0,
      firstSearchBytes: 250 * KiB,
      nextSearchBytes: 50 * KiB,
    };
    expect(Object.values(outcomes(atLimits))).toEqual(Array(7).fill('ok'));
  });

  it('names each exceeded limit with the value and the limit', () => {
    const checks = checkBudget(
      {
        ...within,
        hugoRatio: 27.4,
        largestProcessBytes: 4.6 * GiB,
        rebuildMs: 59_000,
        nextSearchBytes: 100 * KiB,
      },
      budget,
    );
    const exceeded = checks.filter((check) => check.outcome === 'exceeded');
    expect(exceeded.map((check) => check.limit)).toEqual([
      'maxHugoRatio',
      'maxLargestProcessGiB',
      'maxRebuildShareOfBuild',
      'maxNextSearchKiB',
    ]);
    expect(exceeded.map((check) => check.detail)).toEqual([
      '27.4x (limit 6.0x)',
      '4.60 GiB (limit 1.50 GiB)',
      '98% (limit 33%)',
      '100.0 KiB (limit 50.0 KiB)',
    ]);
  });

  it('fails on one page with a script, and on a page one byte over', () => {
    expect(outcomes({ ...within, pagesWithScript: 1 })['maxPagesWithScript']).toBe('exceeded');
    expect(outcomes({ ...within, largestNonSearchPageGzipBytes: 30 * KiB + 1 })['maxNonSearchPageKiB']).toBe(
      'exceeded',
    );
  });

  it('says what a run did not measure instead of passing it', () => {
    const {
      hugoRatio: _hugo,
      firstSearchBytes: _first,
      nextSearchBytes: _next,
      rebuildMs: _rebuild,
      ...partial
    } = within;
    const result = outcomes(partial);
    expect(result).toEqual({
      maxHugoRatio: 'unmeasured',
      maxLargestProcessGiB: 'ok',
      maxRebuildShareOfBuild: 'unmeasured',
      maxNonSearchPageKiB: 'ok',
      maxPagesWithScript: 'ok',
      maxFirstSearchKiB: 'unmeasured',
      maxNextSearchKiB: 'unmeasured',
    });
  });
});

describe('readBudget', () => {
  it('reads bench/budget.json with the issue’s limits', () => {
    expect(readBudget()).toEqual({
      maxHugoRatio: 6,
      maxLargestProcessGiB: 1.5,
      maxRebuildShareOfBuild: 0.3333,
      maxNonSearchPageKiB: 30,
      maxPagesWithScript: 0,
      maxFirstSearchKiB: 250,
      maxNextSearchKiB: 50,
    });
  });

  it('names the file and the key of a missing or wrong limit', () => {
    const file = path.join(fs.mkdtempSync(path.join(testTempDir(), 'hindsight-budget-')), 'budget.json');
    fs.writeFileSync(file, JSON.stringify({ ...budget, maxHugoRatio: 'six' }));
    expect(() => readBudget(file)).toThrow(`${file}: maxHugoRatio must be a number of 0 or more; got "six"`);
  });
});

describe('medianMetrics', () => {
  it('takes each metric’s median over the runs that measured it', () => {
    expect(
      medianMetrics([
        { buildMs: 30, firstSearchBytes: 5 },
        { buildMs: 10 },
        { buildMs: 20, firstSearchBytes: 7 },
      ]),
    ).toEqual({ buildMs: 20, firstSearchBytes: 6 });
  });
});
