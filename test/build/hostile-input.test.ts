import fs from 'node:fs/promises';
import path from 'node:path';
// Neither is a dependency of ours: @astrojs/rss brings fast-xml-parser, Astro and the sitemap sax.
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import sax from 'sax';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  testTempDir,
  tryBuildSite,
  type BuildFailure,
  type BuiltSite,
} from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { loadIndex, type LoadedIndex } from '../helpers/pagefind';
import { builtFacets } from '../search/built-facets';

/**
 * The site built from `test/fixtures/hostile/content/`: postmortems whose every string holds
 * markup and script, services and taxonomy ids named like properties every JavaScript object
 * has (`constructor`, `toString`, `hasOwnProperty`, `valueOf`), right-to-left and emoji text, a
 * file with a byte-order mark, one with Windows line endings, and control characters where no
 * schema rule looks (a taxonomy label). Generated beside them,
 * in the run's scratch folder: one postmortem with a 3 MB body, 500 timeline entries and 200
 * tasks.
 *
 * What it shows: every page, the feed, the JSON and the search index carry those strings as
 * text, and nothing built from them becomes an element or an attribute.
 */

const MARKUP_ID = '2024-02-01-markup-everywhere';
const TITLE = `xssprobe <script>alert(1)</script> "><svg onload=alert(2)> <img src=x onerror=alert(3)> &amp; 'quoted'`;
const SUMMARY = `Summary with <script>alert(4)</script>, "><svg onload=alert(5)>, &amp; and 'single' "double" quotes.`;
const ROOT_CAUSE =
  'Root cause <script>alert(7)</script> with &lt;escaped&gt; text and </textarea></title><svg onload=alert(8)>.';
const CATEGORY_LABEL = '<b>Constructor</b> & "friends"';
const RTL_ID = '2024-04-03-right-to-left-emoji';
const RTL_TITLE = 'انقطاع البريد 📧 — תקלה בשרת הדואר 🔥 👩🏽‍💻 mail outage';

const BIG_ID = '2024-06-01-very-large-postmortem';
const BIG_TIMELINE = 500;
const BIG_TASKS = 200;
const BIG_BODY_BYTES = 3 * 1024 * 1024;

/** A valid postmortem with a 3 MB body, 500 timeline entries and 200 tasks. */
function bigPostmortem(): string {
  const start = Date.parse('2024-06-01T00:00:00Z');
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const timeline = Array.from(
    { length: BIG_TIMELINE },
    (_, index) => `  - at: ${at(index + 1)}\n    kind: action\n    text: Step ${index + 1} of the recovery.`,
  );
  const tasks = Array.from(
    { length: BIG_TASKS },
    (_, index) => `  - title: Follow-up number ${index + 1}\n    type: prevent\n    owner: team-${index % 7}`,
  );
  const paragraphs: string[] = [];
  let size = 0;
  for (let index = 0; size < BIG_BODY_BYTES; index++) {
    const paragraph = `Paragraph ${index}: storage node ${index % 97} reported ${index % 13} slow writes while the replica in zone ${index % 5} caught up, and the queue held ${index * 7} messages.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return `---
title: A very large postmortem
summary: Five hundred timeline entries, two hundred tasks and a body of three megabytes.
severity: SEV3
startedAt: ${at(0)}
resolvedAt: ${at(BIG_TIMELINE + 1)}
services: [mail]
impact:
  summary: None; it tests size.
rootCause:
  category: network
  summary: Size.
timeline:
${timeline.join('\n')}
tasks:
${tasks.join('\n')}
---

${paragraphs.join('\n\n')}
`;
}

let site: BuiltSite;
let index: LoadedIndex;

beforeAll(async () => {
  const content = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-hostile-'));
  await fs.cp(fixtureContent('hostile'), content, { recursive: true });
  await fs.writeFile(path.join(content, 'postmortems', `${BIG_ID}.md`), bigPostmortem());
  site = await buildSite(content);
  index = await loadIndex(site.outDir);
}, 600_000);

afterAll(async () => {
  await index?.close();
});

/**
 * A built page as a browser reads it. node-html-parser keeps a `<pre>` as raw text unless told
 * otherwise, which would hide any element injected into a code block.
 */
const parseHtml = (html: string) =>
  parse(html, { blockTextElements: { script: true, noscript: true, style: true } });
const page = async (file: string) => parseHtml(await site.read(file));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const meta = (doc: HTMLElement, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

/** Every HTML file of the built site, relative to its folder. */
async function htmlFiles(): Promise<string[]> {
  const entries = await fs.readdir(site.outDir, { recursive: true });
  return entries.filter((file) => file.endsWith('.html')).sort();
}

/**
 * Elements and attributes that could only have come from the fixture's strings: the site's own
 * markup has no inline event handlers, frames or `<svg onload>`, and its scripts call no `alert`.
 */
function injected(doc: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const name of Object.keys(element.attributes)) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
    }
    if (tag === 'iframe' || tag === 'textarea') found.push(`<${tag}>`);
    if (tag === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
    if (tag === 'script' && element.textContent.includes('alert(')) found.push('<script>alert');
    if (tag === 'b' && text(element) === 'Mallory') found.push('<b>Mallory</b>');
  }
  return found;
}

describe('markup in postmortem strings', () => {
  it('would be found where the check looks, in a code block too', () => {
    const html = '<pre><code><img src=x onerror=a></code></pre><svg onload=b></svg><script>alert(1)</script>';
    expect(injected(parseHtml(html))).toEqual([
      '<img onerror>',
      '<img src=x>',
      '<svg onload>',
      '<script>alert',
    ]);
  });

  it('creates no element or attribute on any page', async () => {
    const files = await htmlFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(injected(await page(file)), file).toEqual([]);
    }
  });

  it('shows every string on the incident page as written', async () => {
    const doc = await page(`incidents/${MARKUP_ID}/index.html`);
    expect(text(doc.querySelector('h1'))).toBe(TITLE);
    const body = text(doc.querySelector('main'));
    for (const written of [
      SUMMARY,
      'Impact <img src=x onerror=alert(6)> for users of <b>everything</b>.',
      ROOT_CAUSE,
      '<iframe src=javascript:alert(9)></iframe>',
      'Timeline <script>alert(10)</script> entry.',
      '"><img src=x onerror=alert(11)>',
      'Task <script>alert(12)</script> title',
      '<img src=x onerror=alert(13)>',
      CATEGORY_LABEL,
      // The body's entities and code stay text too.
      'Prose with <script>alert(16)</script>',
      '<img src=x onerror=alert(17)>',
      '<script>alert(18)</script>',
    ]) {
      expect(body).toContain(written);
    }
  });

  it('shows the titles as written in the lists of incidents', async () => {
    for (const file of ['incidents/index.html', 'services/constructor/index.html', 'index.html']) {
      const links = (await page(file)).querySelectorAll('main a').map((a) => text(a));
      expect(links, file).toContain(TITLE);
    }
  });

  it('keeps an MDX expression that prints markup as text', async () => {
    const body = text(
      (await page('incidents/2024-03-02-constructor-outage/index.html')).querySelector('main'),
    );
    expect(body).toContain(
      'printing a string that looks like markup: <script>alert(19)</script>, and an entity: <svg onload=alert(20)>.',
    );
  });

  it('puts the strings in meta tags as attribute values, nothing more', async () => {
    const doc = await page(`incidents/${MARKUP_ID}/index.html`);
    expect(text(doc.querySelector('title'))).toBe(`${TITLE} · Hindsight`);
    expect(meta(doc, 'og:title')).toBe(`SEV1 · ${TITLE}`);
    expect(meta(doc, 'twitter:title')).toBe(`SEV1 · ${TITLE}`);
    expect(meta(doc, 'description')).toContain(SUMMARY);
    expect(meta(doc, 'og:description')).toBe(
      `SEV1 · <i>Critical</i> · 1 hour · constructor, prototype. ${SUMMARY}`,
    );
    expect(meta(doc, 'twitter:description')).toBe(meta(doc, 'og:description'));
    const tags = doc
      .querySelectorAll('meta[property="article:tag"]')
      .map((tag) => tag.getAttribute('content'));
    expect(tags).toEqual([
      CATEGORY_LABEL,
      'constructor',
      'prototype',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '<script>alert(14)</script>',
      '"><svg onload=alert(15)>',
    ]);
  });
});

/** What XML 1.0 allows as a character: tab, line breaks, and from U+0020 on but surrogates and U+FFFE/F. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The first complaint of sax's strict (well-formedness) parser about `xml`, if any. */
function malformed(xml: string): string | undefined {
  const parser = sax.parser(true);
  let problem: string | undefined;
  parser.onerror = (error) => {
    problem ??= error.message;
    parser.resume();
  };
  parser.write(xml).close();
  return problem;
}

const decodeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === '#39' ? "'" : '&',
  );

interface FeedItem {
  title: string;
  link: string;
  description: string;
  category: string | string[];
}

describe('rss.xml', () => {
  let xml: string;
  let items: FeedItem[];

  beforeAll(async () => {
    xml = await site.read('rss.xml');
    const feed = new XMLParser({ parseTagValue: false }).parse(xml) as {
      rss: { channel: { item: FeedItem[] } };
    };
    items = feed.rss.channel.item;
  });

  const item = (id: string) => items.find((entry) => entry.link.endsWith(`/incidents/${id}/`));

  it('is well-formed XML with only characters XML allows', () => {
    expect(malformed(xml)).toBeUndefined();
    expect(malformed('<rss><item>a & b</item></rss>'), 'the parser is strict').toBeDefined();
    expect(xml).not.toMatch(NOT_XML_CHAR);
    // Nor written as character references, which XML forbids as well.
    expect(xml).not.toMatch(/&#x?0*(?:[0-8bcef]|1[0-9a-f]|7f|[0-9]|1[0-9]|2[0-9]|3[01]);/i);
  });

  it('lists every incident, the very large one too', () => {
    expect(items.map((entry) => entry.link.split('/').at(-2)).sort()).toEqual(
      [
        MARKUP_ID,
        '2024-03-02-constructor-outage',
        RTL_ID,
        '2024-05-04-byte-order-mark',
        '2024-05-05-windows-line-endings',
        BIG_ID,
      ].sort(),
    );
  });

  it('has titles as plain text', () => {
    expect(item(MARKUP_ID)?.title).toBe(`[SEV1] ${TITLE}`);
    expect(item(RTL_ID)?.title).toBe(`[SEV3] ${RTL_TITLE}`);
  });

  it('has descriptions that a reader rendering HTML shows as written', () => {
    const description = item(MARKUP_ID)?.description ?? '';
    // Once the XML is read, the description is HTML: markup in it must be escaped.
    expect(description).not.toMatch(/<[a-z/!]/i);
    expect(decodeHtml(description)).toBe(`${SUMMARY} Root cause (${CATEGORY_LABEL}): ${ROOT_CAUSE}`);
  });

  it('drops the terminal colour code and bell of a taxonomy label', () => {
    expect(decodeHtml(item('2024-05-05-windows-line-endings')?.description ?? '')).toBe(
      'Every line of this file ends in CR LF, as Windows editors write them. Root cause (Network bold): Carriage returns before every line feed.',
    );
  });

  it('names each category once', () => {
    expect(item(MARKUP_ID)?.category).toEqual(['SEV1', 'constructor', 'prototype']);
  });
});

describe('the JSON API', () => {
  it('gives the strings exactly as written', async () => {
    const { incidents } = JSON.parse(await site.read('api/incidents.json')) as {
      incidents: {
        id: string;
        title: string;
        summary: string;
        rootCause: { summary: string; trigger: string };
      }[];
    };
    const markup = incidents.find((incident) => incident.id === MARKUP_ID);
    expect(markup?.title).toBe(TITLE);
    expect(markup?.summary).toBe(SUMMARY);
    expect(markup?.rootCause.summary).toBe(ROOT_CAUSE);
    expect(markup?.rootCause.trigger).toBe('Terminal output <b>ERROR</b> pasted with a tab\tinside.');
    expect(incidents.find((incident) => incident.id === RTL_ID)?.title).toBe(RTL_TITLE);
  });

  it('counts root causes and severities named like object properties', async () => {
    const insights = JSON.parse(await site.read('api/insights.json')) as {
      impactByRootCause: Record<string, { incidents: number }>;
      timeToResolve: {
        byRootCause: Record<string, { count: number }>;
        bySeverity: Record<string, { count: number }>;
      };
    };
    const counts = (record: Record<string, { incidents?: number; count?: number }>) =>
      Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.incidents ?? value.count]));
    expect(counts(insights.impactByRootCause)).toEqual({
      constructor: 1,
      toString: 1,
      hasOwnProperty: 0,
      network: 4,
    });
    expect(counts(insights.timeToResolve.byRootCause)).toEqual({
      constructor: 1,
      toString: 1,
      hasOwnProperty: 0,
      network: 4,
    });
    expect(counts(insights.timeToResolve.bySeverity)).toEqual({ SEV1: 1, valueOf: 1, SEV3: 4 });
  });
});

describe('services and taxonomy ids named like object properties', () => {
  it('never print an inherited function where a count or label belongs', async () => {
    const entries = await fs.readdir(site.outDir, { recursive: true });
    const files = entries.filter((file) => /\.(html|xml|json)$/.test(file));
    for (const file of files) {
      expect(await site.read(file), file).not.toContain('[native code]');
    }
  });

  it('give the service constructor its page and its count', async () => {
    const list = await page('services/index.html');
    const row = list.querySelector('tr[data-group="constructor"]');
    expect(text(row?.querySelector('th'))).toBe('constructor');
    expect(text(row?.querySelector('.count'))).toBe('3');
    const links = (await page('services/constructor/index.html'))
      .querySelectorAll('main a[href^="/incidents/2"]')
      .map((a) => a.getAttribute('href'));
    expect(new Set(links)).toEqual(
      new Set([
        `/incidents/${MARKUP_ID}/`,
        '/incidents/2024-03-02-constructor-outage/',
        `/incidents/${RTL_ID}/`,
      ]),
    );
  });

  it('give root causes and severities their pages, an unused one with none', async () => {
    expect(text((await page('root-causes/toString/index.html')).querySelector('main'))).toContain(
      'Constructor service outage',
    );
    expect(text((await page('severities/valueOf/index.html')).querySelector('main'))).toContain(
      'Constructor service outage',
    );
    const unused = await page('root-causes/hasOwnProperty/index.html');
    expect(unused.querySelectorAll('main a[href^="/incidents/2"]')).toEqual([]);
  });

  it('keep tags named like properties as plain tags in the search index', async () => {
    const values = (await builtFacets(site.outDir, index)).byUrl.get(`/incidents/${MARKUP_ID}/`);
    expect([...(values?.services ?? [])].sort()).toEqual(['constructor', 'prototype']);
  });
});

describe('the search index', () => {
  it('holds the strings as text in the fragment of each page', async () => {
    const fragment = (await index.fragments()).get(`/incidents/${MARKUP_ID}/`);
    expect(fragment?.meta['title']).toBe(TITLE);
    expect(fragment?.content).toContain(SUMMARY);
    expect(fragment?.content).toContain(ROOT_CAUSE);
  });

  it('gives excerpts whose only markup is its own highlighting', async () => {
    const { results } = await index.pagefind.search('xssprobe');
    const data = await Promise.all(results.map((result) => result.data()));
    expect(data.map((fragment) => fragment.url)).toContain(`/incidents/${MARKUP_ID}/`);
    for (const fragment of data) {
      const tags = fragment.excerpt.match(/<\/?[a-z][^>]*>/gi) ?? [];
      expect(tags.filter((tag) => !/^<\/?mark>$/.test(tag))).toEqual([]);
    }
  });

  it('finds right-to-left and emoji titles', async () => {
    expect(await index.urls('البريد')).toContain(`/incidents/${RTL_ID}/`);
    expect(await index.urls('תקלה')).toContain(`/incidents/${RTL_ID}/`);
  });
});

describe('files as editors save them', () => {
  it('reads a file with a byte-order mark', async () => {
    const doc = await page('incidents/2024-05-04-byte-order-mark/index.html');
    expect(text(doc.querySelector('h1'))).toBe('A file that starts with a byte-order mark');
    expect(text(doc.querySelector('main'))).toContain('The body of the byte-order-mark file.');
  });

  it('reads a file with Windows line endings, keeping no carriage return', async () => {
    const doc = await page('incidents/2024-05-05-windows-line-endings/index.html');
    expect(text(doc.querySelector('h1'))).toBe('A file with Windows line endings');
    expect(doc.querySelectorAll('.timeline > li')).toHaveLength(1);
    expect(doc.querySelectorAll('.write-up p').map((p) => text(p))).toEqual([
      'The body of the CRLF file.',
      'A second paragraph.',
    ]);
  });

  it('shows right-to-left and emoji titles as written', async () => {
    const doc = await page(`incidents/${RTL_ID}/index.html`);
    expect(text(doc.querySelector('h1'))).toBe(RTL_TITLE);
    expect(meta(doc, 'og:title')).toBe(`SEV3 · ${RTL_TITLE}`);
  });
});

describe('a very large postmortem', () => {
  it('builds its page with every timeline entry, task and paragraph', async () => {
    const html = await site.read(`incidents/${BIG_ID}/index.html`);
    expect(html.length).toBeGreaterThan(BIG_BODY_BYTES);
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('.timeline > li')).toHaveLength(BIG_TIMELINE);
    expect(doc.querySelectorAll('table.tasks tbody tr')).toHaveLength(BIG_TASKS);
    expect(html).toContain('Paragraph 0: storage node 0');
  });

  it('is indexed for search', async () => {
    const fragment = (await index.fragments()).get(`/incidents/${BIG_ID}/`);
    expect(fragment?.meta['title']).toBe('A very large postmortem');
    expect(await index.urls('Paragraph')).toContain(`/incidents/${BIG_ID}/`);
  });
});

/**
 * An invalid file among many: a postmortem pasted from a terminal (a bell in the title, a
 * colour code in the root cause, as raw bytes, the way a paste brings them) among 300 valid
 * ones. The build must stop naming that file, its lines and fields, not crash or run out of
 * memory. At 10,000 the same holds by construction (the content check reads one file at a
 * time); `npm run bench` can confirm it with its generator.
 */
const GENERATED = 300;
const PASTED_ID = '2024-01-02-pasted-from-a-terminal';

/** A valid postmortem, different for each `n`, spread over 2020-2024. */
function generatedPostmortem(n: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + n * 5 * 86_400_000);
  const start = day.toISOString().replace('.000Z', 'Z');
  const end = new Date(day.getTime() + (30 + (n % 9) * 20) * 60_000).toISOString().replace('.000Z', 'Z');
  return `---
title: Generated incident ${n} in service-${n % 17}
summary: Requests to service-${n % 17} failed for a while in generated incident ${n}.
severity: ${['SEV1', 'valueOf', 'SEV3'][n % 3]}
startedAt: ${start}
resolvedAt: ${end}
services: [service-${n % 17}${n % 5 === 0 ? ', constructor' : ''}]
impact:
  summary: Some requests failed.
rootCause:
  category: ${['constructor', 'toString', 'network'][n % 3]}
  summary: Generated cause number ${n}.
---

Generated body ${n}. ${'The queue grew and the workers could not keep up. '.repeat(1 + (n % 20))}
`;
}

describe('an invalid file among many', () => {
  let failure: BuildFailure;

  beforeAll(async () => {
    const content = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-hostile-many-'));
    await fs.mkdir(path.join(content, 'postmortems'));
    await fs.cp(path.join(fixtureContent('hostile'), 'taxonomy'), path.join(content, 'taxonomy'), {
      recursive: true,
    });
    for (let n = 0; n < GENERATED; n++) {
      const id = `${new Date(Date.UTC(2020, 0, 1) + n * 5 * 86_400_000).toISOString().slice(0, 10)}-generated-${n}`;
      await fs.writeFile(path.join(content, 'postmortems', `${id}.mdx`), generatedPostmortem(n));
    }
    const pasted = generatedPostmortem(GENERATED)
      .replace(/^title: .*$/m, 'title: Mail down\u0007 for an hour')
      .replace(
        /^ {2}summary: Generated cause .*$/m,
        '  summary: The disk said \u001b[31mFAILED\u001b[0m and nobody saw it.',
      );
    await fs.writeFile(path.join(content, 'postmortems', `${PASTED_ID}.mdx`), pasted);
    const result = await tryBuildSite(content);
    if (!('code' in result)) throw new Error('the build succeeded with a control character in a title');
    failure = result;
  }, 600_000);

  it('fails naming the file, the line and each field, with what to do', () => {
    expect(failure.output).toMatch(
      new RegExp(
        `${PASTED_ID}\\.mdx:2:\\d+ +title: contains the invisible control character U\\+0007 \\(bell\\) at character 10; delete it`,
      ),
    );
    expect(failure.output).toMatch(
      new RegExp(
        `${PASTED_ID}\\.mdx:\\d+:\\d+ +rootCause\\.summary: contains a terminal colour code \\(ESC\\[31m\\); paste the text without colours`,
      ),
    );
  });

  it('names no other file, and neither crashes nor runs out of memory', () => {
    expect(failure.output).toContain('2 problems in 1 file');
    expect(failure.output).not.toContain('-generated-');
    expect(failure.output).not.toMatch(/heap out of memory|^\s+at .+:\d+:\d+\)?$/m);
  });
});
