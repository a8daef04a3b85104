import { describe, expect, it } from 'vitest';
import { hasScript, linkedStylesheets, pagePath } from '../../bench/run/output-stats';
import { descendants, memoryOf } from '../../bench/run/process-tree';
import {
  BENCHMARKS_INTRO,
  metricsTable,
  resultSection,
  updateBenchmarks,
  type RunDescription,
} from '../../bench/run/report';

const run = (count: number, format: 'mdx' | 'md' = 'mdx'): RunDescription => ({
  count,
  seed: 1,
  format,
  runs: 1,
  date: '2026-11-22',
  machine: '2 cores (test CPU), 24.0 GiB memory',
});

describe('BENCHMARKS.md', () => {
  it('writes a table of what was measured, leaving out what was not', () => {
    expect(metricsTable({ buildMs: 65_432, pages: 2051, firstSearchBytes: 300 * 1024 }, 1)).toBe(
      [
        '| Measure | Value |',
        '| --- | ---: |',
        '| Build (site and search index), wall time | 65.4 s |',
        '| HTML pages | 2,051 |',
        '| First search in Chromium, transferred | 300.0 KiB |',
      ].join('\n'),
    );
    expect(metricsTable({ buildMs: 900 }, 3).split('\n')[0]).toBe('| Measure | Median of 3 runs |');
  });

  it('replaces the section of the same count and format, and keeps the others', () => {
    const first = updateBenchmarks(BENCHMARKS_INTRO, resultSection(run(1000), { buildMs: 1000 }));
    const both = updateBenchmarks(first, resultSection(run(10000), { buildMs: 9000 }));
    const updated = updateBenchmarks(both, resultSection(run(1000), { buildMs: 2000 }, ['A note.']));
    expect(updated.startsWith(BENCHMARKS_INTRO.trimEnd())).toBe(true);
    expect(updated).not.toContain('| 1000 ms |');
    expect(updated).toContain('| 2000 ms |');
    expect(updated).toContain('| 9000 ms |');
    expect(updated).toContain('- A note.');
    expect(updated.indexOf('bench:1000-mdx')).toBeLessThan(updated.indexOf('bench:10000-mdx'));
  });

  it('puts a new section in order of count, then format', () => {
    let document = BENCHMARKS_INTRO;
    for (const [count, format] of [
      [10000, 'mdx'],
      [1000, 'mdx'],
      [1000, 'md'],
      [2000, 'mdx'],
    ] as const) {
      document = updateBenchmarks(document, resultSection(run(count, format), { buildMs: 1 }));
    }
    const order = [...document.matchAll(/<!-- (bench:[\w-]+) -->/g)].map((match) => match[1]);
    expect(order).toEqual(['bench:1000-md', 'bench:1000-mdx', 'bench:2000-mdx', 'bench:10000-mdx']);
  });
});

describe('reading the output and the processes', () => {
  it('turns built files into site paths', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('incidents/x/index.html')).toBe('/incidents/x/');
    expect(pagePath('404.html')).toBe('/404.html');
  });

  it('counts a page as having JavaScript for any script but a data block', () => {
    expect(hasScript('<script type="application/ld+json">{}</script>')).toBe(false);
    expect(hasScript('<script type="application/json" id="data">{}</script>')).toBe(false);
    expect(hasScript('<script type="module" src="/_astro/a.js"></script>')).toBe(true);
    expect(hasScript('<p>x</p><script>alert(1)</script>')).toBe(true);
    expect(hasScript('<p>no scripts</p>')).toBe(false);
  });

  it('finds the stylesheets a page links', () => {
    expect(
      linkedStylesheets(
        '<link rel="icon" href="/f.svg"><link rel="stylesheet" href="/_astro/a.css"><link href=/b.css rel=stylesheet>',
      ),
    ).toEqual(['/_astro/a.css', '/b.css']);
  });

  it('reads peak and current memory from /proc status text, and a process tree from parent pids', () => {
    expect(memoryOf('Name:\tnode\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n')).toEqual({
      rss: 1024 * 1024,
      hwm: 2048 * 1024,
    });
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12]);
  });
});
