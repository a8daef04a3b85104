import { describe, expect, it } from 'vitest';
import { tryBuildSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';

/**
 * A bad `SOURCE_DATE_EPOCH` (a date string where seconds belong, a common CI slip) stops the
 * build at once with one message that says what is allowed, not a stack trace from the first
 * page that asked for "today".
 */
describe('SOURCE_DATE_EPOCH', () => {
  it('stops the build with a clear message when it is not whole seconds', async () => {
    const result = await tryBuildSite(fixtureContent('basic'), { env: { SOURCE_DATE_EPOCH: '2024-04-01' } });
    expect('code' in result, 'the build should fail').toBe(true);
    if (!('code' in result)) return;
    expect(result.output).toContain(
      'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC',
    );
    expect(result.output).toContain('got "2024-04-01"');
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
