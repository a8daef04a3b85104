import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/import/body';
import { escapeMdxBlock, escapeMdxText, fencedCode } from '../../src/lib/import/mdx-escape';
import { parseSource } from '../../src/lib/import/parse-source';
import { mdxBodyProblems } from '../../src/lib/mdx-body';

/** What the content check finds wrong with a body: it must compile and use no undefined names. */
const problems = (body: string) =>
  mdxBodyProblems('/tmp/imported.mdx', `---\ntitle: x\n---\n\n${body}`, '---\ntitle: x\n---\n').map(
    (p) => p.message,
  );

describe('escapeMdxText', () => {
  it('escapes braces and angle brackets in prose', () => {
    expect(escapeMdxText('GET /api/{tenant}/events returned <500>')).toBe(
      'GET /api/\\{tenant\\}/events returned \\<500>',
    );
  });

  it('leaves code spans and existing escapes as they are', () => {
    expect(escapeMdxText('set `{ "retries": 3 }` and \\{kept\\}')).toBe(
      'set `{ "retries": 3 }` and \\{kept\\}',
    );
    expect(escapeMdxText('a ``code with ` inside {x}`` then {y}')).toBe(
      'a ``code with ` inside {x}`` then \\{y\\}',
    );
  });

  it('keeps "import" and "export" at the start of a line from being read as JavaScript', () => {
    expect(escapeMdxText('import of the data failed')).toBe('&#105;mport of the data failed');
    expect(escapeMdxText('export jobs ran late')).toBe('&#101;xport jobs ran late');
    expect(escapeMdxText('Imports failed')).toBe('Imports failed');
  });
});

describe('escapeMdxBlock and fencedCode', () => {
  it('leaves fenced code untouched and escapes the rest', () => {
    expect(escapeMdxBlock(['a {b}', '```', '{c} <d>', '```', 'e <f>'].join('\n'))).toBe(
      ['a \\{b\\}', '```', '{c} <d>', '```', 'e \\<f>'].join('\n'),
    );
  });

  it('fences code with a fence longer than any backtick run inside', () => {
    expect(fencedCode('a ``` b', null)).toBe('````\na ``` b\n````');
  });
});

describe('an imported body', () => {
  it('compiles as MDX whatever the source put in its prose', () => {
    const source = [
      'The template value {data_dir} was never filled in; requests to <internal> failed.',
      '',
      'export jobs ran late, and import of the backlog failed. See <https://status.example.com>.',
      '',
      '    tmp_dir = "{data_dir}/export-tmp"',
      '    max_size = <unset>',
      '',
      '<div>raw html</div>',
      '',
      '| Key | Value |',
      '| --- | --- |',
      '| {a} | <b> |',
    ].join('\n');
    const body = renderBody([{ title: 'Notes {x}', level: 2, units: parseSource(source) }]);
    expect(problems(body)).toEqual([]);
    expect(body).toContain('```\ntmp_dir = "{data_dir}/export-tmp"\nmax_size = <unset>\n```');
  });

  it('would not compile without the escaping (the check above can fail)', () => {
    expect(problems('The template value {data_dir} was never filled in.')).not.toEqual([]);
    expect(problems('requests to <internal> failed.')).not.toEqual([]);
    expect(problems('export jobs ran late.')).not.toEqual([]);
  });
});
