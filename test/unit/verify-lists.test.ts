import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listsOf } from '../../src/lib/verify/expected';
import { checkLists, listOfPage } from '../../src/lib/verify/lists';
import { scanSite } from '../../src/lib/verify/site-scan';
import { testTempDir } from '../helpers/build-site';
import { buildPostmortem, edit, write, writeDist, type SyntheticPostmortem } from './verify-site';

const PMS: SyntheticPostmortem[] = [
  { id: 'a', services: ['email', 'dns'] },
  { id: 'b', startedAt: '2023-02-01T00:00:00Z', rootCause: 'network', severity: 'SEV1' },
  { id: 'c' },
];
const A = buildPostmortem('a', { services: ['email', 'dns'] });
const BUILD = [
  A,
  buildPostmortem('b', { year: 2023, rootCause: 'network', severity: 'SEV1' }),
  buildPostmortem('c'),
];

const dist = (pageSize = 100) =>
  writeDist(fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-lists-')), PMS, { pageSize });
const check = (dir: string) => checkLists(scanSite(dir), BUILD, '/');

describe('listOfPage', () => {
  it('names the list a page belongs to, from page 1 or a later page', () => {
    expect(
      [
        'incidents/index.html',
        'incidents/page/3/index.html',
        'services/email/index.html',
        'services/email/page/2/index.html',
        'years/2024/index.html',
        'services/page/2/index.html',
        'services/index.html',
        'incidents/a/index.html',
        'guide/index.html',
      ].map(listOfPage),
    ).toEqual([
      'incidents',
      'incidents',
      'services/email',
      'services/email',
      'years/2024',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('listsOf', () => {
  it('puts a postmortem in all incidents, its root cause, each service, its severity and its year', () => {
    expect(listsOf(A)).toEqual([
      'incidents',
      'root-causes/hardware',
      'services/email',
      'services/dns',
      'severities/SEV2',
      'years/2024',
    ]);
  });
});

describe('checkLists', () => {
  it('passes when every list holds each of its incidents once, across all its pages', () => {
    expect(check(dist())).toEqual([]);
    expect(check(dist(1))).toEqual([]);
  });

  it('names an incident missing from one page of a list, and one listed twice', () => {
    const dir = dist(1);
    // Page 2 of all incidents lists `a` instead of `b`; `b` is then missing and `a` doubled.
    edit(dir, 'incidents/page/2/index.html', (text) => text.replaceAll('/incidents/b/', '/incidents/a/'));
    expect(check(dir)).toEqual([
      {
        where: 'incidents/',
        id: 'a',
        problem: 'has 2 entries (incidents/index.html, incidents/page/2/index.html)',
      },
      { where: 'incidents/', id: 'b', problem: 'has no entry' },
    ]);
  });

  it('names an incident in a list it does not belong in, and one that is not in the build', () => {
    const dir = dist();
    edit(dir, 'services/dns/index.html', (text) =>
      text.replace(
        '</tbody>',
        '<tr><td><a href="../../incidents/c/">C</a></td></tr><tr><td><a href="/incidents/secret/">S</a></td></tr></tbody>',
      ),
    );
    expect(check(dir)).toEqual([
      {
        where: 'services/dns/',
        id: 'c',
        problem: 'is listed, though it does not belong in this list (services/dns/index.html)',
      },
      {
        where: 'services/dns/',
        id: 'secret',
        problem: 'is not in the build, yet is listed (services/dns/index.html)',
      },
    ]);
  });

  it('names a list with no page, and a service page for no incident in the build', () => {
    const dir = dist();
    fs.rmSync(path.join(dir, 'years/2023'), { recursive: true });
    write(dir, 'services/billing/index.html', '<html><body><table><tbody></tbody></table></body></html>');
    expect(check(dir)).toEqual([
      { where: 'years/2023/', problem: 'has no page, though 1 incidents belong in it' },
      { where: 'services/billing/', problem: 'is a list of no incident in the build' },
    ]);
  });

  it('keeps the page of an empty root cause or severity, which the taxonomy lists', () => {
    const dir = dist();
    write(dir, 'root-causes/dns/index.html', '<html><body><p>No incidents yet.</p></body></html>');
    write(dir, 'severities/SEV4/index.html', '<html><body><p>No incidents yet.</p></body></html>');
    expect(check(dir)).toEqual([]);
  });
});
