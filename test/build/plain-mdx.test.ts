import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_CACHE_FOLDER } from '../../src/lib/body-cache';
import { buildSite, projectRoot, testTempDir, type BuiltSite } from '../helpers/build-site';

/**
 * `.mdx` postmortems without components are rendered while loading, like `.md` ones, and their
 * bodies kept in the body cache rather than in the content store (see postmortem-loader.ts).
 * The fixture has the same body as `.md` and as `.mdx`, and an `.mdx` that uses a component.
 */
const fixture = path.join(projectRoot, 'test/fixtures/mdx/plain/content');
let content: string;
let site: BuiltSite;

beforeAll(async () => {
  content = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-plain-mdx-'));
  fs.cpSync(fixture, content, { recursive: true });
  site = await buildSite(content);
});

afterAll(() => fs.rmSync(content, { recursive: true, force: true }));

const writeUp = async (built: BuiltSite, id: string) => {
  // `pre` is read as elements too, to see the code block's text rather than its markup.
  const html = parse(await built.read(`incidents/${id}/index.html`), {
    blockTextElements: { script: true, noscript: true, style: true },
  }).querySelector('.write-up');
  if (!html) throw new Error(`incidents/${id}/ has no write-up`);
  return html;
};

describe('an .mdx body that reads as plain Markdown', () => {
  it('renders exactly as the same body does in a .md file', async () => {
    const asMdx = await writeUp(site, '2024-07-02-as-mdx');
    const asMarkdown = await writeUp(site, '2024-07-01-as-markdown');
    expect(asMdx.innerHTML).toBe(asMarkdown.innerHTML);
    // With everything the body holds: heading, table, code, footnote.
    expect(asMdx.querySelector('h2#what-happened')).not.toBeNull();
    expect(asMdx.querySelector('table td')?.textContent).toBe('Replace the disk');
    expect(asMdx.querySelector('pre')?.textContent).toContain('mdadm --detail /dev/md0');
    expect(asMdx.querySelector('[data-footnotes] li')?.textContent).toContain('SMART warnings');
  });

  it('still compiles a body that uses a component as MDX', async () => {
    const callout = (await writeUp(site, '2024-07-03-with-callout')).querySelector('aside.callout');
    expect(callout?.getAttribute('data-type')).toBe('lesson');
    expect(callout?.textContent).toContain('Alert on the first failed disk');
  });

  it('keeps rendered bodies in the body cache, not in the content store', () => {
    const bodies = fs.readdirSync(path.join(site.cacheDir, BODY_CACHE_FOLDER));
    // The .md and the plain .mdx; the component one is compiled instead.
    expect(bodies).toHaveLength(2);
    const store = fs.readFileSync(path.join(site.cacheDir, 'data-store.json'), 'utf8');
    expect(store).not.toContain('SMART warnings');
    expect(store).not.toContain('Queue depth rose');
  });

  it('renders an edited body again on the next build, and drops the old one from the cache', async () => {
    const file = path.join(content, 'postmortems/2024-07-02-as-mdx.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Queue depth rose', 'Queue depth climbed'));
    const again = await buildSite(content, { cacheDir: site.cacheDir });
    expect((await writeUp(again, '2024-07-02-as-mdx')).textContent).toContain('Queue depth climbed');
    expect((await writeUp(again, '2024-07-01-as-markdown')).textContent).toContain('Queue depth rose');
    expect(fs.readdirSync(path.join(site.cacheDir, BODY_CACHE_FOLDER))).toHaveLength(2);
  });

  it('renders every body again when the cache of bodies has gone', async () => {
    fs.rmSync(path.join(site.cacheDir, BODY_CACHE_FOLDER), { recursive: true });
    const again = await buildSite(content, { cacheDir: site.cacheDir });
    expect((await writeUp(again, '2024-07-01-as-markdown')).textContent).toContain('Queue depth rose');
  });
});
