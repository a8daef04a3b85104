import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldPaths } from '../../src/lib/schema-shape';
import { postmortemSchema } from '../../src/schemas';
import { hindsightConfigSchema } from '../../src/schemas/config';
import { RANKING } from '../../src/lib/search/ranking';
import { SIMILARITY } from '../../src/lib/similarity/config';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { projectRoot } from '../helpers/build-site';

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
// The taxonomy Hindsight ships with, as a fixture: a team renaming ids in content/ must not fail this.
const taxonomy = loadTaxonomy(path.join(projectRoot, 'test/fixtures/basic/content'));
const schema = postmortemSchema({
  rootCauseIds: ids(taxonomy.rootCauses),
  severityIds: ids(taxonomy.severities),
});

describe('README', () => {
  it('documents every frontmatter field the schema accepts', () => {
    const paths = fieldPaths(schema);
    expect(paths).toContain('rootCause.category');
    expect(paths).toContain('tasks[].due');
    const undocumented = paths.filter((field) => !readme.includes(`| \`${field}\``));
    expect(undocumented).toEqual([]);
  });

  it('documents no field the schema does not accept', () => {
    const paths = new Set(fieldPaths(schema));
    const table = readme.slice(readme.indexOf('## Frontmatter reference'), readme.indexOf('### Taxonomies'));
    const documented = [...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((field) => !paths.has(field ?? ''))).toEqual([]);
  });

  it('lists the default root-cause ids that Hindsight ships with', () => {
    for (const id of ids(taxonomy.rootCauses)) expect(readme).toContain(`\`${id}\``);
  });

  it('gives exactly two set-up commands, the second being npm test', () => {
    const start = readme.indexOf('## Set up');
    const setUp = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const commands = [...setUp.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]?.trim());
    expect(commands).toEqual(['npm install && npm run build', 'npm test']);
  });

  it('documents every option of hindsight() and no other', () => {
    const options = fieldPaths(hindsightConfigSchema).map((option) => option.replace('[]', ''));
    expect(options).toContain('repository.branch');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Writing a postmortem'));
    const documented = [...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual(options);
  });

  it('states the search ranking weights that RANKING sets, every one of them', () => {
    const section = readme.slice(
      readme.indexOf('## How search works'),
      readme.indexOf('## Repository layout'),
    );
    // Each group is written "(`RANKING.<group>`): name 5, other name 2;" with names in words.
    const documented = Object.fromEntries(
      [...section.matchAll(/`RANKING\.(\w+)`\):([^;]+);/g)].map(([, group, list]) => [
        group,
        Object.fromEntries(
          (list ?? '').split(',').map((item) => {
            const [, words = '', weight] =
              /^\s*([a-z ]+?)\s+(\d+)\s*$/i.exec(item.replace(/\s+/g, ' ')) ?? [];
            return [words.replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase()), Number(weight)];
          }),
        ),
      ]),
    );
    expect(Object.keys(RANKING.rootCauseWeights)).toContain('contributingFactors');
    expect(documented).toEqual(RANKING);
  });

  it('lists every npm script in the Scripts table, and no other', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const section = readme.slice(readme.indexOf('## Scripts'), readme.indexOf('## Tests'));
    const documented = [...section.matchAll(/^\| `npm (?:run )?([\w:-]+)`/gm)].map(([, name]) => name);
    // `npm run astro` only passes arguments to Astro's own CLI.
    const scripts = Object.keys(pkg.scripts).filter((name) => name !== 'astro');
    expect(documented.sort()).toEqual(scripts.sort());
  });

  it('states every similarity setting with the value SIMILARITY gives it', () => {
    const flatten = (object: object, prefix = ''): [string, number][] =>
      Object.entries(object).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? flatten(value as object, `${prefix}${key}.`)
          : [[`${prefix}${key}`, value as number]],
      );
    const section = readme.slice(
      readme.indexOf('Tune it in `SIMILARITY`'),
      readme.indexOf('### Recurring causes'),
    );
    const documented = Object.fromEntries(
      [...section.matchAll(/^\| `([\w.]+)`\s*\|\s*([\d.]+)\s*\|/gm)].map(([, key, value]) => [
        key,
        Number(value),
      ]),
    );
    expect(documented).toEqual(Object.fromEntries(flatten(SIMILARITY)));
  });

  it('uses the same test command as .ci/run', () => {
    const ci = fs.readFileSync(path.join(projectRoot, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm install\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
