import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/lib/yaml-source';
import { postmortemPath, projectFrom, runCli } from './run-cli';

const project = projectFrom('valid');
const run = runCli(['schema'], project);
const schema = JSON.parse(run.stdout) as Record<string, unknown>;
// Ajv knows no formats by itself; `uri` is the one the schema uses, checked as a browser would.
const validate = new Ajv({
  allErrors: true,
  formats: { uri: (value: string) => URL.canParse(value) },
}).compile(schema);

/** A fixture's frontmatter as an editor's YAML support reads it (YAML 1.2: timestamps stay strings). */
function frontmatter(file: string): Record<string, unknown> {
  const text = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
  return parseYamlSource(text).data as Record<string, unknown>;
}

/** Where and why the schema rejects `data`, in a form that reads well in a failure. */
function errorsFor(data: unknown): { at: string; keyword: string }[] {
  validate(data);
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    at: error.instancePath,
    keyword: error.keyword,
  }));
}

const valid = frontmatter(postmortemPath(project, '2024-01-10-checkout-flag.mdx'));

describe('hindsight schema', () => {
  it("prints a draft-07 JSON Schema with this site's severities and root causes", () => {
    expect(run.status).toBe(0);
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema).toMatchObject({
      properties: {
        severity: { enum: ['P1', 'P2', 'P3'] },
        rootCause: { properties: { category: { enum: ['hardware', 'config-change', 'software-bug'] } } },
      },
    });
  });

  it('accepts the frontmatter of valid postmortems', () => {
    expect(errorsFor(valid)).toEqual([]);
    expect(errorsFor(frontmatter(postmortemPath(project, '2024-02-11-checkout-flag-again.mdx')))).toEqual([]);
  });

  it('rejects what the check rejects: unknown keys, ids outside the taxonomy, zoneless times, placeholders, missing fields', () => {
    expect(errorsFor({ ...valid, rootcause: valid['rootCause'] })).toContainEqual({
      at: '',
      keyword: 'additionalProperties',
    });
    expect(errorsFor({ ...valid, severity: 'SEV1' })).toEqual([{ at: '/severity', keyword: 'enum' }]);
    expect(errorsFor({ ...valid, startedAt: '2024-01-10 14:00' })).toEqual([
      { at: '/startedAt', keyword: 'pattern' },
    ]);
    expect(errorsFor({ ...valid, summary: 'TODO: the issue summary' })).toEqual([
      { at: '/summary', keyword: 'not' },
    ]);
    expect(errorsFor({ ...valid, title: 'todo' })).toEqual([{ at: '/title', keyword: 'not' }]);
    const ftp = { title: 'Fix it', type: 'prevent', link: 'ftp://tracker.example.com/1' };
    expect(errorsFor({ ...valid, tasks: [ftp] })).toEqual([{ at: '/tasks/0/link', keyword: 'pattern' }]);
    const { title: _title, ...untitled } = valid;
    expect(errorsFor(untitled)).toEqual([{ at: '', keyword: 'required' }]);
  });

  it('writes the same schema to a file with --out, creating its folder', () => {
    const written = runCli(['schema', '--out', '.vscode/postmortem.schema.json'], project);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`Wrote ${path.join('.vscode', 'postmortem.schema.json')}\n`);
    expect(fs.readFileSync(path.join(project, '.vscode', 'postmortem.schema.json'), 'utf8')).toBe(run.stdout);
  });

  it('says in one line when it cannot write the file', () => {
    const blocked = runCli(['schema', '--out', 'content/postmortems'], project);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toBe('error: cannot write content/postmortems (EISDIR)\n');
  });
});
