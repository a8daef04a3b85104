import { describe, expect, it } from 'vitest';
import { textViews } from '../../src/lib/leak-check/decode';
import { NeedleIndex, PASSAGE_WORDS, type Needle } from '../../src/lib/leak-check/needle-index';

const needle = (text: string, overrides: Partial<Needle> = {}): Needle => ({
  kind: 'passage',
  source: 'pm/a.md',
  reason: 'internal',
  field: 'body',
  text,
  match: 'windows',
  excusable: true,
  ...overrides,
});

/** The needles found in a built file's text, read the way the check reads files. */
const found = (index: NeedleIndex, text: string) =>
  [...new Set(textViews(text).flatMap((view) => index.find(view).map((hit) => hit.needle)))].sort();

const PASSAGE =
  'The Quartzmoth ledger replica sits between billing and the payment provider for enterprise accounts.';

describe('passages', () => {
  const index = new NeedleIndex([needle(PASSAGE)]);

  it('are found from any run of eight words, in any case, through markup and escapes', () => {
    expect(PASSAGE_WORDS).toBe(8);
    expect(found(index, '<p>…sits <em>between</em> BILLING and the payment provider for…</p>')).toEqual([0]);
    expect(
      found(index, '{"content":"ledger replica sits between billing and the payment\\nprovider"}'),
    ).toEqual([0]);
    expect(
      found(index, '<meta content="replica sits between billing &amp; the payment provider for">'),
    ).toEqual([]);
  });

  it('of exactly eight words are found, and only whole', () => {
    const eight = new NeedleIndex([needle('Orchid cache eviction storm emptied the session store')]);
    expect(eight.runCount).toBe(1);
    expect(eight.find('After the Orchid cache eviction storm emptied the session store, …')).toEqual([
      { needle: 0, word: 0 },
    ]);
    expect(eight.find('Orchid cache eviction storm emptied the session')).toEqual([]);
  });

  it('are not found from fewer than eight words in a row', () => {
    expect(found(index, 'sits between billing and the payment provider')).toEqual([]);
    expect(found(index, 'ledger replica sits between billing, then: and the payment provider')).toEqual([]);
  });

  it('say at which of their words the run found starts', () => {
    expect(index.find('between billing and the payment provider for enterprise')).toEqual([
      { needle: 0, word: 5 },
    ]);
  });

  it('shorter than eight words are not looked for at all', () => {
    const short = new NeedleIndex([needle('Paged the billing team.')]);
    expect(short.find('We paged the billing team.')).toEqual([]);
    expect(short.runCount).toBe(0);
  });
});

describe('excusing what the build may publish', () => {
  it('drops the runs public text also has, and keeps the rest of the passage', () => {
    const index = new NeedleIndex([needle(PASSAGE)]);
    index.excuse('Our replica sits between billing and the payment provider for retail.');
    expect(index.find('replica sits between billing and the payment provider for')).toEqual([]);
    const rest = index.find('The Quartzmoth ledger replica sits between billing and the');
    expect(rest.map((hit) => hit.word)).toEqual([0, 1]);
  });

  it('never excuses what may not be excused, such as an id, a title or a never-publish phrase', () => {
    const index = new NeedleIndex([
      needle('Quartzmoth ledger replica stalled', { kind: 'title', match: 'whole', excusable: false }),
      needle('Larkspur owners', { kind: 'internal-block', match: 'whole' }),
    ]);
    index.excuse('See the Quartzmoth ledger replica stalled report. Larkspur owners know.');
    expect(
      index.find('Quartzmoth ledger replica stalled; ask Larkspur owners').map((hit) => hit.needle),
    ).toEqual([0]);
  });
});

describe('whole texts', () => {
  it('are found only whole, at any length, and several at one place', () => {
    const long = 'Rotate Kestrelvault intermediates with a runbook and a calendar reminder every year';
    const index = new NeedleIndex([
      needle('Dana Whitfield', { match: 'whole' }),
      needle(long, { match: 'whole' }),
      needle('Kestrelvault', { match: 'whole', kind: 'never-publish' }),
    ]);
    expect(found(index, '<td>dana   whitfield</td>')).toEqual([0]);
    expect(found(index, `<li>${long}.</li>`)).toEqual([1, 2]);
    expect(found(index, 'Rotate Kestrelvault intermediates with a runbook and a calendar reminder')).toEqual([
      2,
    ]);
    expect(found(index, 'Dana')).toEqual([]);
  });

  it('that are ids match only as the whole slug', () => {
    const id = needle('2024-05-09-mail', { kind: 'id', match: 'whole', exact: true, excusable: false });
    const index = new NeedleIndex([
      id,
      needle('incidents/outage', { kind: 'id', match: 'whole', exact: true }),
    ]);
    expect(found(index, '<a href="/incidents/2024-05-09-mail/">')).toEqual([0]);
    expect(found(index, '<a href="../2024-05-09-mail/">x</a>')).toEqual([0]);
    // Not the start of a longer id, not the end of one, not a date beside a word.
    expect(found(index, '/incidents/2024-05-09-mail-storage/')).toEqual([]);
    expect(found(index, '/incidents/x-2024-05-09-mail/')).toEqual([]);
    expect(found(index, '<td>2024-05-09</td><td>Mail delivery</td>')).toEqual([]);
    expect(found(index, 'https://status.example/incidents/outage/')).toEqual([1]);
    expect(found(index, 'an outage in two incidents')).toEqual([]);
  });
});

describe('many needles', () => {
  it('keeps one copy of a run two postmortems share and reports the first', () => {
    const index = new NeedleIndex([needle(PASSAGE), needle(PASSAGE, { source: 'pm/b.md' })]);
    expect(index.runCount).toBe(PASSAGE.split(' ').length - PASSAGE_WORDS + 1);
    expect(index.find(PASSAGE).every((hit) => hit.needle === 0)).toBe(true);
  });

  it('tells thousands of similar passages apart word for word', () => {
    const passages = Array.from(
      { length: 3000 },
      (_, i) => `incident ${i} began when replica ${i} of the ledger stalled`,
    );
    const index = new NeedleIndex(passages.map((text) => needle(text)));
    expect(index.runCount).toBe(3000 * 3);
    expect(index.find(passages[1234] ?? '').map((hit) => hit.needle)).toEqual([1234, 1234, 1234]);
    expect(index.find('incident 1234 began when replica 1235 of the ledger')).toEqual([]);
  });
});
