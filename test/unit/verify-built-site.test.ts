import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterSubset, parsePostmortem } from '../../src/lib/source-postmortems';
import { postmortemsInBuild } from '../../src/lib/verify/expected';
import { formatFailure, formatVerified, verifyBuiltSite, type VerifyOptions } from '../../src/lib/verify';
import { testTempDir } from '../helpers/build-site';
import { SITE, writeContent, writeDist, type SyntheticPostmortem } from './verify-site';

const CONFIG: VerifyOptions['config'] = {
  audience: 'internal',
  timezone: 'UTC',
  visibility: { default: 'internal' },
};

function site(postmortems: readonly SyntheticPostmortem[], inDist = postmortems) {
  const root = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-'));
  return { contentDir: writeContent(root, postmortems), siteDir: writeDist(root, inDist), root };
}

describe('postmortemsInBuild', () => {
  it('reads the postmortems a build shows from their files: no drafts, and in a public build only public ones', () => {
    const { contentDir } = site([
      { id: 'a', visibility: 'public' },
      { id: 'b' },
      { id: 'c', status: 'draft', visibility: 'public' },
      { id: 'd', status: 'in-review' },
    ]);
    const ids = (audience: 'internal' | 'public', defaultVisibility: 'internal' | 'public' = 'internal') =>
      postmortemsInBuild(contentDir, { audience, defaultVisibility, timeZone: 'UTC' }).map((pm) => pm.id);
    expect(ids('internal')).toEqual(['a', 'b', 'd']);
    expect(ids('public')).toEqual(['a']);
    expect(ids('public', 'public')).toEqual(['a', 'b', 'd']);
  });

  it('reads the start year on the calendar of the site’s time zone, as the year archive does', () => {
    const { contentDir } = site([{ id: 'a', startedAt: '2024-01-01T02:30:00Z', services: ['dns', 'email'] }]);
    const read = (timeZone: string) =>
      postmortemsInBuild(contentDir, { audience: 'internal', defaultVisibility: 'internal', timeZone })[0];
    expect(read('UTC')).toMatchObject({
      year: 2024,
      severity: 'SEV2',
      rootCause: 'hardware',
      services: ['dns', 'email'],
      status: 'published',
    });
    expect(read('America/New_York')?.year).toBe(2023);
  });
});

describe('verifyBuiltSite', () => {
  it('passes a complete build and says in one line what it verified', () => {
    const { contentDir, siteDir } = site([
      { id: 'a' },
      { id: 'b', services: ['dns'] },
      { id: 'c', status: 'draft' },
    ]);
    const result = verifyBuiltSite({ siteDir, contentDir, config: CONFIG, site: SITE });
    expect(result).toMatchObject({ postmortems: 2, records: 2, findings: [], brokenLinks: [] });
    expect(formatVerified(result)).toMatch(
      /^Verified 2 postmortems: one page, one search record and one entry in every list, the feed, api\/incidents\.json and the sitemap each; no broken link or anchor in \d+ pages \(\d+ files read in \d+ ms\)\.$/,
    );
  });

  it('fails a build that lost a postmortem, naming it wherever it is missing', () => {
    const { contentDir, siteDir } = site([{ id: 'a' }, { id: 'b' }], [{ id: 'a' }]);
    const result = verifyBuiltSite({ siteDir, contentDir, config: CONFIG, site: SITE });
    expect(result.brokenLinks).toEqual([]);
    expect(
      result.findings.map((finding) => `${finding.where}: ${finding.id ?? ''} ${finding.problem}`),
    ).toEqual([
      'incident pages: b has no page',
      'the search index: b has no record',
      'incidents/: b has no entry',
      'root-causes/hardware/: b has no entry',
      'services/email/: b has no entry',
      'severities/SEV2/: b has no entry',
      'years/2024/: b has no entry',
      'rss.xml: b has no entry',
      'api/incidents.json: b has no entry',
      'the sitemap: b has no entry',
    ]);
  });

  it('fails a public build that carries an internal postmortem, as one that is not in the build', () => {
    const { contentDir, siteDir } = site([{ id: 'a', visibility: 'public' }, { id: 'b' }]);
    const result = verifyBuiltSite({
      siteDir,
      contentDir,
      config: { ...CONFIG, audience: 'public' },
      site: SITE,
    });
    expect(result.findings.filter((finding) => finding.id === 'b').map((finding) => finding.where)).toEqual([
      'incident pages',
      'the search index',
      'incidents/',
      'root-causes/hardware/',
      'services/email/',
      'severities/SEV2/',
      'years/2024/',
      'rss.xml',
      'api/incidents.json',
      'the sitemap',
    ]);
  });
});

describe('formatFailure', () => {
  it('lists each problem on a line, a broken link once with the files it is in, and counts what it leaves out', () => {
    const { contentDir, siteDir } = site([{ id: 'a' }, { id: 'b' }]);
    fs.rmSync(path.join(siteDir, 'incidents/b'), { recursive: true });
    const result = verifyBuiltSite({ siteDir, contentDir, config: CONFIG, site: SITE });
    const report = formatFailure(result);
    expect(report.split('\n')[0]).toBe(
      'The build is incomplete or broken (1 missing, duplicated or unexpected, 8 broken links), checked against the 2 postmortems that belong in it:',
    );
    expect(report).toContain('  incident pages: b has no page');
    expect(report).toContain(
      '  the link /incidents/b/ names no file in the build (in incidents/index.html, root-causes/hardware/index.html, services/email/index.html and 3 more files)',
    );
    const short = formatFailure(result, 1).split('\n');
    expect(short).toHaveLength(3);
    expect(short[2]).toBe('  … and 2 more.');
  });
});

describe('reading only the keys the verification needs', () => {
  const KEYS = new Set(['status', 'services', 'rootCause']);

  it('keeps those top-level keys with everything under them, list items at column 0 included', () => {
    const yaml = [
      'title: "Status: a colon in a title"',
      'status: published',
      'services:',
      '- email',
      '- dns',
      '# a comment',
      'summary: >',
      '  status: not a key',
      'rootCause:',
      '  category: hardware',
      '',
      '"tags": [a]',
    ].join('\n');
    expect(frontmatterSubset(yaml, KEYS)).toBe(
      [
        'status: published',
        'services:',
        '- email',
        '- dns',
        '# a comment',
        'rootCause:',
        '  category: hardware',
        '',
      ].join('\n'),
    );
  });

  it('reads what the whole frontmatter says, and parses it whole when the subset cannot stand alone', () => {
    const file = (yaml: string) => `---\n${yaml}\n---\nBody.\n`;
    const aliased = file('base: &svc [email, dns]\nservices: *svc\nstatus: draft');
    expect(parsePostmortem('a.md', aliased, KEYS).data).toEqual(parsePostmortem('a.md', aliased).data);
    expect(parsePostmortem('a.md', aliased, KEYS).data?.['services']).toEqual(['email', 'dns']);
    const flow = file('{ status: draft, services: [email] }');
    expect(frontmatterSubset('{ status: draft, services: [email] }', KEYS)).toBeUndefined();
    expect(parsePostmortem('a.md', flow, KEYS).data).toEqual({ status: 'draft', services: ['email'] });
    expect(parsePostmortem('a.md', file('title: x\nstatus: in-review'), KEYS).data).toEqual({
      status: 'in-review',
    });
  });
});
