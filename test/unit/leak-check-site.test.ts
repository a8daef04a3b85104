import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/lib/leak-check';
import { resolveConfig } from '../../src/lib/site-config';
import { testTempDir } from '../helpers/build-site';

/**
 * `checkBuiltSite` on small folders written here: a content folder with one internal and one
 * public postmortem, and a built site with the kinds of files a real build has.
 */
const INTERNAL_ID = '2024-03-05-orchid-cache-eviction-storm';
const PUBLIC_ID = '2024-04-10-sign-in-slow';
const INTERNAL_TITLE = 'Orchid cache eviction storm emptied the session store';
const INTERNAL_BODY =
  'The Orchid cluster keeps sessions for the web app in three racks of the Tollgate data centre.';
const SHARED = 'Sessions are kept for thirty days and renewed on every visit to the site.';
const TAXONOMY = 'Demand outgrew a limit, such as CPU, memory, disk space, connection pools or quotas.';

let root: string;
let site: string;
let content: string;
const write = (file: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const check = (options: object = {}) =>
  checkBuiltSite({ siteDir: site, contentDir: content, config: resolveConfig(options, {}), cwd: root });

beforeEach(() => {
  root = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-leak-check-'));
  site = path.join(root, 'dist');
  content = path.join(root, 'content');
  write(
    path.join(content, 'postmortems', `${INTERNAL_ID}.md`),
    `---\ntitle: ${INTERNAL_TITLE}\nvisibility: internal\nsummary: ${SHARED}\n---\n\n${INTERNAL_BODY}\n\n${TAXONOMY}\n`,
  );
  write(
    path.join(content, 'postmortems', `${PUBLIC_ID}.md`),
    `---\ntitle: Sign-in was slow\nvisibility: public\nsummary: ${SHARED}\nauthors: [Tobiah Frankwell]\n---\n\nThe store warmed up.\n`,
  );
  write(
    path.join(content, 'taxonomy', 'root-causes.yaml'),
    `- id: capacity\n  label: Capacity\n  description: ${TAXONOMY}\n`,
  );
  write(path.join(site, 'index.html'), `<h1>Hindsight</h1><p>${SHARED}</p><p>${TAXONOMY}</p>`);
  write(
    path.join(site, 'incidents', PUBLIC_ID, 'index.html'),
    '<h1>Sign-in was slow</h1><p>The store warmed up.</p>',
  );
  write(
    path.join(site, 'pagefind', 'fragment', 'en_1.pf_fragment'),
    zlib.gzipSync(`pagefind_dcd${JSON.stringify({ url: `/incidents/${PUBLIC_ID}/`, content: SHARED })}`),
  );
});

const found = (result: ReturnType<typeof check>) =>
  result.leaks.map((leak) => `${leak.file}: ${leak.needle.kind} ${leak.needle.source}`).sort();

describe('checking a built folder', () => {
  it('passes a site with public text only, text the internal one shares, and site-wide text', () => {
    const result = check();
    expect(result.leaks).toEqual([]);
    expect(result).toMatchObject({ files: 3, compressedFiles: 1, leftOut: 1, included: 1, problems: [] });
    expect(result.needles).toMatchObject({ id: 1, title: 1, passage: 4, 'internal-field': 1 });
  });

  it('finds an internal passage in a gzip-compressed search fragment', () => {
    const fragment = `pagefind_dcd${JSON.stringify({ url: '/x/', content: `Before. ${INTERNAL_BODY}` })}`;
    write(path.join(site, 'pagefind', 'fragment', 'en_2.pf_fragment'), zlib.gzipSync(fragment));
    const [leak, ...rest] = check().leaks;
    expect(rest).toEqual([]);
    expect(leak).toMatchObject({
      file: 'pagefind/fragment/en_2.pf_fragment',
      compression: 'gzip',
      needle: {
        kind: 'passage',
        field: 'body',
        source: path.join('content', 'postmortems', `${INTERNAL_ID}.md`),
      },
      quote: expect.stringMatching(/^The Orchid cluster keeps sessions for the web app .*…$/),
    });
  });

  it('finds an internal title escaped in JSON, and an internal id in a file name', () => {
    write(
      path.join(site, 'api', 'incidents.json'),
      JSON.stringify([{ title: INTERNAL_TITLE.replace('the', '\u0074he') }]),
    );
    write(path.join(site, 'incidents', INTERNAL_ID, 'notes.txt'), 'nothing here');
    expect(found(check())).toEqual([
      `api/incidents.json: title ${path.join('content', 'postmortems', `${INTERNAL_ID}.md`)}`,
      `incidents/${INTERNAL_ID}/notes.txt: id ${path.join('content', 'postmortems', `${INTERNAL_ID}.md`)}`,
    ]);
  });

  it('finds a public postmortem’s internal-only field and a never-publish phrase', () => {
    write(
      path.join(site, 'incidents', PUBLIC_ID, 'index.html'),
      '<p>By <b>Tobiah</b> Frankwell in Tollgate.</p>',
    );
    expect(found(check({ visibility: { neverPublish: ['tollgate'] } }))).toEqual([
      `incidents/${PUBLIC_ID}/index.html: internal-field ${path.join('content', 'postmortems', `${PUBLIC_ID}.md`)}`,
      `incidents/${PUBLIC_ID}/index.html: never-publish hindsight({ visibility.neverPublish })`,
    ]);
  });

  it('looks for a public postmortem that the configuration makes internal by default', () => {
    write(
      path.join(content, 'postmortems', '2024-05-01-unmarked-quota-outage.md'),
      '---\ntitle: Unmarked quota outage in the Tollgate region\n---\n',
    );
    write(path.join(site, 'rss.xml'), '<title>Unmarked quota outage in the Tollgate region</title>');
    expect(found(check())).toEqual([
      `rss.xml: title ${path.join('content', 'postmortems', '2024-05-01-unmarked-quota-outage.md')}`,
    ]);
    expect(check({ visibility: { default: 'public' } }).leaks).toEqual([]);
  });
});
