import { describe, expect, it } from 'vitest';
import { quoteOf, type Leak, type LeakCheckResult } from '../../src/lib/leak-check/check';
import type { Needle } from '../../src/lib/leak-check/needle-index';
import { REASONS } from '../../src/lib/leak-check/needles';
import {
  describeNeedle,
  formatClean,
  formatLeaks,
  MAX_FILES_PER_FINDING,
  MAX_FINDINGS,
} from '../../src/lib/leak-check/report';

const needle = (overrides: Partial<Needle>): Needle => ({
  kind: 'passage',
  source: 'content/postmortems/2023-09-14-quartzmoth.md',
  reason: REASONS.internal,
  field: 'body',
  text: 'x',
  match: 'windows',
  excusable: true,
  ...overrides,
});
const leak = (file: string, found: Needle, quote = found.text, compression?: 'gzip'): Leak => ({
  file,
  needle: found,
  quote,
  ...(compression ? { compression } : {}),
});

describe('what leaked, in words', () => {
  it.each([
    [{ kind: 'id' }, 'id'],
    [{ kind: 'title' }, 'title'],
    [{ kind: 'passage', field: 'rootCause.summary' }, 'passage of rootCause.summary'],
    [{ kind: 'internal-field', field: 'tasks.0.owner' }, 'internal-only field tasks.0.owner'],
    [{ kind: 'internal-block' }, '<Internal> block'],
    [{ kind: 'never-publish' }, 'never-publish phrase'],
  ] as const)('%o is "%s"', (overrides, words) => {
    expect(describeNeedle(needle(overrides))).toBe(words);
  });
});

describe('quotes', () => {
  const text =
    'The Quartzmoth ledger replica sits between billing and the payment provider for enterprise accounts in rack K-17.';

  it('of a passage run from the first run found to the end of the last, as written', () => {
    expect(quoteOf(needle({ text }), 1, 1)).toBe('Quartzmoth ledger replica sits between billing and the');
    expect(quoteOf(needle({ text }), 0, 3)).toBe(
      'The Quartzmoth ledger replica sits between billing and the payment provider',
    );
  });

  it('are cut at a word when long, and whole texts are quoted whole', () => {
    expect(quoteOf(needle({ text }), 0, 12)).toBe(
      'The Quartzmoth ledger replica sits between billing and the payment provider for…',
    );
    expect(quoteOf(needle({ text: 'Dana  Whitfield', match: 'whole' }))).toBe('Dana Whitfield');
  });
});

describe('the report', () => {
  const id = needle({ kind: 'id', field: 'id', text: '2023-09-14-quartzmoth', match: 'whole' });
  const owner = needle({
    kind: 'internal-field',
    source: 'content/postmortems/2024-02-19-status-page.mdx',
    reason: REASONS.internalOnly,
    field: 'tasks.0.owner',
    text: 'Tamsin Oyelaran-Frost',
    match: 'whole',
  });
  const result = {
    files: 57,
    problems: [],
    leaks: [
      leak('incidents/2024-02-19-status-page/index.html', id),
      leak('pagefind/fragment/en_1.pf_fragment', id, id.text, 'gzip'),
      leak('incidents/2024-02-19-status-page/index.html', owner),
    ],
  };

  it('names each finding by source, what it is, a quote and the files, decompressed ones marked', () => {
    expect(formatLeaks(result, 'The public build in dist/')).toBe(
      [
        'The public build in dist/ contains text it must not publish: 2 findings in 2 of 57 files.',
        '',
        `content/postmortems/2023-09-14-quartzmoth.md (${REASONS.internal}):`,
        '  id "2023-09-14-quartzmoth" in incidents/2024-02-19-status-page/index.html, pagefind/fragment/en_1.pf_fragment (gzip, decompressed)',
        '',
        `content/postmortems/2024-02-19-status-page.mdx (${REASONS.internalOnly}):`,
        '  internal-only field tasks.0.owner "Tamsin Oyelaran-Frost" in incidents/2024-02-19-status-page/index.html',
      ].join('\n'),
    );
  });

  it('names a few files per finding and counts the rest', () => {
    const files = Array.from({ length: MAX_FILES_PER_FINDING + 4 }, (_, i) => leak(`page-${i}.html`, id));
    const report = formatLeaks({ files: 100, problems: [], leaks: files }, 'dist/');
    expect(report).toContain('in page-0.html, page-1.html, page-2.html and 4 more files');
  });

  it('lists a limited number of findings and counts the rest', () => {
    const many = Array.from({ length: MAX_FINDINGS + 5 }, (_, i) =>
      leak('a.html', needle({ text: `passage number ${i}`, source: `pm/${i % 3}.md` })),
    );
    const report = formatLeaks({ files: 1, problems: [], leaks: many }, 'dist/');
    expect(report).toContain(`${MAX_FINDINGS + 5} findings in 1 of 1 file.`);
    expect(report.split('\n').filter((line) => line.startsWith('  passage of body'))).toHaveLength(
      MAX_FINDINGS,
    );
    expect(report).toMatch(/…and 5 more findings not listed\.$/);
  });

  it('puts configuration problems first', () => {
    const problem = 'hindsight({ visibility.neverPublish }): "---" has no letters or digits';
    expect(formatLeaks({ files: 3, problems: [problem], leaks: [] }, 'dist/')).toBe(problem);
  });

  it('says in one line what a clean check looked through and for what', () => {
    const clean: LeakCheckResult = {
      leaks: [],
      files: 69,
      compressedFiles: 12,
      needles: {
        id: 4,
        title: 4,
        passage: 29,
        'internal-field': 12,
        'internal-block': 2,
        'never-publish': 1,
      },
      runs: 295,
      leftOut: 4,
      included: 3,
      tooShort: 0,
      problems: [],
      ms: 79,
    };
    expect(formatClean(clean)).toBe(
      'Leak check: no leaks in 69 files (12 decompressed), looking for 4 ids, 4 titles, 29 passages, 14 internal-only values, 1 never-publish phrase (295 runs of words) from 4 postmortems left out and 3 public postmortems, in 79 ms.',
    );
    expect(formatClean({ ...clean, tooShort: 2 })).toContain(
      '; 2 one-word internal-only values not looked for,',
    );
  });
});
