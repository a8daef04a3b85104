import { describe, expect, it } from 'vitest';
import { incidentRow } from '../../src/lib/incident-row';
import type { Taxonomy } from '../../src/lib/taxonomy';
import { incident } from './helpers';

/** Labels of this test's own, so the rows say where each word came from. */
const taxonomy: Taxonomy = {
  rootCauses: [{ id: 'hardware', label: 'Broken hardware', description: 'Things that break.' }],
  severities: [
    { id: 'SEV2', label: 'Second worst', description: 'Bad.' },
    { id: 'SEV1', label: 'Worst', description: 'Very bad.' },
  ],
  synonyms: [],
};

describe('incidentRow', () => {
  it('shows what the tables show, labelled from the taxonomy it is given', () => {
    const row = incidentRow(
      incident('2024-05-09-disk', {
        severity: 'SEV1',
        services: ['email', 'mail-storage'],
        startedAt: '2024-05-09T08:00:00Z',
        resolvedAt: '2024-05-09T11:30:00Z',
      }),
      taxonomy,
    );
    expect(row).toEqual({
      id: '2024-05-09-disk',
      href: '/incidents/2024-05-09-disk/',
      title: 'Email down for all users after a disk failed',
      startedAt: new Date('2024-05-09T08:00:00Z'),
      date: '9 May 2024',
      statusNote: undefined,
      severity: { id: 'SEV1', label: 'Worst', description: 'Very bad.', rank: 2 },
      rootCause: { id: 'hardware', label: 'Broken hardware', href: '/root-causes/hardware/' },
      services: 'email, mail-storage',
      duration: '3h 30m',
    });
  });

  it('dates an incident by its UTC day, whatever its zone', () => {
    // 20:00 on 31 December in New York is 1 January in UTC.
    const row = incidentRow(
      incident('nye', {
        startedAt: '2023-12-31T20:00:00-05:00',
        resolvedAt: '2024-01-01T03:00:00Z',
        timezone: 'America/New_York',
      }),
      taxonomy,
    );
    expect(row.date).toBe('1 Jan 2024');
  });

  it('notes an unfinished postmortem and an unresolved incident', () => {
    const review = incidentRow(incident('review', { status: 'in-review' }), taxonomy);
    expect(review.statusNote).toBe('In review');
    const draft = incidentRow(incident('draft', { status: 'draft', resolvedAt: undefined }), taxonomy);
    expect(draft).toMatchObject({ statusNote: 'Draft', duration: 'ongoing' });
  });

  it('falls back to the ids for categories and severities the taxonomy lacks', () => {
    const row = incidentRow(
      incident('x', { severity: 'SEV3', rootCause: { category: 'network', summary: 'A link went down.' } }),
      taxonomy,
    );
    expect(row.rootCause).toEqual({ id: 'network', label: 'network', href: '/root-causes/network/' });
    expect(row.severity).toMatchObject({ id: 'SEV3', label: 'SEV3', rank: 4 });
  });
});
