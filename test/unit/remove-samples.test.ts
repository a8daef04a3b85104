import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../scripts/samples';
import { projectRoot, testTempDir } from '../helpers/build-site';

const run = promisify(execFile);
const TSX = path.join(projectRoot, 'node_modules/.bin/tsx');
const SCRIPT = path.join(projectRoot, 'scripts/remove-samples.ts');

const CONFIG = `import { defineConfig } from 'astro/config';
import { hindsight } from './src/integrations/hindsight.ts';

export default defineConfig({
  integrations: [
    hindsight({
      title: 'Acme Postmortems',
      // Sample settings: \`npm run samples:remove\` deletes them with the sample postmortems.
      organization: 'Fernhill',
      site: 'https://hindsight.example',
      notice: 'These postmortems are samples.',
      // End of sample settings.
      timezone: 'Europe/Berlin',
    }),
  ],
});
`;

/** A project as a team has it after cloning: two samples, one postmortem of its own, a taxonomy. */
let root: string;
const postmortems = () => path.join(root, 'content/postmortems');

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-samples-'));
  await fs.mkdir(postmortems(), { recursive: true });
  await fs.mkdir(path.join(root, 'content/taxonomy'));
  await fs.writeFile(path.join(root, 'content/taxonomy/severities.yaml'), '- id: P1\n');
  for (const file of SAMPLE_FILES.slice(0, 2)) await fs.writeFile(path.join(postmortems(), file), 'sample');
  await fs.writeFile(path.join(postmortems(), '2026-01-02-our-own-outage.mdx'), 'ours');
  await fs.writeFile(path.join(root, 'astro.config.mjs'), CONFIG);
});

const removeSamples = (...args: string[]) =>
  run(TSX, [SCRIPT, '--root', root, ...args], { cwd: projectRoot });

describe('npm run samples:remove', () => {
  it('deletes the samples and the sample settings, and keeps everything of the team', async () => {
    const { stdout } = await removeSamples();
    expect(await fs.readdir(postmortems())).toEqual(['2026-01-02-our-own-outage.mdx']);
    expect(await fs.readdir(path.join(root, 'content/taxonomy'))).toEqual(['severities.yaml']);
    const config = await fs.readFile(path.join(root, 'astro.config.mjs'), 'utf8');
    expect(config).not.toMatch(/Fernhill|hindsight\.example|samples/);
    expect(config).toBe(CONFIG.replace(/ *\/\/ Sample settings[\s\S]*?\/\/ End of sample settings\.\n/, ''));
    expect(config).toContain("title: 'Acme Postmortems',\n      timezone: 'Europe/Berlin',");
    expect(stdout).toContain(`Removed content/postmortems/${SAMPLE_FILES[0]}`);
    expect(stdout).toContain('2 sample postmortems removed; 1 of your own remains.');
  });

  it('changes nothing with --dry-run, and says what it would do', async () => {
    const { stdout } = await removeSamples('--dry-run');
    expect((await fs.readdir(postmortems())).length).toBe(3);
    expect(await fs.readFile(path.join(root, 'astro.config.mjs'), 'utf8')).toBe(CONFIG);
    expect(stdout).toContain(`Would remove content/postmortems/${SAMPLE_FILES[1]}`);
  });

  it('says so when there is nothing left to remove', async () => {
    await removeSamples();
    const { stdout } = await removeSamples();
    expect(stdout.trim()).toBe('No samples left to remove.');
  });
});
