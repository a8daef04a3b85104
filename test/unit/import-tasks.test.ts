import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/import/parse-source';
import { guessTaskType, parseTask, taskItems } from '../../src/lib/import/task-items';

describe('parseTask', () => {
  it('reads the owner in each way write-ups give it, and takes it out of the title', () => {
    expect(parseTask('Send an idempotency key with every charge (owner: payments)')).toMatchObject({
      title: 'Send an idempotency key with every charge',
      owner: 'payments',
    });
    expect(parseTask('Require a second reviewer for config changes @dana')).toMatchObject({
      title: 'Require a second reviewer for config changes',
      owner: 'dana',
    });
    expect(parseTask('Alert on duplicate charge ids — observability')).toMatchObject({
      title: 'Alert on duplicate charge ids',
      owner: 'observability',
    });
    expect(parseTask('Move temporary files to their own volume -- data-platform')?.owner).toBe(
      'data-platform',
    );
    expect(parseTask('Add a runbook. Owner: Ana Ruiz')).toMatchObject({
      title: 'Add a runbook',
      owner: 'Ana Ruiz',
    });
    expect(parseTask('Upgrade the array firmware')?.owner).toBeUndefined();
  });

  it('reads status, due date and ticket link', () => {
    expect(parseTask('Refund every duplicate charge (done)')).toMatchObject({
      title: 'Refund every duplicate charge',
      status: 'done',
    });
    expect(parseTask('Fix the retry order', 'Fix the retry order', true)?.status).toBe('done');
    expect(parseTask('Add failover (in progress)')?.status).toBe('in-progress');
    expect(parseTask('Add failover (due 2024-06-30)')).toMatchObject({
      title: 'Add failover',
      due: '2024-06-30',
    });
    expect(
      parseTask('Add failover INFRA-7', 'Add failover [INFRA-7](https://tracker.example.com/INFRA-7)')?.link,
    ).toBe('https://tracker.example.com/INFRA-7');
  });

  it('does not keep a TODO lead-in, which would read as a placeholder', () => {
    expect(parseTask('TODO: add a dashboard')?.title).toBe('add a dashboard');
  });
});

describe('guessTaskType', () => {
  it('guesses prevent, detect, mitigate or process from the words, and prevent when none tell', () => {
    expect(guessTaskType('Upgrade storage to include redundancy and failover').type).toBe('prevent');
    expect(guessTaskType('Review and adjust monitoring to incorporate health checks').type).toBe('detect');
    expect(guessTaskType('Conduct training sessions for support staff').type).toBe('process');
    expect(guessTaskType('Develop an incident response playbook').type).toBe('process');
    expect(guessTaskType('Add a circuit breaker around the payment client').type).toBe('mitigate');
    expect(guessTaskType('Keep carts in the database')).toEqual({ type: 'prevent' });
  });
});

describe('taskItems', () => {
  it('takes one task per line in plain text, joining a line that wraps', () => {
    const { tasks, rest } = taskItems(
      parseSource(
        [
          'Add an index freshness alert.',
          'Replace the SSDs of all index nodes',
          'older than four years.',
        ].join('\n'),
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual([
      'Add an index freshness alert',
      'Replace the SSDs of all index nodes older than four years',
    ]);
    expect(rest).toEqual([]);
  });

  it('takes list items, nested or not, with GFM checkboxes as status', () => {
    const { tasks } = taskItems(
      parseSource(
        ['1. Add an alert (owner: sre)', '- [x] Refund the charges', '- [ ] Write the runbook'].join('\n'),
      ),
    );
    expect(tasks.map((t) => [t.title, t.status, t.owner])).toEqual([
      ['Add an alert', 'open', 'sre'],
      ['Refund the charges', 'done', undefined],
      ['Write the runbook', 'open', undefined],
    ]);
  });

  it('reads a table with task, type, owner, status, due and bug columns', () => {
    const { tasks } = taskItems(
      parseSource(
        [
          '| Action Item | Type | Owner | Status | Due | Bug |',
          '| --- | --- | --- | --- | --- | --- |',
          '| Scale the cache | prevent | ana | done | 2024-12-15 | [SHOP-1](https://tracker.example.com/SHOP-1) |',
          '| Alert on evictions | detection | TBD | | | |',
        ].join('\n'),
      ),
    );
    expect(tasks).toEqual([
      {
        title: 'Scale the cache',
        type: 'prevent',
        typeFrom: { source: 'column', words: 'prevent' },
        status: 'done',
        owner: 'ana',
        due: '2024-12-15',
        link: 'https://tracker.example.com/SHOP-1',
      },
      {
        title: 'Alert on evictions',
        type: 'detect',
        typeFrom: { source: 'column', words: 'detection' },
        status: 'open',
      },
    ]);
  });

  it('leaves an intro line ending in a colon in the body', () => {
    const { tasks, rest } = taskItems(
      parseSource(['We agreed on the following:', '', '- Add an alert'].join('\n')),
    );
    expect(tasks).toHaveLength(1);
    expect(rest).toHaveLength(1);
  });
});
