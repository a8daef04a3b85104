import { describe, expect, it } from 'vitest';
import { parseYamlDocument, parseYamlSource } from '../../src/lib/yaml-source';

/** Frontmatter with the kinds of value postmortems hold. */
const FRONTMATTER = `title: "Disk died: mail down"
startedAt: 2024-03-01T09:15:00+01:00
date: 2024-03-01
published: true
draft: false
owner: ~
count: 42
ratio: 0.5
services: [mail, storage]
summary: >-
  The array lost a disk
  and mail stopped.
timeline:
  - at: 2024-03-01T09:20:00+01:00
    text: |
      Paged the on-call.
      # not a comment
    misleading: yes
`;

describe('parseYamlSource', () => {
  it('reads the same data as the document that keeps positions, timestamps as written', () => {
    const fast = parseYamlSource(FRONTMATTER);
    expect(fast.errors).toEqual([]);
    expect(fast.data).toEqual(parseYamlDocument(FRONTMATTER).data);
    expect(fast.data).toMatchObject({
      startedAt: '2024-03-01T09:15:00+01:00',
      date: '2024-03-01',
      owner: null,
      count: 42,
      timeline: [{ text: 'Paged the on-call.\n# not a comment\n', misleading: 'yes' }],
    });
  });

  it('finds where a value was written, shifted by the frontmatter offset', () => {
    const source = parseYamlSource(FRONTMATTER, 1);
    expect(source.positionOf(['timeline', 0, 'misleading'])).toEqual({ line: 19, column: 17 });
    expect(source.positionOf(['services', 1])).toEqual({ line: 10, column: 18 });
    expect(source.positionOf(['summary'], { key: true })).toEqual({ line: 11, column: 1 });
  });

  it('reports syntax errors and repeated keys at their lines', () => {
    const repeated = parseYamlSource('title: a\nseverity: SEV1\ntitle: b\n', 1);
    expect(repeated.data).toBeUndefined();
    expect(repeated.errors).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/unique/i) }),
    ]);
    const broken = parseYamlSource('title: a\nservices: [mail\nimpact: x\n');
    expect(broken.data).toBeUndefined();
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('parseYamlDocument', () => {
  it('reports an alias without its anchor at its line instead of throwing', () => {
    const source = parseYamlSource('title: a\nservices: *svc\n', 1);
    expect(source.data).toBeUndefined();
    expect(source.errors).toEqual([{ line: 3, column: 11, message: '*svc names no anchor (&svc) above it' }]);
  });
});
