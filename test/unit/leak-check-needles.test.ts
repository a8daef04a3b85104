import { describe, expect, it } from 'vitest';
import type { Needle } from '../../src/lib/leak-check/needle-index';
import {
  inPublicBuild,
  isDistinctiveValue,
  NEVER_PUBLISH_SOURCE,
  selectNeedles,
  type NeedleOptions,
} from '../../src/lib/leak-check/needles';
import { bodyText, valuesAt } from '../../src/lib/leak-check/postmortem-text';
import { parsePostmortem } from '../../src/lib/source-postmortems';

/** A postmortem file as the check reads it: frontmatter lines, then a body. */
const postmortem = (file: string, frontmatter: string, body = '') =>
  parsePostmortem(file, `---\n${frontmatter.trim()}\n---\n${body}`);

const OPTIONS: NeedleOptions = {
  visibility: {
    default: 'internal',
    internalFields: ['authors', 'tasks.owner', 'tasks.link'],
    neverPublish: [],
  },
};

const LEDGER = postmortem(
  'pm/2023-09-14-quartzmoth-ledger.md',
  `
title: Quartzmoth ledger replica stalled payment capture
summary: The Quartzmoth ledger replica stopped applying writes and payment capture timed out.
visibility: internal
rootCause:
  summary: Short cause.
  contributingFactors:
    - No alert watched the expiry date of the certificate.
timeline:
  - at: 2023-09-14T07:40:00Z
    text: Paged the billing team.
`,
  '\nThe replica sits between billing and the payment provider for enterprise accounts in rack K-17.\n\n## Detection\n',
);
const CHECKOUT = postmortem(
  'pm/2023-04-11-checkout.md',
  `
title: Checkout errors while our payment provider timed out
summary: Checkout failed for a third of customers while the provider was slow.
visibility: public
rootCause:
  summary: Retries without backoff.
  contributingFactors:
    - No alert watched the expiry date of the certificate.
tasks:
  - title: Add backoff to charge retries
    type: prevent
    owner: Tamsin Oyelaran-Frost
    link: https://tracker.example.test/WEB-902
  - title: Page the payments team on provider latency
    type: detect
    owner: dana
authors: [Tobiah Frankwell]
related: [2023-09-14-quartzmoth-ledger]
`,
  '\nCharges slowed down.\n',
);

const of = (needles: Needle[], source: string) => needles.filter((needle) => needle.source === source);
const texts = (needles: Needle[]) =>
  needles.map((needle) => `${needle.kind} ${needle.field}: ${needle.text}`);

describe('which postmortems a public build leaves out', () => {
  it('keeps public ones that are not drafts, by their own visibility or the site default', () => {
    const draft = postmortem('pm/x.md', 'title: x\nvisibility: public\nstatus: draft');
    const unset = postmortem('pm/y.md', 'title: y');
    expect(inPublicBuild(CHECKOUT, 'internal')).toBe(true);
    expect(inPublicBuild(LEDGER, 'public')).toBe(false);
    expect(inPublicBuild(draft, 'public')).toBe(false);
    expect(inPublicBuild(unset, 'internal')).toBe(false);
    expect(inPublicBuild(unset, 'public')).toBe(true);
  });

  it('leaves out anything it cannot read or that is not exactly public', () => {
    expect(inPublicBuild(parsePostmortem('pm/z.md', '---\ntitle: [unclosed\n---\n'), 'public')).toBe(false);
    expect(inPublicBuild(postmortem('pm/w.md', 'title: w\nvisibility: Public'), 'internal')).toBe(false);
  });
});

describe('what a public build must not contain', () => {
  const selection = selectNeedles([LEDGER, CHECKOUT], OPTIONS);
  const ledger = of(selection.needles, LEDGER.file);

  it('of a left-out postmortem: its id as a slug, its title, and its passages of eight words or more', () => {
    expect(selection.leftOut).toEqual([LEDGER.file]);
    expect(selection.included).toEqual([CHECKOUT.file]);
    expect(texts(ledger)).toEqual([
      'id id: 2023-09-14-quartzmoth-ledger',
      'title title: Quartzmoth ledger replica stalled payment capture',
      'passage summary: The Quartzmoth ledger replica stopped applying writes and payment capture timed out.',
      'passage rootCause.contributingFactors.0: No alert watched the expiry date of the certificate.',
      'passage body: The replica sits between billing and the payment provider for enterprise accounts in rack K-17.',
    ]);
    expect(ledger.find((needle) => needle.kind === 'id')).toMatchObject({ exact: true, excusable: false });
    expect(ledger.find((needle) => needle.kind === 'title')).toMatchObject({
      match: 'whole',
      excusable: false,
    });
    expect(ledger.filter((needle) => needle.kind === 'passage').every((needle) => needle.excusable)).toBe(
      true,
    );
  });

  it('looks for an id that is a common word only as part of an incident URL', () => {
    const short = postmortem('pm/outage.md', 'title: An outage\nvisibility: internal');
    const needles = selectNeedles([short], OPTIONS).needles;
    expect(needles.find((needle) => needle.kind === 'id')?.text).toBe('incidents/outage');
  });

  it('leaves out titles under three words, and a title a public postmortem also has', () => {
    const twoWords = postmortem('pm/a.md', 'title: Database outage\nvisibility: internal');
    const sameTitle = postmortem(
      'pm/b.md',
      `title: '${String(CHECKOUT.data?.['title'])}'\nvisibility: internal`,
    );
    const kinds = of(selectNeedles([twoWords, sameTitle, CHECKOUT], OPTIONS).needles, 'pm/b.md');
    expect(of(selectNeedles([twoWords], OPTIONS).needles, 'pm/a.md').map((n) => n.kind)).toEqual(['id']);
    expect(kinds.map((needle) => needle.kind)).toEqual(['id', 'passage']);
  });

  it('of a public postmortem: the values of its internal-only fields long enough not to match by chance', () => {
    const internalOnly = of(selection.needles, CHECKOUT.file);
    expect(texts(internalOnly)).toEqual([
      'internal-field authors.0: Tobiah Frankwell',
      'internal-field tasks.0.owner: Tamsin Oyelaran-Frost',
      'internal-field tasks.0.link: https://tracker.example.test/WEB-902',
    ]);
    // "dana" alone would turn up anywhere; it is counted as not looked for.
    expect(selection.tooShort).toBe(1);
  });

  it('takes what public postmortems publish as allowed, without their internal-only fields or related ids', () => {
    expect(selection.allowed).toContain('No alert watched the expiry date of the certificate.');
    expect(selection.allowed).toContain('Charges slowed down.');
    expect(selection.allowed).toContain(CHECKOUT.id);
    expect(selection.allowed).not.toContain('Tobiah Frankwell');
    expect(selection.allowed).not.toContain('Tamsin Oyelaran-Frost');
    expect(selection.allowed).not.toContain('2023-09-14-quartzmoth-ledger');
  });

  it('treats a whole internal-only field as internal-only, long text as passages', () => {
    const options = { visibility: { ...OPTIONS.visibility, internalFields: ['timeline' as const] } };
    const withTimeline = postmortem(
      'pm/t.md',
      `
title: t
visibility: public
timeline:
  - at: 2024-01-01T00:00:00Z
    kind: detection
    text: The enterprise billing desk reports failed renewals from rack K-17 customers.
  - at: 2024-01-01T01:00:00Z
    text: Paged Harrowgate.
`,
    );
    const selected = selectNeedles([withTimeline], options);
    expect(selected.needles.map((needle) => [needle.field, needle.match])).toEqual([
      ['timeline.0.text', 'windows'],
      ['timeline.1.text', 'whole'],
    ]);
    expect(selected.tooShort).toBe(0);
  });

  it('of a public postmortem: the text of its <Internal> blocks', () => {
    const mdx = postmortem(
      'pm/p2.mdx',
      'title: Status page\nvisibility: public',
      '\nThe certificate expired.\n\n<Internal>\nThe renewal cron ran on sp-edge-07 under the Larkspur account.\n</Internal>\n\nSo we renewed it. <Internal>Ask Larkspur owners</Internal>\n',
    );
    const selected = selectNeedles([mdx], OPTIONS);
    expect(texts(selected.needles)).toEqual([
      'internal-block body: The renewal cron ran on sp-edge-07 under the Larkspur account.',
      'internal-block body: Ask Larkspur owners',
    ]);
    expect(selected.allowed.join('\n')).not.toContain('Larkspur');
  });

  it('adds every never-publish phrase, and reports one that has no words', () => {
    const options = {
      visibility: { ...OPTIONS.visibility, neverPublish: ['Quartzmoth', 'db-prod-01', '---'] },
    };
    const selected = selectNeedles([], options);
    expect(selected.needles.map((needle) => [needle.kind, needle.source, needle.text])).toEqual([
      ['never-publish', NEVER_PUBLISH_SOURCE, 'Quartzmoth'],
      ['never-publish', NEVER_PUBLISH_SOURCE, 'db-prod-01'],
    ]);
    expect(selected.problems).toEqual([expect.stringContaining('"---" has no letters or digits')]);
  });
});

describe('distinctive values', () => {
  it.each([
    ['Dana Whitfield', true],
    ['storage-team', true],
    ['https://tracker.example.test/OPS-123', true],
    ['dana', false],
    ['Sam Li', false],
    ['2024-06-30', false],
    ['42', false],
  ])('%s: %s', (value, distinctive) => {
    expect(isDistinctiveValue(value)).toBe(distinctive);
  });
});

describe('reading a body', () => {
  it('reads MDX as the page renders it: no imports, expressions or comments, attribute text kept', () => {
    const body = bodyText(
      [
        "import Chart from '../../components/Chart.astro';",
        'export const peak = 2400;',
        '',
        '{/* Write for a colleague who was not there. */}',
        '',
        'Requests peaked at {peak} a second.',
        '',
        '<Figure caption="Latency on the Orchid cluster">',
        '',
        '![The queue of the Orchid cluster](./queue.png)',
        '',
        '</Figure>',
        '',
        '| When | What |',
        '| ---- | ---- |',
        '| 10:00 | Paged |',
      ].join('\n'),
      true,
    );
    expect(body.published).toEqual([
      'Requests peaked at   a second.',
      'Latency on the Orchid cluster',
      'The queue of the Orchid cluster',
      'When What',
      '10:00 Paged',
    ]);
    expect(body.internal).toEqual([]);
  });

  it('reads Markdown as Markdown: braces are text, HTML comments are not', () => {
    const body = bodyText(
      'A literal {tenant} here.\n\n<!-- reviewer note -->\n\n<details>Hidden Orchid text</details>\n',
      false,
    );
    expect(body.published).toEqual(['A literal {tenant} here.', 'Hidden Orchid text']);
  });

  it('counts <Internal> in a .md body as internal too', () => {
    const body = bodyText('Shown.\n\n<Internal>\nThe Orchid cluster.\n</Internal>\n', false);
    expect(body).toEqual({ published: ['Shown.'], internal: ['The Orchid cluster.'] });
  });
});

describe('values at a field path', () => {
  const data = {
    tasks: [{ title: 'A', owner: 'x' }, { title: 'B' }],
    impact: { summary: 'S', usersAffectedPercent: 30 },
  };

  it('walks lists item by item and gives every value under a map', () => {
    expect(valuesAt(data, 'tasks.owner')).toEqual([{ field: 'tasks.0.owner', text: 'x' }]);
    expect(valuesAt(data, 'tasks').map((item) => item.field)).toEqual([
      'tasks.0.title',
      'tasks.0.owner',
      'tasks.1.title',
    ]);
    expect(valuesAt(data, 'impact.usersAffectedPercent')).toEqual([
      { field: 'impact.usersAffectedPercent', text: '30' },
    ]);
    expect(valuesAt(undefined, 'authors')).toEqual([]);
  });
});
