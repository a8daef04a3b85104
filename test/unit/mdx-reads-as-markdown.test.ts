import { describe, expect, it } from 'vitest';
import { readsAsMarkdown } from '../../src/lib/mdx/reads-as-markdown';

describe('readsAsMarkdown', () => {
  it('accepts what Markdown and MDX read alike: headings, emphasis, links, lists, GFM, fenced code', () => {
    const body = [
      '## What happened',
      '',
      'The *primary* disk failed at 08:00; see [the runbook](https://runbooks.example/disk).',
      '',
      '- [x] replaced the disk',
      '- [ ] add SMART alerts',
      '',
      '| Step | Owner |',
      '| --- | --- |',
      '| Rebuild | storage |',
      '',
      '```sh',
      'mdadm --detail /dev/md0',
      '```',
      '',
      'Queue depth rose from 10 to > 400, and then "fell" back -- as expected...',
    ].join('\n');
    expect(readsAsMarkdown(body)).toBe(true);
  });

  it('refuses a body that imports, exports, uses a component, an expression or an HTML tag', () => {
    expect(readsAsMarkdown('import Chart from "./chart.astro"\n\nText')).toBe(false);
    expect(readsAsMarkdown('export const owner = "sre"\n\nText')).toBe(false);
    expect(readsAsMarkdown('<Callout>Disk full</Callout>')).toBe(false);
    expect(readsAsMarkdown('<Internal>\n\nCustomer names\n\n</Internal>')).toBe(false);
    expect(readsAsMarkdown('It took {1 + 1} hours')).toBe(false);
    expect(readsAsMarkdown('It was <b>very</b> slow')).toBe(false);
  });

  it('refuses what the two languages read differently, such as indented code', () => {
    expect(readsAsMarkdown('Run this:\n\n    systemctl restart postfix\n')).toBe(false);
  });

  it('refuses what MDX cannot parse, so that MDX reports it', () => {
    expect(readsAsMarkdown('See <https://status.example>')).toBe(false);
    expect(readsAsMarkdown('<!-- a note -->\n\nText')).toBe(false);
    expect(readsAsMarkdown('Latency {was high')).toBe(false);
  });
});
