import { describe, expect, it } from 'vitest';
import { isOverdue, taskSummary } from '../../src/lib/tasks';
import type { TaskStatus } from '../../src/schemas';

const task = (status: TaskStatus, due?: string) => ({ status, due });

describe('isOverdue', () => {
  const now = new Date('2024-04-02T10:00:00Z');

  it('is an outstanding task whose due day has passed', () => {
    expect(isOverdue(task('open', '2024-04-01'), now)).toBe(true);
    expect(isOverdue(task('in-progress', '2023-12-31'), now)).toBe(true);
  });

  it('is not a task due today or later', () => {
    expect(isOverdue(task('open', '2024-04-02'), now)).toBe(false);
    expect(isOverdue(task('open', '2024-04-03'), now)).toBe(false);
  });

  it('is never a closed task or one without a due date', () => {
    expect(isOverdue(task('done', '2024-01-01'), now)).toBe(false);
    expect(isOverdue(task('wont-do', '2024-01-01'), now)).toBe(false);
    expect(isOverdue(task('open'), now)).toBe(false);
  });

  it('takes today in UTC unless given a zone', () => {
    // 23:30 UTC on 1 April is already 2 April in Tokyo and still 1 April in Los Angeles.
    const lateEvening = new Date('2024-04-01T23:30:00Z');
    expect(isOverdue(task('open', '2024-04-01'), lateEvening)).toBe(false);
    expect(isOverdue(task('open', '2024-04-01'), lateEvening, 'Asia/Tokyo')).toBe(true);
    expect(isOverdue(task('open', '2024-03-31'), lateEvening, 'America/Los_Angeles')).toBe(true);
    expect(isOverdue(task('open', '2024-04-01'), lateEvening, 'America/Los_Angeles')).toBe(false);
  });

  it('turns at midnight in the zone, across a daylight-saving change', () => {
    // Clocks in Berlin went forward at 02:00 on 31 March 2024; midnight on 1 April is 22:00 UTC.
    expect(isOverdue(task('open', '2024-03-31'), new Date('2024-03-31T21:59:00Z'), 'Europe/Berlin')).toBe(
      false,
    );
    expect(isOverdue(task('open', '2024-03-31'), new Date('2024-03-31T22:00:00Z'), 'Europe/Berlin')).toBe(
      true,
    );
  });
});

describe('taskSummary', () => {
  it('says when there are none', () => {
    expect(taskSummary([])).toBe('No follow-up tasks were recorded.');
  });

  it('counts open tasks out of all of them', () => {
    expect(taskSummary([task('open'), task('done'), task('in-progress')])).toBe('2 of 3 tasks still open.');
    expect(taskSummary([task('open'), task('wont-do')])).toBe('1 of 2 tasks still open.');
  });

  it('says when every task is closed, done or not', () => {
    expect(taskSummary([task('done'), task('wont-do')])).toBe('All 2 tasks are closed.');
  });

  it('speaks of a single task in the singular', () => {
    expect(taskSummary([task('done')])).toBe('The task is closed.');
    expect(taskSummary([task('in-progress')])).toBe('The task is still open.');
  });
});
