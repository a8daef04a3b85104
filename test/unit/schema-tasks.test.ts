import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

const task = (fields: Record<string, unknown>) => ({
  title: 'Add failover to the storage array',
  type: 'prevent',
  ...fields,
});
const withTask = (fields: Record<string, unknown>) => validPostmortem({ tasks: [task(fields)] });

describe('tasks', () => {
  it('default to an empty list', () => {
    expect(parse(validPostmortem({ tasks: undefined })).tasks).toEqual([]);
  });

  it('take the full set of fields', () => {
    const fields = {
      status: 'in-progress',
      owner: 'infrastructure',
      due: '2024-08-31',
      link: 'https://tracker.example.com/INFRA-7',
    };
    expect(parse(withTask(fields)).tasks).toEqual([task(fields)]);
  });

  it('default status to open', () => {
    expect(parse(withTask({})).tasks[0]?.status).toBe('open');
  });

  it.each(['mitigate', 'prevent', 'detect', 'process'])('accept the type %s', (type) => {
    expect(parse(withTask({ type })).tasks[0]?.type).toBe(type);
  });

  it('reject another type, listing the allowed types', () => {
    const issue = onlyIssue(withTask({ type: 'fix' }));
    expect(issue.path).toEqual(['tasks', 0, 'type']);
    expect(issue.message).toBe('"fix" is not allowed; use one of: mitigate, prevent, detect, process');
  });

  it('require a type', () => {
    const issue = onlyIssue(withTask({ type: undefined }));
    expect(issue.path).toEqual(['tasks', 0, 'type']);
    expect(issue.message).toBe('is required; use one of: mitigate, prevent, detect, process');
  });

  it.each(['open', 'in-progress', 'done', 'wont-do'])('accept the status %s', (status) => {
    expect(parse(withTask({ status })).tasks[0]?.status).toBe(status);
  });

  it('reject another status, listing the allowed statuses', () => {
    const issue = onlyIssue(withTask({ status: 'closed' }));
    expect(issue.path).toEqual(['tasks', 0, 'status']);
    expect(issue.message).toBe('"closed" is not allowed; use one of: open, in-progress, done, wont-do');
  });

  it('require a title', () => {
    const issue = onlyIssue(withTask({ title: '' }));
    expect(issue.path).toEqual(['tasks', 0, 'title']);
    expect(issue.message).toBe('must not be empty: what will be done');
  });

  it('point at the right task in a list', () => {
    const issue = onlyIssue(validPostmortem({ tasks: [task({}), task({}), task({ type: 'fix' })] }));
    expect(issue.path).toEqual(['tasks', 2, 'type']);
  });
});

describe('task due date', () => {
  it('keeps a YYYY-MM-DD string', () => {
    expect(parse(withTask({ due: '2024-06-30' })).tasks[0]?.due).toBe('2024-06-30');
  });

  it('turns a Date, as YAML parsers produce for 2024-06-30, back into YYYY-MM-DD', () => {
    expect(parse(withTask({ due: new Date('2024-06-30T00:00:00Z') })).tasks[0]?.due).toBe('2024-06-30');
  });

  it.each(['30/06/2024', 'next week', '2024-06-30T00:00:00Z', '2024-13-01', 20240630])(
    'rejects %j once at tasks.0.due, saying how to write a date',
    (due) => {
      const issue = onlyIssue(withTask({ due }));
      expect(issue.path).toEqual(['tasks', 0, 'due']);
      expect(issue.message).toBe(
        `must be a date written YYYY-MM-DD, such as 2024-06-30 (got ${JSON.stringify(due)})`,
      );
    },
  );

  it.each(['2024-02-30', '2023-02-29', '2024-04-31'])('rejects %s, a day that does not exist', (due) => {
    const issue = onlyIssue(withTask({ due }));
    expect(issue.path).toEqual(['tasks', 0, 'due']);
    expect(issue.message).toContain('must be a date written YYYY-MM-DD');
  });

  it('accepts 29 February in a leap year', () => {
    expect(parse(withTask({ due: '2024-02-29' })).tasks[0]?.due).toBe('2024-02-29');
  });
});

describe('task link', () => {
  it.each(['https://tracker.example.com/OPS-1', 'http://intranet/OPS-1'])('accepts %s', (link) => {
    expect(parse(withTask({ link })).tasks[0]?.link).toBe(link);
  });

  it.each(['ftp://tracker.example.com/OPS-1', 'OPS-1', 'javascript:alert(1)'])(
    'rejects %s, saying only http(s) is allowed',
    (link) => {
      const issue = onlyIssue(withTask({ link }));
      expect(issue.path).toEqual(['tasks', 0, 'link']);
      expect(issue.message).toBe('must be an http:// or https:// URL');
    },
  );
});
