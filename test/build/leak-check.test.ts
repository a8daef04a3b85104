import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltSite, formatLeaks } from '../../src/lib/leak-check';
import { resolveConfig } from '../../src/lib/site-config';
import { buildSite, projectRoot, testTempDir, tryBuildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';

/**
 * The leak check in real builds. `test/fixtures/visibility/` (three public postmortems, three
 * internal ones related to them, a public draft, an `<Internal>` block) must pass it when built
 * for the public; the same build with an internal page, title or passage forced into it must
 * not. `test/fixtures/leak-check/` holds public postmortems that leak by themselves, which must
 * stop `astro build`.
 */
const visibility = fixtureContent('visibility');
const QUARTZMOTH = '2023-09-14-quartzmoth-ledger-payment-timeouts';
const QUARTZMOTH_FILE = path.join('test/fixtures/visibility/content/postmortems', `${QUARTZMOTH}.md`);
const QUARTZMOTH_TITLE = 'Quartzmoth ledger replica stalled payment capture for enterprise accounts';
const KESTRELVAULT_FILE =
  'test/fixtures/visibility/content/postmortems/2022-10-30-kestrelvault-certificate-expired.md';
const KESTRELVAULT_PASSAGE =
  'the support rota in the Harrowgate office could not reach the admin console until the vault was unsealed';

const PUBLIC = { env: { HINDSIGHT_AUDIENCE: 'public' } };
/** The options the test config builds with, as the check must read them. */
const CONFIG = resolveConfig({ title: 'Hindsight', site: 'https://hindsight.test' }, {});

let publicSite: BuiltSite;
let internalSite: BuiltSite;

beforeAll(async () => {
  publicSite = await buildSite(visibility, PUBLIC);
  internalSite = await buildSite(visibility);
});

/** A copy of the public build to break, checked as the build checks it. */
function copyOfPublicBuild(): string {
  const dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-leak-'));
  fs.cpSync(publicSite.outDir, dir, { recursive: true });
  return dir;
}
const check = (siteDir: string) =>
  checkBuiltSite({ siteDir, contentDir: visibility, config: CONFIG, cwd: projectRoot });
const findings = (siteDir: string) =>
  check(siteDir).leaks.map((leak) => [
    leak.file,
    leak.needle.kind,
    leak.needle.source,
    leak.compression ?? '',
  ]);

describe('a public build of the visibility fixture', () => {
  it('passes the leak check, which says in the build log what it read and what it looked for', () => {
    const line = publicSite.output.split('\n').find((entry) => entry.includes('[hindsight:leak-check]'));
    expect(line).toMatch(
      /Leak check: no leaks in \d+ files \([1-9]\d* decompressed\), looking for 4 ids, 4 titles, \d+ passages, \d+ internal-only values, 0 never-publish phrases \(\d+ runs of words\) from 4 postmortems left out and 3 public postmortems/,
    );
  });

  it('is checked after the search index is written: the index files are among those read', () => {
    const result = check(publicSite.outDir);
    expect(result.leaks).toEqual([]);
    const fragments = fs.readdirSync(path.join(publicSite.outDir, 'pagefind', 'fragment'));
    expect(fragments).toHaveLength(3);
    expect(result.compressedFiles).toBeGreaterThanOrEqual(fragments.length);
  });

  it('is not checked when built for the internal audience', () => {
    expect(internalSite.output).not.toContain('Leak check');
    expect(fs.existsSync(path.join(internalSite.outDir, 'incidents', QUARTZMOTH, 'index.html'))).toBe(true);
  });
});

describe('a leak forced into the public build', () => {
  it('an internal postmortem’s page copied in from the internal build: its id, title and text', () => {
    const dir = copyOfPublicBuild();
    fs.cpSync(
      path.join(internalSite.outDir, 'incidents', QUARTZMOTH),
      path.join(dir, 'incidents', QUARTZMOTH),
      {
        recursive: true,
      },
    );
    const page = `incidents/${QUARTZMOTH}/index.html`;
    expect(findings(dir)).toEqual(
      expect.arrayContaining([
        [page, 'id', QUARTZMOTH_FILE, ''],
        [page, 'title', QUARTZMOTH_FILE, ''],
        [page, 'passage', QUARTZMOTH_FILE, ''],
      ]),
    );
    const report = formatLeaks(check(dir), 'The public build');
    expect(report).toContain(`${QUARTZMOTH_FILE} (internal: left out of public builds):`);
    expect(report).toContain(`  id "${QUARTZMOTH}" in ${page}`);
    expect(report).toContain(`  title "${QUARTZMOTH_TITLE}" in ${page}`);
  });

  it('an internal title written into a JSON file', () => {
    const dir = copyOfPublicBuild();
    const api = path.join(dir, 'api', 'incidents.json');
    const json = JSON.parse(fs.readFileSync(api, 'utf8')) as { incidents: { title: string }[] };
    expect(json.incidents).toHaveLength(3);
    (json.incidents[0] as { title: string }).title = QUARTZMOTH_TITLE;
    fs.writeFileSync(api, JSON.stringify(json));
    expect(findings(dir)).toEqual([['api/incidents.json', 'title', QUARTZMOTH_FILE, '']]);
  });

  it('an internal passage inside a gzip-compressed search fragment', () => {
    const dir = copyOfPublicBuild();
    const fragmentDir = path.join(dir, 'pagefind', 'fragment');
    const name = fs.readdirSync(fragmentDir)[0] ?? '';
    const file = path.join(fragmentDir, name);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text.startsWith('pagefind_dcd{')).toBe(true);
    const fragment = JSON.parse(text.slice('pagefind_dcd'.length)) as { content: string };
    fragment.content += ` Then ${KESTRELVAULT_PASSAGE}.`;
    fs.writeFileSync(file, zlib.gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`));
    expect(findings(dir)).toEqual([[`pagefind/fragment/${name}`, 'passage', KESTRELVAULT_FILE, 'gzip']]);
    expect(formatLeaks(check(dir), 'The public build')).toContain(
      `  passage of body "the support rota in the Harrowgate office could not reach the admin console until the…" in pagefind/fragment/${name} (gzip, decompressed)`,
    );
  });
});

describe('a public build that leaks by itself', () => {
  /** Builds a leak-check fixture for the public into a folder of our choosing, to see what is left of it. */
  async function failedPublicBuild(fixture: string, config: Record<string, unknown> = {}) {
    const outDir = path.join(fs.mkdtempSync(path.join(testTempDir(), 'hindsight-leaky-')), 'dist');
    const result = await tryBuildSite(
      path.join(projectRoot, 'test/fixtures/leak-check', fixture, 'content'),
      {
        ...PUBLIC,
        config,
        outDir,
      },
    );
    expect('code' in result && result.code).not.toBe(0);
    expect(result.output).toContain('[PublicBuildLeak]');
    // One explained error, not a trace into the integration.
    expect(result.output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    return { output: result.output, outDir };
  }

  it('stops when a public postmortem links to an internal one and quotes its title, and deletes the build', async () => {
    const { output, outDir } = await failedPublicBuild('linked');
    const source =
      'test/fixtures/leak-check/linked/content/postmortems/2024-03-05-orchid-cache-eviction-storm.md';
    const page = 'incidents/2024-04-10-sign-in-slow-after-session-store-restart/index.html';
    expect(output).toContain(`${source} (internal: left out of public builds):`);
    expect(output).toContain(`  id "2024-03-05-orchid-cache-eviction-storm" in ${page}`);
    // The page quotes the title in its write-up, which the search index holds only as distinct
    // words (search-document.ts), so the page is where the title is found.
    expect(output).toContain(`  title "Orchid cache eviction storm emptied the session store" in ${page}`);
    expect(output).toContain('was deleted, so that it cannot be deployed by mistake.');
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('stops on a never-publish phrase, set in the configuration', async () => {
    const { output } = await failedPublicBuild('never-publish', {
      visibility: { neverPublish: ['Gallowglass'] },
    });
    expect(output).toContain('hindsight({ visibility.neverPublish }) (never to be published):');
    expect(output).toMatch(
      /^ {2}never-publish phrase "Gallowglass" in incidents\/2024-06-02-search-results-stale-after-reindex\/index\.html, .*pagefind\/fragment\/\S+ \(gzip, decompressed\)/m,
    );
  });
});
