/** Options several commands share, defined once so they read the same in every `--help`. */
import path from 'node:path';
import { Option } from 'commander';
import { contentDir } from '../lib/content-dir';

/** `--content <dir>`: the folder with `postmortems/` and `taxonomy/`, for a second site or a test. */
export const contentOption = () =>
  new Option(
    '--content <dir>',
    'the folder holding postmortems/ and taxonomy/ (default: content, or HINDSIGHT_CONTENT_DIR)',
  );

/** The content folder a command works on: `--content`, else the project's (`contentDir()`). */
export const contentRootFrom = (options: { content?: string | undefined }, cwd = process.cwd()) =>
  options.content ? path.resolve(cwd, options.content) : contentDir(cwd);

/** The closing lines of every command's help: where to learn to write a postmortem. */
export const GUIDE_HELP =
  '\nWriting guide: /guide/ on the site (npm run dev, then http://localhost:4321/guide/), and "Writing a postmortem" in README.md.';
