import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/lib/build-date';

describe('buildDate', () => {
  it('is the moment SOURCE_DATE_EPOCH names, in seconds since 1970', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(buildDate({ SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('ignores spaces around the number, as a shell variable may carry them', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: ' 1712016000\n' }).toISOString()).toBe('2024-04-02T00:00:00.000Z');
  });

  it('is the current time when SOURCE_DATE_EPOCH is unset or empty', () => {
    for (const env of [{}, { SOURCE_DATE_EPOCH: '' }, { SOURCE_DATE_EPOCH: '  ' }]) {
      const before = Date.now();
      const date = buildDate(env).getTime();
      expect(date).toBeGreaterThanOrEqual(before);
      expect(date).toBeLessThanOrEqual(Date.now());
    }
  });

  it('reads process.env when given no environment', () => {
    const saved = process.env['SOURCE_DATE_EPOCH'];
    try {
      process.env['SOURCE_DATE_EPOCH'] = '1712016000';
      expect(buildDate().toISOString()).toBe('2024-04-02T00:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = saved;
    }
  });

  it.each(['yesterday', '2024-04-02', '1712016000.5', '-1', '1e9', '0x10'])(
    'rejects %j with a message that names the variable and what it must be',
    (value) => {
      expect(() => buildDate({ SOURCE_DATE_EPOCH: value })).toThrow(
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, such as 1767225600; got "${value}"`,
      );
    },
  );

  it('rejects a number of seconds too large for a date', () => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: '99999999999999999' })).toThrow(
      'SOURCE_DATE_EPOCH is too large to be a date: "99999999999999999" seconds since 1970-01-01 UTC',
    );
  });
});
