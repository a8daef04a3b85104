/**
 * `hindsight import` end to end: each source shape under test/fixtures/import/sources/ becomes
 * a file that `hindsight check` rejects, naming every placeholder, until the placeholders are
 * filled in; then it passes. Runs in temporary project folders with the fixture's taxonomy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { projectRoot, testTempDir } from '../helpers/build-site';
import { lineOf, runCli, type CliRun } from './run-cli';

const fixture = path.join(projectRoot, 'test', 'fixtures', 'import');
const sources = path.join(fixture, 'sources');
const sourceFiles = fs.readdirSync(sources).sort();

/** A project folder with the import fixture's taxonomy and an empty postmortems folder. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(testTempDir(), 'cli-import-'));
  fs.cpSync(path.join(fixture, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'content', 'postmortems'), { recursive: true });
  return dir;
}

const firstId = (file: string) =>
  /- id: (\S+)/.exec(fs.readFileSync(path.join(fixture, 'content', 'taxonomy', file), 'utf8'))?.[1] ?? '';

const FRONTMATTER = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/;

/** The dotted path and position of every `TODO` value in a postmortem's frontmatter. */
function placeholders(text: string): { field: string; line: number }[] {
  const yaml = FRONTMATTER.exec(text)?.[1] ?? '';
  const doc = parseDocument(yaml, { keepSourceTokens: true });
  const found: { field: string; line: number }[] = [];
  visit(doc, {
    Scalar(_, node, ancestors) {
      if (typeof node.value !== 'string' || !/^TODO\b/.test(node.value)) return;
      const parts: string[] = [];
      let child: unknown = node;
      for (const ancestor of [...ancestors].reverse()) {
        if (
          ancestor &&
          typeof ancestor === 'object' &&
          'items' in ancestor &&
          Array.isArray(ancestor.items)
        ) {
          const index = ancestor.items.findIndex(
            (item: unknown) => item === child || (item as { value?: unknown })?.value === child,
          );
          const item = ancestor.items[index] as { key?: unknown } | undefined;
          parts.unshift(item && isScalar(item.key) ? String(item.key.value) : String(index));
        }
        child = ancestor;
      }
      // Frontmatter starts on line 2 of the file.
      const line = yaml.slice(0, node.range?.[0] ?? 0).split('\n').length + 1;
      found.push({ field: parts.join('.'), line });
    },
  });
  return found;
}

/** The UTC offset of a wall-clock time in an IANA zone, asked of Intl, as `+01:00`. */
function offsetIn(zone: string, local: string): string {
  const offsetAt = (instant: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value;
    const [, sign = '+', h = '0', m = '0'] = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '') ?? [];
    return (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m));
  };
  const wall = Date.parse(`${local}Z`);
  const minutes = offsetAt(wall - offsetAt(wall) * 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A value for a timestamp placeholder: the template it carries with a year put in
 * (`YYYY-05-09T08:00:00Z`, `YYYY-03-03T09:10:00 Europe/Berlin`), or `fallback`.
 */
function timestampFor(placeholder: string, fallback: string): string {
  const match =
    /(YYYY|\d{4})(-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2}| [A-Za-z_]+\/[A-Za-z_/]+)?/.exec(
      placeholder,
    );
  if (!match?.[3]) return fallback;
  const local = `${match[1] === 'YYYY' ? '2024' : match[1]}${match[2]}:00`;
  return match[3].startsWith(' ') ? `${local}${offsetIn(match[3].trim(), local)}` : `${local}${match[3]}`;
}

/** Replaces every placeholder with a valid value, as an author would, keeping the rest. */
function fillPlaceholders(text: string): string {
  const [, yaml = '', body = ''] = FRONTMATTER.exec(text) ?? [];
  const doc = parseDocument(yaml);
  const todo = (value: unknown): value is string => typeof value === 'string' && /^TODO\b/.test(value);
  const get = (key: string) => doc.get(key);
  const startedAt = todo(get('startedAt'))
    ? timestampFor(String(get('startedAt')), '2024-01-01T00:00:00Z')
    : String(get('startedAt'));
  doc.set('startedAt', startedAt);
  if (todo(get('resolvedAt'))) doc.set('resolvedAt', timestampFor(String(get('resolvedAt')), startedAt));
  let previous = startedAt;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return;
      const key = String(pair.key.value);
      const scalar = pair.value as Scalar;
      if (key === 'at') {
        if (todo(scalar.value)) scalar.value = timestampFor(scalar.value, previous);
        previous = String(scalar.value);
        return;
      }
      if (!todo(scalar.value)) return;
      if (key === 'severity') scalar.value = firstId('severities.yaml');
      else if (key === 'category') scalar.value = firstId('root-causes.yaml');
      else scalar.value = 'Filled in by a person';
    },
    Seq(key, seq) {
      if (key === 'value' && seq.items.some((item) => isScalar(item) && todo(item.value))) {
        seq.items = seq.items.map((item) =>
          isScalar(item) && todo(item.value) ? doc.createNode('filled-service') : item,
        );
      }
    },
  });
  const filled = `---\n${doc.toString()}---\n${body}`;
  expect(filled).not.toMatch(/TODO/);
  return filled;
}

describe.each(sourceFiles)('hindsight import %s', (name) => {
  const dir = project();
  let run: CliRun;
  let written: string;
  let relative: string;

  beforeAll(() => {
    run = runCli(['import', path.join(sources, name)], dir);
    const files = fs.readdirSync(path.join(dir, 'content', 'postmortems'));
    relative = path.join('content', 'postmortems', files[0] ?? '');
    written = path.join(dir, relative);
  });

  it('writes one draft into content/postmortems/ and says what it extracted and what is next', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'content', 'postmortems'))).toHaveLength(1);
    expect(run.stdout).toContain(` → ${relative}\n`);
    expect(run.stdout).toMatch(/^ {2}rootCause\.category {2,}\S/m);
    expect(run.stdout).toMatch(/^ {2}timeline {2,}\d+ entries/m);
    expect(run.stdout).toContain(
      `Next: replace every TODO in ${relative}, then run: npm run check -- ${relative}`,
    );
    expect(fs.readFileSync(written, 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('fails the check until every placeholder is filled, naming each one at its line', () => {
    const text = fs.readFileSync(written, 'utf8');
    const todos = placeholders(text);
    const check = runCli(['check', relative], dir);
    if (!todos.length) {
      expect(check.status).toBe(0);
      return;
    }
    expect(check.status).toBe(1);
    const reported = check.stdout.split('\n').filter((line) => line.startsWith(`${relative}:`));
    for (const { field, line } of todos) {
      const problem = reported.find(
        (row) => row.startsWith(`${relative}:${line}:`) && row.includes(`  ${field}  `),
      );
      expect(problem, `${field} at line ${line} is reported`).toBeDefined();
      expect(problem).toContain('TODO');
      expect(lineOf(written, line)).toContain('TODO');
    }
    expect(reported).toHaveLength(todos.length);
  });

  it('passes the check once the placeholders are filled in', () => {
    fs.writeFileSync(written, fillPlaceholders(fs.readFileSync(written, 'utf8')));
    const check = runCli(['check', relative], dir);
    expect(check.stdout).not.toMatch(/\berrors? in\b/);
    expect(check.status).toBe(0);
  });
});

describe('hindsight import, what it refuses', () => {
  const source = path.join(sources, 'email.txt');

  it('does not overwrite a file that exists, and says so in one line', () => {
    const dir = project();
    expect(runCli(['import', source], dir).status).toBe(0);
    const [name = ''] = fs.readdirSync(path.join(dir, 'content', 'postmortems'));
    const file = path.join(dir, 'content', 'postmortems', name);
    fs.writeFileSync(file, 'edited by a person\n');
    const again = runCli(['import', source], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `error: content/postmortems/${name} already exists; it was not overwritten. Move it, or choose another --out\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('edited by a person\n');
  });

  it('reports a missing file or a folder in one line each, imports the rest, and exits 1', () => {
    const dir = project();
    const run = runCli(['import', 'missing.txt', source, 'content'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'error: missing.txt: no such file\nerror: content: is a folder; name the files to import\n',
    );
    expect(fs.readdirSync(path.join(dir, 'content', 'postmortems'))).toHaveLength(1);
  });

  it('refuses a zone it does not know and a single --out file for several inputs, as usage errors', () => {
    const dir = project();
    const zone = runCli(['import', source, '--timezone', 'Mars/Olympus'], dir);
    expect(zone.status).toBe(2);
    expect(zone.stderr).toMatch(/^error: --timezone Mars\/Olympus is not a zone; use an IANA name/);
    const out = runCli(['import', source, path.join(sources, 'sre-template.md'), '--out', 'one.mdx'], dir);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^error: --out one\.mdx names one file, but 2 files were given/);
    expect(fs.readdirSync(path.join(dir, 'content', 'postmortems'))).toEqual([]);
  });
});

describe('hindsight import --dry-run and --out', () => {
  const source = path.join(sources, 'hhmm-plain.txt');

  it('--dry-run prints the report and the file, and writes nothing', () => {
    const dir = project();
    const run = runCli(['import', source, '--dry-run'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing written.');
    expect(run.stdout).toContain('---\ntitle: Nightly export filled the reporting database disk\n');
    expect(fs.readdirSync(path.join(dir, 'content', 'postmortems'))).toEqual([]);
  });

  it('--out writes to the file named, and the next step says to move it where check looks', () => {
    const dir = project();
    const run = runCli(['import', source, '--out', 'drafts/export.mdx'], dir);
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'drafts', 'export.mdx'))).toBe(true);
    expect(run.stdout).toContain(
      'Next: replace every TODO in drafts/export.mdx, move it into content/postmortems/, then run: npm run check -- content/postmortems/export.mdx',
    );
  });
});
