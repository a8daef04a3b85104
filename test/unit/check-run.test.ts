import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check';
import { severityOf } from '../../src/lib/problems';
import { repoRoot } from './helpers';
import { testTempDir } from '../helpers/build-site';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'cli', name, 'content');
const names = (files: readonly string[]) => files.map((file) => path.basename(file));

describe('runCheck', () => {
  it('reports errors and warnings of every file, sorted, and lists the files it covered', () => {
    const invalid = runCheck({ contentRoot: fixture('invalid') });
    expect(names(invalid.files)).toEqual([
      '2024-06-01-unknown-severity.mdx',
      '2024-06-02-several-mistakes.mdx',
      '2024-06-03-bad-yaml.mdx',
    ]);
    expect(invalid.problems.map(severityOf)).toEqual(Array(6).fill('error'));
    const warnings = runCheck({ contentRoot: fixture('warnings') });
    expect(warnings.problems.map((problem) => problem.rule)).toEqual([
      'file-name-date',
      'timeline-order',
      'related-reciprocal',
      'task-owner',
    ]);
  });

  it('reports only the files or folders in `only`, while still reading the others', () => {
    const root = fixture('warnings');
    const only = [path.join(root, 'postmortems', '2024-04-01-timeline-out-of-order.mdx')];
    const report = runCheck({ contentRoot: root, only });
    expect(names(report.files)).toEqual(['2024-04-01-timeline-out-of-order.mdx']);
    // The reciprocal-link warning needs the other file's `related`, which is read though not reported.
    expect(report.problems.map((problem) => problem.rule)).toEqual(['timeline-order', 'related-reciprocal']);
    expect(runCheck({ contentRoot: root, only: [path.join(root, 'postmortems')] }).files).toHaveLength(3);
  });

  it('passes the site zone to the rules', () => {
    const report = runCheck({ contentRoot: fixture('warnings'), siteTimeZone: 'Pacific/Kiritimati' });
    // 09:00 UTC on 2 March is 23:00 on 2 March in Kiritimati (UTC+14): still not 1 March.
    expect(report.problems.filter((problem) => problem.rule === 'file-name-date')).toHaveLength(1);
    const west = runCheck({ contentRoot: fixture('warnings'), siteTimeZone: 'Pacific/Pago_Pago' });
    // 09:00 UTC on 2 March is 22:00 on 1 March in Pago Pago (UTC-11): the file's date.
    expect(west.problems.filter((problem) => problem.rule === 'file-name-date')).toEqual([]);
  });

  it('reports a broken taxonomy alone, since nothing can be checked against it', () => {
    const root = fs.mkdtempSync(path.join(testTempDir(), 'check-run-'));
    fs.cpSync(fixture('warnings'), root, { recursive: true });
    fs.writeFileSync(path.join(root, 'taxonomy', 'root-causes.yaml'), '[]\n');
    const report = runCheck({
      contentRoot: root,
      only: [path.join(root, 'postmortems', '2024-05-01-unowned-task.mdx')],
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: path.join(root, 'taxonomy', 'root-causes.yaml'),
        message: 'must list at least one entry',
      }),
    ]);
  });

  it("reports a team's invalid lint rules file whatever files are selected", () => {
    const root = fs.mkdtempSync(path.join(testTempDir(), 'check-run-'));
    fs.cpSync(fixture('valid'), root, { recursive: true });
    fs.mkdirSync(path.join(root, 'style'));
    fs.writeFileSync(path.join(root, 'style', 'blameless.yaml'), 'disable: 3\n');
    const only = [path.join(root, 'postmortems', '2024-01-10-checkout-flag.mdx')];
    const report = runCheck({ contentRoot: root, only });
    expect(report.problems.length).toBeGreaterThan(0);
    for (const problem of report.problems) {
      expect(problem.file).toBe(path.join(root, 'style', 'blameless.yaml'));
      expect(severityOf(problem)).toBe('error');
    }
  });
});
