import { describe, expect, it } from 'vitest';
import { PREVIEW_DESCRIPTION_LENGTH, incidentPreview, pagePreview, truncate } from '../../src/lib/sharing';
import { isSitemapPage } from '../../src/lib/sitemap';
import { completePostmortem, incident, taxonomy } from './helpers';

const severityLabel = (id: string) => taxonomy.severities.find((entry) => entry.id === id)?.label;

describe('incidentPreview', () => {
  const preview = incidentPreview(incident('2024-05-09-disk', completePostmortem()), taxonomy);

  it('leads the title with the severity id and the description with severity, duration and services', () => {
    expect(preview.type).toBe('article');
    expect(preview.title).toBe('SEV1 · Email down for all users after a disk failed');
    expect(preview.description).toBe(
      `${severityLabel('SEV1')} · 3 hours 30 minutes · email, mail-storage. A disk in the mail storage array failed and nobody could send or receive email.`,
    );
  });

  it('dates the article at resolution, files it under the severity and tags it', () => {
    expect(preview.publishedTime?.toISOString()).toBe('2024-05-09T11:30:00.000Z');
    expect(preview.section).toBe(severityLabel('SEV1'));
    const hardware = taxonomy.rootCauses.find((entry) => entry.id === 'hardware')?.label;
    expect(preview.tags).toEqual([hardware, 'email', 'mail-storage', 'storage', 'disk']);
  });

  it('says "ongoing" for an incident without an end and keeps long summaries to a preview’s length', () => {
    const open = incidentPreview(
      incident('open', { status: 'draft', resolvedAt: undefined, summary: 'word '.repeat(100) }),
      taxonomy,
    );
    expect(open.description).toMatch(/^.+ · ongoing · email, mail-storage\. word word/);
    expect(open.description.length).toBeLessThanOrEqual(PREVIEW_DESCRIPTION_LENGTH);
    expect(open.description.endsWith('word…')).toBe(true);
    expect(open.publishedTime?.toISOString()).toBe('2024-05-09T08:00:00.000Z');
  });
});

describe('previews of text with control characters', () => {
  it('drops them from every text of an incident’s preview, keeping markup as text', () => {
    // The schema refuses control characters in tags; previews drop them all the same, for
    // data that reaches them another way.
    const withTags = incident('x', { title: '<b>Mail</b> down' });
    withTags.data.tags = ['disk\u001b[31m', '\u0007bell'];
    const preview = incidentPreview(withTags, {
      ...taxonomy,
      severities: taxonomy.severities.map((entry) => ({ ...entry, label: `${entry.label}\u000b` })),
    });
    expect(preview.title).toBe('SEV1 · <b>Mail</b> down');
    expect(preview.section).toBe(severityLabel('SEV1'));
    expect(preview.description.startsWith(`${severityLabel('SEV1')} · `)).toBe(true);
    expect(preview.tags).toContain('disk');
    expect(preview.tags).toContain('bell');
  });

  it('drops them from a page’s preview', () => {
    expect(pagePreview('Root \u001b[1mcauses\u001b[0m', 'Every\u0000 category.')).toEqual({
      type: 'website',
      title: 'Root causes',
      description: 'Every category.',
    });
  });
});

describe('truncate', () => {
  it('leaves short text alone, squeezing white space', () => {
    expect(truncate('  A disk\n failed. ', 50)).toBe('A disk failed.');
  });

  it('cuts on a word boundary with an ellipsis, dropping trailing punctuation', () => {
    expect(truncate('The disk failed, and the array stopped.', 20)).toBe('The disk failed…');
    expect(truncate('The disk failed, and the array stopped.', 20).length).toBeLessThanOrEqual(20);
  });

  it('cuts inside a word only when there is no space in the second half', () => {
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });
});

describe('pagePreview', () => {
  it('is a website with the page’s own title and description', () => {
    expect(pagePreview('Root causes', 'Every category.')).toEqual({
      type: 'website',
      title: 'Root causes',
      description: 'Every category.',
    });
  });
});

describe('isSitemapPage', () => {
  it.each([
    ['https://x.test/', true],
    ['https://x.test/incidents/a/', true],
    ['https://x.test/postmortems/root-causes/hardware/2/', true],
    ['https://x.test/404/', false],
    ['https://x.test/postmortems/404/', false],
    ['https://x.test/rss.xml', false],
    ['https://x.test/api/incidents.json', false],
    ['https://x.test/robots.txt', false],
  ])('%s: %s', (url, expected) => {
    expect(isSitemapPage(url)).toBe(expected);
  });
});
