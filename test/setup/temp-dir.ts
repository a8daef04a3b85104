import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * One temporary folder per test run for fixture builds and other scratch files, removed when
 * the run ends, so repeated runs do not fill /tmp. Test workers start after this and inherit
 * the variable.
 */
export default async function setup() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hindsight-test-'));
  process.env['HINDSIGHT_TEST_TMP'] = dir;
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
