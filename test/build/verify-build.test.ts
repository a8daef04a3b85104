import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBuiltSite, type VerifyOptions } from '../../src/lib/verify';
import { buildSite, testTempDir, tryBuildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';

/**
 * The verification every build ends with (`src/integrations/verify-build.ts`), in real builds:
 * the browse fixture (drafts, several years, services and pages) passes it and says so in the
 * log; a copy of its output with one thing broken fails it, naming that thing; and a
 * postmortem whose body links to a heading that does not exist stops `astro build`.
 */
const browse = fixtureContent('browse');
const SITE = 'https://hindsight.test';
const CONFIG: VerifyOptions['config'] = {
  audience: 'internal',
  timezone: 'UTC',
  visibility: { default: 'internal' },
};
const QUEUE = '2024-05-31-queue-backlog';
const CONFIG_ROLLOUT = '2024-10-01-config-rollout';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(browse);
});

/** A copy of the build to break, and the verification of it as the build runs it. */
function copyOfBuild(): string {
  const dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-'));
  fs.cpSync(site.outDir, dir, { recursive: true });
  return dir;
}
const verify = (siteDir: string) =>
  verifyBuiltSite({ siteDir, contentDir: browse, config: CONFIG, site: SITE });
const edit = (dir: string, file: string, change: (text: string) => string) => {
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  const after = change(before);
  expect(after, `the edit must change ${file}`).not.toBe(before);
  fs.writeFileSync(path.join(dir, file), after);
};

describe('a build of the browse fixture', () => {
  it('is verified at its end, in one line of the log', () => {
    const line = site.output.split('\n').find((entry) => entry.includes('[hindsight:verify]'));
    expect(line).toMatch(
      /Verified 9 postmortems: one page, one search record and one entry in every list, the feed, api\/incidents\.json and the sitemap each; no broken link or anchor in \d+ pages/,
    );
  });

  it('passes the verification when checked again', () => {
    const result = verify(site.outDir);
    expect(result.findings).toEqual([]);
    expect(result.brokenLinks).toEqual([]);
    expect(result.postmortems).toBe(9);
  });
});

describe('a broken copy of the build fails the verification, naming what broke', () => {
  it('an incident removed from one list', () => {
    const dir = copyOfBuild();
    // The row of the queue backlog on its service's page, and nothing else of the page.
    edit(dir, 'services/queue/index.html', (text) =>
      text.replace(new RegExp(`<tr[\\s>](?:(?!</tr>).)*?/incidents/${QUEUE}/(?:(?!</tr>).)*?</tr>`, 's'), ''),
    );
    expect(verify(dir).findings).toEqual([{ where: 'services/queue/', id: QUEUE, problem: 'has no entry' }]);
  });

  it('an incident page duplicated under another address', () => {
    const dir = copyOfBuild();
    fs.cpSync(path.join(dir, 'incidents', QUEUE), path.join(dir, 'incidents', `${QUEUE}-copy`), {
      recursive: true,
    });
    expect(verify(dir).findings).toEqual([
      {
        where: 'incident pages',
        id: QUEUE,
        problem: `has 2 pages (incidents/${QUEUE}/index.html, incidents/${QUEUE}-copy/index.html)`,
      },
    ]);
  });

  it('a link to an anchor that is not there', () => {
    const dir = copyOfBuild();
    edit(dir, `incidents/${QUEUE}/index.html`, (text) =>
      text.replace('</main>', `<a href="../${CONFIG_ROLLOUT}/#no-such-heading">see</a></main>`),
    );
    expect(verify(dir).brokenLinks).toEqual([
      {
        from: `incidents/${QUEUE}/index.html`,
        url: `../${CONFIG_ROLLOUT}/#no-such-heading`,
        reason: `names no element with id "no-such-heading" on incidents/${CONFIG_ROLLOUT}/index.html`,
      },
    ]);
  });
});

describe('astro build', () => {
  it('stops when a postmortem links to a heading another incident does not have', async () => {
    const content = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-content-'));
    fs.cpSync(browse, content, { recursive: true });
    const file = path.join(content, 'postmortems', `${QUEUE}.md`);
    fs.appendFileSync(file, `\nSee [the config rollout](../${CONFIG_ROLLOUT}/#no-such-heading).\n`);
    const result = await tryBuildSite(content);
    expect('code' in result, 'the build must fail').toBe(true);
    expect(result.output).toContain('BuildVerificationFailed');
    expect(result.output).toContain(
      `the link ../${CONFIG_ROLLOUT}/#no-such-heading names no element with id "no-such-heading" on incidents/${CONFIG_ROLLOUT}/index.html (in incidents/${QUEUE}/index.html)`,
    );
  });
});
