import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProblem } from '../../src/lib/mdx/imports';
import { projectRoot } from '../helpers/build-site';

/** Imports as a postmortem two folders below the project root would write them; only its folder is used, the file need not exist. */
const from = path.join(projectRoot, 'test/fixtures/2024-01-01-example.mdx');
const problem = (specifier: string) => importProblem(specifier, from, projectRoot);

describe('importProblem', () => {
  it.each([
    ['a relative file', '../../src/components/mdx/Callout.astro'],
    ['a relative file without its extension', '../../src/lib/mdx/provided-components'],
    ['a .js name for a TypeScript file, as Vite allows', '../../src/lib/mdx/provided-components.js'],
    ['a folder with an index file', '../../src/components/mdx'],
    ['a path from the project root', '/src/components/mdx/Figure.astro'],
    ['a query suffix', '../../src/styles/global.css?raw'],
    ['an installed package', 'satteri'],
    ['a subpath of an installed package', 'astro/zod'],
    ["one of Astro's modules", 'astro:assets'],
    ['a Node built-in', 'node:path'],
  ])('accepts %s', (_name, specifier) => {
    expect(problem(specifier)).toBeUndefined();
  });

  it('names the file it looked for, relative to the working folder', () => {
    expect(problem('./charts/Latency.astro')).toBe(
      `cannot import "./charts/Latency.astro": there is no ${path.join('test/fixtures/charts/Latency.astro')}. A path starting with ./ or ../ is relative to this file's folder`,
    );
  });

  it('says a path from / starts at the project folder', () => {
    expect(problem('/components/Chart.astro')).toMatch(
      /^cannot import "\/components\/Chart.astro": there is no components\/Chart.astro\. A path starting with \/ is relative to the project folder$/,
    );
  });

  it('says a package is not installed', () => {
    expect(problem('left-pad-chart-that-does-not-exist')).toMatch(
      /^cannot import "left-pad-chart-that-does-not-exist": no package of that name is installed/,
    );
  });
});
