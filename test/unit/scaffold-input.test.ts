import { describe, expect, it } from 'vitest';
import {
  canPrompt,
  dateProblem,
  idProblem,
  slugProblem,
  splitServices,
  titleProblem,
} from '../../src/lib/scaffold-input';
import { taxonomy } from './helpers';

describe('titleProblem', () => {
  it('accepts a name, and refuses an empty one, one over 120 characters, or a placeholder', () => {
    expect(titleProblem('Mail down for everyone')).toBeUndefined();
    expect(titleProblem('  ')).toMatch(/^must not be empty/);
    expect(titleProblem('x'.repeat(121))).toBe('must be at most 120 characters (this one has 121)');
    expect(titleProblem('TODO: name it')).toBe("must be the incident's name, not a placeholder");
  });
});

describe('dateProblem', () => {
  it('accepts a real YYYY-MM-DD day only', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    for (const date of ['2023-02-29', '2024-13-01', '9 May 2024', '2024-05-09T08:00:00Z', '']) {
      expect(dateProblem(date), date).toBe(
        `must be the day the incident started, written YYYY-MM-DD, such as 2024-05-09 (got ${JSON.stringify(date)})`,
      );
    }
  });
});

describe('idProblem', () => {
  it('lists the ids of the taxonomy file when the id is not one of them', () => {
    expect(idProblem('SEV2', taxonomy.severities, 'taxonomy/severities.yaml')).toBeUndefined();
    expect(idProblem('sev2', taxonomy.severities, 'taxonomy/severities.yaml')).toBe(
      '"sev2" is not allowed; use one of: SEV1, SEV2, SEV3, SEV4 (defined in taxonomy/severities.yaml)',
    );
  });
});

describe('slugProblem and splitServices', () => {
  it('take services typed on one line, and insist on lowercase slugs', () => {
    expect(splitServices(' email, mail-relay  dns,,')).toEqual(['email', 'mail-relay', 'dns']);
    expect(splitServices('')).toEqual([]);
    expect(slugProblem('mail-relay')).toBeUndefined();
    expect(slugProblem('Mail_Relay')).toMatch(/^"Mail_Relay" must be a lowercase slug/);
  });
});

describe('canPrompt', () => {
  const tty = { isTTY: true };
  const pipe = {};

  it('asks only with a terminal on both ends', () => {
    expect(canPrompt({}, tty, tty)).toBe(true);
    expect(canPrompt({}, pipe, tty)).toBe(false);
    expect(canPrompt({}, tty, pipe)).toBe(false);
  });

  it('never asks in CI, unless CI is explicitly false', () => {
    expect(canPrompt({ CI: 'true' }, tty, tty)).toBe(false);
    expect(canPrompt({ CI: '1' }, tty, tty)).toBe(false);
    expect(canPrompt({ CI: 'false' }, tty, tty)).toBe(true);
    expect(canPrompt({ CI: '' }, tty, tty)).toBe(true);
  });
});
