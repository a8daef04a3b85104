/**
 * `npm run samples:remove`: deletes the sample postmortems Hindsight ships with and the sample
 * settings in `astro.config.mjs`, so a team starts its own knowledge base from a clean slate.
 * Only the files named here are removed; a team's own postmortems and the taxonomies stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { postmortemsDir } from '../src/lib/content-dir';
import { SAMPLE_FILES, SAMPLE_SETTINGS } from './samples';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run samples:remove [-- --dry-run] [-- --root <project>]

Deletes the ${SAMPLE_FILES.length} sample postmortems in content/postmortems/ and the sample
settings (organization, site, notice) in astro.config.mjs. Your own postmortems and the
taxonomies in content/taxonomy/ are kept.`);
  process.exit(0);
}

const root = path.resolve(values.root);
const dryRun = values['dry-run'];
const verb = dryRun ? 'Would remove' : 'Removed';
const dir = postmortemsDir(path.join(root, 'content'));

const present = SAMPLE_FILES.filter((file) => fs.existsSync(path.join(dir, file)));
for (const file of present) {
  if (!dryRun) fs.rmSync(path.join(dir, file));
  console.log(`${verb} content/postmortems/${file}`);
}

const configFile = path.join(root, 'astro.config.mjs');
const config = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : '';
const hasBlock = SAMPLE_SETTINGS.test(config);
if (hasBlock) {
  if (!dryRun) fs.writeFileSync(configFile, config.replace(SAMPLE_SETTINGS, ''));
  console.log(`${verb} the sample settings (organization, site, notice) from astro.config.mjs`);
}

if (!present.length && !hasBlock) {
  console.log('No samples left to remove.');
} else if (!dryRun) {
  const left = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => /\.mdx?$/.test(file)).length : 0;
  console.log(`
${present.length} sample postmortem${present.length === 1 ? '' : 's'} removed; ${left} of your own remain${left === 1 ? 's' : ''}.
Next:
  1. Set title, organization and site in hindsight() in astro.config.mjs.
  2. Adapt content/taxonomy/root-causes.yaml and severities.yaml to your organisation, and add
     your services' nicknames and jargon to synonyms.yaml.
  3. Add your first postmortem as content/postmortems/YYYY-MM-DD-short-slug.mdx and run npm run check:content.`);
}
