import { describe, expect, it } from 'vitest';
import { usersAffected } from '../../src/lib/import/users-affected';

describe('usersAffected', () => {
  it('reads a percentage of users, customers or accounts as an exact share', () => {
    expect(usersAffected('a complete inability for 20% of our users to send or receive emails')).toEqual({
      percent: 20,
      phrase: '20% of our users',
      fromWords: false,
    });
    expect(usersAffected('affecting 12.5 percent of active customers')?.percent).toBe(12.5);
    expect(usersAffected('Duplicate charges reached 12% of our customers')?.percent).toBe(12);
  });

  it('reads "all", "every" and fractions in words as shares, marked as read from words', () => {
    expect(usersAffected('affecting every user during the outage period')).toMatchObject({
      percent: 100,
      fromWords: true,
    });
    expect(usersAffected('All customers lost access')?.percent).toBe(100);
    expect(usersAffected('Half of our users could not save reports')?.percent).toBe(50);
    expect(usersAffected('A third of users could not check out')?.percent).toBe(33.3);
    expect(usersAffected('one in five users saw errors')?.percent).toBe(20);
  });

  it('gives nothing for counts of users or shares of something else', () => {
    expect(usersAffected('1,200 users were affected')).toBeUndefined();
    expect(usersAffected('20% of requests failed')).toBeUndefined();
    expect(usersAffected('All email communication services were disrupted')).toBeUndefined();
    expect(usersAffected('150% of users')).toBeUndefined();
  });
});
