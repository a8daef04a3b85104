import { describe, expect, it } from 'vitest';
import type { SearchLabels } from '../../src/lib/search/facets';
import { SEARCH_WORDS_ID } from '../../src/lib/search/record';
import {
  bodyOnlyMatch,
  proseExcerpt,
  decodeEntities,
  parseExcerpt,
  resultSummary,
  resultView,
} from '../../src/lib/search/results';
import { emptyState } from '../../src/lib/search/state';
import { taxonomy } from './incidents';

const labels: SearchLabels = { rootCauses: taxonomy.rootCauses, severities: taxonomy.severities };

const fragment = {
  url: '/incidents/2024-05-09-mail-storage-array-disk/',
  excerpt: 'A <mark>disk</mark> drive in the storage array &amp; its &lt;spare&gt; <mark>failed</mark>.',
  meta: {
    title: 'Email down for all users after a disk failed',
    date: '2024-05-09T08:00:00.000Z',
    severity: 'SEV1',
    summary: 'Nobody could send or receive email.',
    services: 'mail-storage, email',
  },
};

/** The incident's facet values, from the facet data. */
const values = { rootCause: ['hardware'], services: ['email'], severity: ['SEV1'] };

describe('resultView', () => {
  it('shows title, date, severity and services from the fragment, root cause from the facet data', () => {
    const view = resultView(fragment, labels, true, values);
    expect(view).toMatchObject({
      url: '/incidents/2024-05-09-mail-storage-array-disk/',
      title: 'Email down for all users after a disk failed',
      dateTime: '2024-05-09T08:00:00.000Z',
      dateLabel: '9 May 2024',
      severity: { id: 'SEV1', label: 'SEV1 · Critical', rank: 1 },
      rootCause: { id: 'hardware', label: 'Hardware', href: '/root-causes/hardware/' },
      services: ['email', 'mail-storage'],
    });
  });

  it('uses the highlighted excerpt when there are words, the summary when there are none', () => {
    expect(resultView(fragment, labels, true, values).excerpt.filter((part) => part.marked)).toEqual([
      { text: 'disk', marked: true },
      { text: 'failed', marked: true },
    ]);
    expect(resultView(fragment, labels, false, values).excerpt).toEqual([
      { text: 'Nobody could send or receive email.', marked: false },
    ]);
  });

  it('shows the summary when every match lies in the distinct words of the write-up', () => {
    const anchors = [
      { id: 'timeline', location: 40 },
      { id: SEARCH_WORDS_ID, location: 120 },
    ];
    const bodyOnly = { ...fragment, locations: [130, 155], anchors };
    expect(bodyOnlyMatch(bodyOnly)).toBe(true);
    expect(resultView(bodyOnly, labels, true, values).excerpt).toEqual([
      { text: 'Nobody could send or receive email.', marked: false },
    ]);
    const alsoInProse = { ...fragment, locations: [12, 130], anchors };
    expect(bodyOnlyMatch(alsoInProse)).toBe(false);
    expect(resultView(alsoInProse, labels, true, values).excerpt.some((part) => part.marked)).toBe(true);
    // A page indexed without the paragraph (no write-up) keeps Pagefind's excerpt.
    expect(bodyOnlyMatch({ ...fragment, locations: [130], anchors: anchors.slice(0, 1) })).toBe(false);
  });

  it('draws the excerpt from the prose when matches are in both the prose and the distinct words', () => {
    const prose = 'Mail down after a disk failed in the storage array. Nobody could send email.';
    const list = 'spare rebuild SMART disk failure controller';
    const content = `${prose} ${list}`;
    const start = prose.split(' ').length;
    const anchors = [{ id: SEARCH_WORDS_ID, location: start }];
    // "disk" and "failed" in the prose (4, 5), "disk" again in the list.
    const mixed = { ...fragment, content, anchors, locations: [4, 5, start + 3] };
    const parts = resultView(mixed, labels, true, values).excerpt;
    expect(parts.map((part) => part.text).join('')).toBe(`${prose} …`);
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['disk', 'failed']);
    expect(proseExcerpt({ ...mixed, locations: [start + 3] })).toBeUndefined();
  });

  it('keeps Pagefind’s excerpt when no match is within an excerpt of the distinct words', () => {
    const content = `${Array.from({ length: 80 }, (_, n) => `w${n}`).join(' ')} list words`;
    const anchors = [{ id: SEARCH_WORDS_ID, location: 80 }];
    expect(proseExcerpt({ ...fragment, content, anchors, locations: [3, 10] })).toBeUndefined();
    // A match near the list: the window with the most matches before it, the earliest on a tie.
    const near = proseExcerpt({ ...fragment, content, anchors, locations: [3, 70, 72, 85] });
    expect(near?.filter((part) => part.marked).map((part) => part.text)).toEqual(['w70', 'w72']);
    expect(near?.map((part) => part.text).join('')).toBe(
      `… ${Array.from({ length: 30 }, (_, n) => `w${n + 50}`).join(' ')} …`,
    );
    const tie = proseExcerpt({ ...fragment, content, anchors, locations: [3, 70, 85] });
    expect(tie?.map((part) => part.text).join('')).toBe(
      `${Array.from({ length: 30 }, (_, n) => `w${n}`).join(' ')} …`,
    );
  });

  it('copes with a fragment missing its metadata', () => {
    const view = resultView({ url: '/incidents/x/', excerpt: '', meta: {} }, labels, false, undefined);
    expect(view).toMatchObject({
      title: '/incidents/x/',
      dateLabel: '',
      severity: undefined,
      rootCause: undefined,
    });
    expect(view.excerpt).toEqual([]);
  });
});

describe('parseExcerpt', () => {
  it('splits the excerpt into plain and marked runs, decoding entities', () => {
    expect(parseExcerpt(fragment.excerpt)).toEqual([
      { text: 'A ', marked: false },
      { text: 'disk', marked: true },
      { text: ' drive in the storage array & its <spare> ', marked: false },
      { text: 'failed', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('never turns index text into markup', () => {
    const parts = parseExcerpt('&lt;img src=x onerror=alert(1)&gt; <mark>x</mark> <b>bold</b>');
    expect(parts.map((part) => part.text).join('')).toBe('<img src=x onerror=alert(1)> x <b>bold</b>');
  });

  it('decodes each reference once', () => {
    expect(decodeEntities('&amp;lt; &#39;a&#x27; &quot;b&quot; &unknown;')).toBe('&lt; \'a\' "b" &unknown;');
  });
});

describe('resultSummary', () => {
  it('says how many, for which words, with how many filters', () => {
    expect(resultSummary(12, emptyState())).toBe('All 12 incidents.');
    expect(resultSummary(1, emptyState())).toBe('One incident.');
    expect(resultSummary(3, { ...emptyState(), q: 'disk' })).toBe('3 incidents found for “disk”.');
    expect(resultSummary(1, { ...emptyState(), filters: { rootCause: ['hardware'] } })).toBe(
      '1 incident found with 1 filter.',
    );
    expect(resultSummary(0, { ...emptyState(), q: 'zz', filters: { year: ['2023', '2024'] } })).toBe(
      'No incidents found for “zz” with 2 filters.',
    );
  });
});
