import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

/**
 * The MDX that must keep working once the content check looks at names: the file's own exports,
 * a component imported by path, the site's Callout and Figure, globals, frontmatter, braces in
 * code and escaped braces; and a `.md` file with the text that would break MDX, shown as text.
 * The fixture is built where it is, so its import path leads into the project's src/.
 */
const fixture = path.join(projectRoot, 'test/fixtures/mdx/valid/content');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(fixture);
});

const body = async (id: string) => {
  // `pre` is read as elements too, to see the code block's text rather than its markup.
  const doc = parse(await site.read(`incidents/${id}/index.html`), {
    blockTextElements: { script: true, noscript: true, style: true },
  });
  const writeUp = doc.querySelector('.write-up');
  if (!writeUp) throw new Error(`incidents/${id}/ has no write-up`);
  return writeUp;
};
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('an MDX body that uses code, components and braces as text', () => {
  it("renders the file's exports, globals and frontmatter", async () => {
    const writeUp = await body('2024-06-01-components');
    expect(text(writeUp)).toContain(
      'Requests peaked at 2400 per second across 2 services (auth and billing); the limit was 1200.',
    );
    expect(text(writeUp)).toContain('This page is “Login errors doubled during a retry storm”.');
  });

  it('shows braces in inline code, code blocks and escapes as text', async () => {
    const writeUp = await body('2024-06-01-components');
    expect(text(writeUp.querySelector('p code'))).toBe('/api/{tenant}/events');
    expect(text(writeUp)).toContain('and so is {tenant} here.');
    expect(text(writeUp.querySelector('pre'))).toBe('{ "tenant": "acme", "status": 503 }');
  });

  it('renders each Callout as a labelled note of its type', async () => {
    const callouts = (await body('2024-06-01-components')).querySelectorAll('aside.callout');
    expect(
      callouts.map((aside) => ({
        type: aside.getAttribute('data-type'),
        role: aside.getAttribute('role'),
        label: aside.getAttribute('aria-label'),
        heading: text(aside.querySelector('.callout-label')),
      })),
    ).toEqual([
      { type: 'warning', role: 'note', label: 'Watch the retry budget', heading: 'Watch the retry budget' },
      { type: 'note', role: 'note', label: 'Note', heading: 'Note' },
      { type: 'lesson', role: 'note', label: 'Lesson learned', heading: 'Lesson learned' },
      { type: 'note', role: 'note', label: 'Imported by path', heading: 'Imported by path' },
    ]);
    expect(text(callouts[0])).toContain('Retries doubled the load within 2 minutes.');
    expect(text(callouts[3])).toContain('The same component, imported under another name.');
  });

  it('renders a Figure with its content and caption', async () => {
    const figure = (await body('2024-06-01-components')).querySelector('figure');
    expect(text(figure?.querySelector('figcaption'))).toBe('Login requests per second during the incident');
    expect(figure?.querySelectorAll('td').map((td) => text(td))).toEqual(['10:00', '1200', '10:20', '2400']);
  });
});

describe('a Markdown body with the same text', () => {
  it('shows braces as text: in .md they are not code', async () => {
    const writeUp = await body('2024-06-02-plain-markdown');
    expect(text(writeUp)).toContain('Requests to /api/{tenant}/events failed, and the gateway logged {');
    expect(text(writeUp)).toContain('“tenant”: “acme”, “status”: 503 }.');
  });

  it('passes a capitalised tag through as HTML, not as a component that must exist', async () => {
    const writeUp = await body('2024-06-02-plain-markdown');
    expect(writeUp.querySelector('latencychart')?.getAttribute('service')).toBe('auth');
    expect(text(writeUp)).toContain('In Markdown, is HTML, not a component.');
  });
});
