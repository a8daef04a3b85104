import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentCached } from '../../src/lib/check-cache';
import { testTempDir } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';

let dir: string;
let cacheFile: string;
const dns = () => path.join(dir, 'postmortems/2023-11-05-dns-failover.md');
const queue = () => path.join(dir, 'postmortems/2024-03-10-queue-backlog.mdx');
const passed = () =>
  Object.keys((JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { passed: object }).passed);
const edit = (file: string, from: string, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  fs.writeFileSync(file, text.replace(from, to));
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-check-cache-'));
  fs.cpSync(fixtureContent('basic'), dir, { recursive: true });
  cacheFile = path.join(dir, 'cache', 'check.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkContentCached', () => {
  it('remembers the files that passed, and reports an edited file that no longer does', () => {
    expect(checkContentCached(dir, cacheFile)).toEqual([]);
    expect(passed()).toHaveLength(3);
    edit(dns(), 'severity: SEV2', 'severity: SEV9');
    const problems = checkContentCached(dir, cacheFile);
    expect(problems.map((problem) => [path.basename(problem.file), problem.field])).toEqual([
      ['2023-11-05-dns-failover.md', 'severity'],
    ]);
    expect(passed()).not.toContain(path.join('postmortems', '2023-11-05-dns-failover.md'));
    // Still reported on the next run: only files that passed are remembered.
    expect(checkContentCached(dir, cacheFile)).toHaveLength(1);
  });

  it('checks every file again when the taxonomy changes, even one whose bytes did not', () => {
    expect(checkContentCached(dir, cacheFile)).toEqual([]);
    const category = /category: ([a-z-]+)/.exec(fs.readFileSync(queue(), 'utf8'))?.[1] ?? '';
    edit(path.join(dir, 'taxonomy/root-causes.yaml'), `- id: ${category}\n`, `- id: ${category}-renamed\n`);
    const problems = checkContentCached(dir, cacheFile);
    expect(problems.map((problem) => path.basename(problem.file))).toContain('2024-03-10-queue-backlog.mdx');
  });

  it('checks every file again when a postmortem is added or removed, since `related` must name one', () => {
    expect(checkContentCached(dir, cacheFile)).toEqual([]);
    const related = /related:\s*\n\s*- ([a-z0-9-]+)|related: \[([a-z0-9-]+)/.exec(
      fs.readFileSync(queue(), 'utf8'),
    );
    const named = related?.[1] ?? related?.[2];
    if (!named) throw new Error('the fixture should relate the queue backlog to another postmortem');
    fs.rmSync(path.join(dir, 'postmortems', `${named}.md`), { force: true });
    fs.rmSync(path.join(dir, 'postmortems', `${named}.mdx`), { force: true });
    const problems = checkContentCached(dir, cacheFile);
    expect(problems.map((problem) => [path.basename(problem.file), problem.field])).toContainEqual([
      '2024-03-10-queue-backlog.mdx',
      expect.stringMatching(/^related/),
    ]);
  });

  it('starts afresh from a cache file it cannot read', () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, 'not json');
    edit(dns(), 'severity: SEV2', 'severity: SEV9');
    expect(checkContentCached(dir, cacheFile)).toHaveLength(1);
  });
});
