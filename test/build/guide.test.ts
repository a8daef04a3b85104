import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldPaths } from '../../src/lib/schema-shape';
import { ids } from '../../src/lib/taxonomy';
import { postmortemSchema, TASK_TYPES, TIMELINE_KINDS } from '../../src/schemas';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent, taxonomyFile } from '../helpers/fixtures';
import { findBrokenLinks, indexedUrls } from '../helpers/links';
import { loadIndex, type LoadedIndex } from '../helpers/pagefind';

/**
 * The guide, "Writing a good postmortem", built from a fixture: its sections and contents, the
 * vocabulary it teaches (which must be the schema's and the site's own taxonomy), its links,
 * and that search, which is for incidents, never returns it.
 */
const content = fixtureContent('basic');
const rootCauses = taxonomyFile(content, 'root-causes.yaml');
const severities = taxonomyFile(content, 'severities.yaml');
const schemaFields = fieldPaths(
  postmortemSchema({ rootCauseIds: ids(rootCauses), severityIds: ids(severities) }),
);
/** `rootCause` for `rootCause.summary`, `tasks` for `tasks[].title`. */
const topLevelFields = new Set(schemaFields.map((field) => field.split(/[.[]/)[0]));

let site: BuiltSite;
let guide: HTMLElement;
let index: LoadedIndex;

const text = (element: HTMLElement | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The table whose caption is `caption`. */
const table = (caption: string) =>
  guide.querySelectorAll('main table').find((element) => text(element.querySelector('caption')) === caption);
/** The `<code>` of each row header of a table, in order. */
const rowCodes = (caption: string) =>
  (table(caption)?.querySelectorAll('tbody th') ?? []).map((th) => th.querySelectorAll('code').map(text));

beforeAll(async () => {
  site = await buildSite(content);
  guide = parse(await site.read('guide/index.html'));
  index = await loadIndex(site.outDir);
});

afterAll(() => index?.close());

describe('the guide page', () => {
  it('is titled, and current in the site header', () => {
    expect(text(guide.querySelector('main h1'))).toBe('Writing a good postmortem');
    expect(text(guide.querySelector('title'))).toBe('Writing a good postmortem · Hindsight');
    const current = guide.querySelector('.site-header nav a[aria-current="page"]');
    expect(current?.getAttribute('href')).toBe('/guide/');
  });

  it('has a section on each part of writing a postmortem, in the order of its contents', () => {
    const contents = guide
      .querySelectorAll('main nav[aria-labelledby] a')
      .map((link) => ({ href: link.getAttribute('href'), title: text(link) }));
    const headings = guide
      .querySelectorAll('main .guide-section > h2')
      .map((heading) => ({ href: `#${heading.id}`, title: text(heading) }));
    expect(contents).toEqual(headings);
    const titles = headings.map((heading) => heading.title).join(' | ');
    for (const topic of [
      /published/i,
      /what goes where/i,
      /blameless/i,
      /root cause/i,
      /timeline/i,
      /impact/i,
      /action items/i,
      /lessons learned/i,
      /review/i,
    ])
      expect(titles).toMatch(topic);
  });

  it('takes the author from a new file through check and pull request to published', () => {
    const section = guide.querySelector('#workflow')?.parentNode;
    const steps = (section?.querySelectorAll('ol > li') ?? []).map(text);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.join(' ')).toMatch(/npm run new.*npm run check.*pull request.*status: published/s);
  });

  it('rewrites each kind of blaming phrase the check points out', () => {
    const phrases = (table('Blaming phrases and blameless rewrites')?.querySelectorAll('tbody th') ?? []).map(
      text,
    );
    for (const phrase of ['human error', 'should have', 'failed to', 'just'])
      expect(phrases.some((written) => written.toLowerCase().includes(phrase))).toBe(true);
    // And one that names a person as the cause.
    expect(phrases.some((written) => /^[A-Z][a-z]+ (pushed|broke|deleted|ran)\b/.test(written))).toBe(true);
  });

  it("lists this site's root-cause categories, linked to their pages, and its severities", () => {
    const rows = (table('Root-cause categories on this site')?.querySelectorAll('tbody tr') ?? []).map(
      (row) => ({
        label: text(row.querySelector('th a')),
        href: row.querySelector('th a')?.getAttribute('href'),
        id: text(row.querySelector('td code')),
      }),
    );
    expect(rows).toEqual(
      rootCauses.map((entry) => ({ label: entry.label, href: `/root-causes/${entry.id}/`, id: entry.id })),
    );
    const severityRow = table('The parts of a postmortem and what each is for')
      ?.querySelectorAll('tbody tr')
      .find((row) => text(row.querySelector('th')) === 'severity');
    expect(severityRow?.querySelectorAll('td code').map(text)).toEqual(severities.map((entry) => entry.id));
  });

  it('explains every timeline kind and task type the schema accepts', () => {
    expect(rowCodes('Kinds of timeline entry').map(([code]) => code)).toEqual([...TIMELINE_KINDS]);
    expect(rowCodes('Types of action item').map(([code]) => code)).toEqual([...TASK_TYPES]);
  });

  it('names only fields the schema accepts', () => {
    const structure = rowCodes('The parts of a postmortem and what each is for').flat();
    expect(structure.length).toBeGreaterThan(10);
    expect(structure.filter((field) => !topLevelFields.has(field))).toEqual([]);
    // Every dotted field path written anywhere, such as `rootCause.summary`.
    const dotted = guide
      .querySelectorAll('main code')
      .map(text)
      .filter((code) => /^[a-z]+[A-Za-z]*\.[a-z][A-Za-z]*$/.test(code));
    expect(dotted).toContain('rootCause.contributingFactors');
    expect(dotted.filter((field) => !schemaFields.includes(field))).toEqual([]);
  });

  it('keeps the spaces around links and code in its prose', async () => {
    // Astro 7 drops a line break next to an element (JSX whitespace rules), which glues a word
    // to the link or code after it: "see the page at<code>…". The guide is mostly such prose.
    const html = await site.read('guide/index.html');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const glued = [
      ...main.matchAll(/[\w,.;:!?"]<(?:a|code|strong|em)[\s>]/g),
      ...main.matchAll(/<\/(?:a|code|strong|em)>[\w("]/g),
    ].map((match) => main.slice(Math.max(0, match.index - 30), match.index + 30));
    expect(glued).toEqual([]);
  });

  it('has no broken link or anchor', () => {
    expect(findBrokenLinks(site.outDir).filter((broken) => broken.from === 'guide/index.html')).toEqual([]);
  });

  it('is not in the search index, which is for incidents', async () => {
    expect(text(guide.querySelector('main'))).toMatch(/blameless/i);
    expect(indexedUrls(site.outDir)).not.toContain('/guide/');
    expect(indexedUrls(site.outDir).length).toBeGreaterThan(0);
    expect(await index.urls('blameless rewrites')).not.toContain('/guide/');
  });
});
