import { describe, expect, it } from 'vitest';
import {
  incidentEntry,
  incidentEntrySchema,
  incidentsJsonSchema,
  pageUrl,
} from '../../src/lib/api/incidents';
import { postmortemSchema } from '../../src/schemas/postmortem';
import { describeErrors, validatorFor } from '../helpers/json-schema';
import { completePostmortem, incident, rootCauseIds, severityIds, validPostmortem } from './helpers';

const options = { rootCauseIds, severityIds };
const complete = { id: '2024-05-09-disk', data: incident('x', completePostmortem()).data };
const minimal = incident(
  '2024-01-02-minimal',
  validPostmortem({ startedAt: '2024-01-02T10:00:00Z', resolvedAt: '2024-01-02T10:45:30Z' }),
);

/** An entry as a reader of the JSON file gets it. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('incidentEntry', () => {
  it('gives the frontmatter with the id and page URL first, dates as ISO strings', () => {
    const entry = asJson(incidentEntry(complete, 'https://example.test/incidents/2024-05-09-disk/'));
    expect(Object.keys(entry).slice(0, 3)).toEqual(['id', 'url', 'title']);
    expect(entry).toMatchObject({
      id: '2024-05-09-disk',
      url: 'https://example.test/incidents/2024-05-09-disk/',
      severity: 'SEV1',
      startedAt: '2024-05-09T08:00:00.000Z',
      resolvedAt: '2024-05-09T11:30:00.000Z',
      duration: 'PT3H30M',
      timezone: 'Europe/Berlin',
      tags: ['storage', 'disk'],
    });
    expect(entry).not.toHaveProperty('durationMs');
  });

  it('computes duration, time to detect and time to mitigate in minutes', () => {
    const entry = incidentEntry(complete, '/x/');
    // 08:00 start, detected 08:05, mitigated 11:00, resolved 11:30.
    expect(entry.durationMinutes).toBe(210);
    expect(entry.timeToDetectMinutes).toBe(5);
    expect(entry.timeToMitigateMinutes).toBe(180);
  });

  it('gives null for what the postmortem does not record, and keeps seconds as fractions', () => {
    const entry = incidentEntry(minimal, '/x/');
    expect(entry.durationMinutes).toBe(45.5);
    expect(entry.timeToDetectMinutes).toBeNull();
    expect(entry.timeToMitigateMinutes).toBeNull();
  });
});

describe('pageUrl', () => {
  it('is absolute on the configured site, keeping the base path, and the path alone without a site', () => {
    expect(pageUrl('/postmortems/incidents/a/', 'https://acme.github.io')).toBe(
      'https://acme.github.io/postmortems/incidents/a/',
    );
    expect(pageUrl('/incidents/a/', new URL('https://sre.example/'))).toBe(
      'https://sre.example/incidents/a/',
    );
    expect(pageUrl('/incidents/a/', undefined)).toBe('/incidents/a/');
  });
});

describe('incidentsJsonSchema', () => {
  // Read as plain JSON, the way a consumer of the file reads it.
  const schema = JSON.parse(JSON.stringify(incidentsJsonSchema(options))) as {
    $schema: string;
    properties: {
      incidents: { items: { properties: Record<string, { enum?: string[] }>; required: string[] } };
    };
  };
  const item = schema.properties.incidents.items;
  const validate = validatorFor(schema);
  const file = (...entries: unknown[]) => asJson({ incidents: entries });

  it('is JSON Schema 2020-12 with every frontmatter field of the zod schema and the computed ones', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const frontmatter = Object.keys(postmortemSchema(options).in.shape);
    expect(Object.keys(item.properties)).toEqual([
      'id',
      'url',
      ...frontmatter,
      'durationMinutes',
      'timeToDetectMinutes',
      'timeToMitigateMinutes',
    ]);
    expect(Object.keys(item.properties)).toEqual(Object.keys(incidentEntrySchema(options).shape));
  });

  it('lists the taxonomy ids as the allowed severities and categories', () => {
    expect(item.properties['severity']?.enum).toEqual(severityIds);
    const rootCause = item.properties['rootCause'] as { properties: { category: { enum: string[] } } };
    expect(rootCause.properties.category.enum).toEqual(rootCauseIds);
  });

  it('requires what every entry has: defaults filled in and the computed fields, null or not', () => {
    expect(item.required).toEqual(
      expect.arrayContaining([
        'id',
        'url',
        'status',
        'timezone',
        'tasks',
        'durationMinutes',
        'timeToDetectMinutes',
      ]),
    );
    expect(item.required).not.toContain('detectedAt');
  });

  it('accepts the entries the API writes', () => {
    const ok = validate(file(incidentEntry(complete, 'https://x.test/a/'), incidentEntry(minimal, '/b/')));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    [
      'an unknown severity',
      { severity: 'SEV9' },
      '/incidents/0/severity: must be equal to one of the allowed values',
    ],
    [
      'a key the schema does not know',
      { durationMs: 1 },
      '/incidents/0: must NOT have additional properties',
    ],
    [
      'a timestamp that is not ISO 8601',
      { startedAt: '9 May 2024' },
      '/incidents/0/startedAt: must match format "date-time"',
    ],
    ['a negative duration', { durationMinutes: -5 }, '/incidents/0/durationMinutes: must be >= 0'],
  ])('rejects %s', (_name, change, error) => {
    const entry = { ...asJson(incidentEntry(complete, '/a/')), ...change };
    expect(validate(file(entry))).toBe(false);
    expect(describeErrors(validate.errors)).toContain(error);
  });

  it('rejects an entry without its URL', () => {
    const { url: _url, ...entry } = asJson(incidentEntry(complete, '/a/'));
    expect(validate(file(entry))).toBe(false);
    expect(describeErrors(validate.errors)).toContain("/incidents/0: must have required property 'url'");
  });
});
