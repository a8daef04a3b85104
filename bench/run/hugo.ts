import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPostmortemFiles } from '../../src/lib/content-check';
import { postmortemIdFromPath, postmortemsDir } from '../../src/lib/content-dir';
import { canInstallDebianPackages } from '../../test/helpers/browser';
import { runMeasured, type CommandCost } from './process-tree';

/** The minimal Hugo site under `bench/hugo/`. */
const HUGO_SITE = path.resolve(import.meta.dirname, '../hugo');

const HUGO_INSTALL_HELP = 'Hugo is not installed. Install it with: sudo apt-get install -y hugo';

/** The `hugo` on PATH, or undefined. */
function findHugo(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'hugo');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/**
 * Finds Hugo, installing Debian's `hugo` package when there is none and this machine can (a
 * Debian system, as root), as the browser tests do for Chromium. Says which it did.
 */
export function ensureHugo(log: (line: string) => void): { path?: string; problem?: string } {
  const found = findHugo();
  if (found) return { path: found };
  if (!canInstallDebianPackages()) return { problem: HUGO_INSTALL_HELP };
  log('Hugo is not installed; installing Debian\'s "hugo" package (apt-get install -y hugo)…');
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const wait = ['-o', 'DPkg::Lock::Timeout=600'];
    execFileSync('apt-get', [...wait, 'install', '-y', '--no-install-recommends', 'hugo'], {
      stdio: 'inherit',
      env,
    });
  } catch (error) {
    return { problem: `Installing hugo with apt-get failed: ${String(error)}\n${HUGO_INSTALL_HELP}` };
  }
  const installed = findHugo();
  return installed ? { path: installed } : { problem: HUGO_INSTALL_HELP };
}

const CATEGORY = /^rootCause:\n(?:[ \t].*\n)*?[ \t]+category: (.+)$/m;

/**
 * Copies the corpus into a Hugo content folder as `incidents/<id>.md`, with the root-cause
 * category and the severity repeated as top-level lists `categories` and `severities` (Hugo's
 * taxonomies read only top-level lists).
 * Not timed: the Astro build reads the corpus as it is.
 */
export function hugoContent(contentRoot: string, target: string): void {
  const incidents = path.join(target, 'incidents');
  fs.mkdirSync(incidents, { recursive: true });
  fs.writeFileSync(path.join(incidents, '_index.md'), '---\ntitle: Incidents\n---\n');
  for (const file of listPostmortemFiles(postmortemsDir(contentRoot))) {
    const text = fs.readFileSync(file, 'utf8');
    const category = CATEGORY.exec(text)?.[1]?.trim() ?? 'unknown';
    const severity = /^severity: (.+)$/m.exec(text)?.[1]?.trim() ?? 'unknown';
    if (/^status: draft$/m.test(text)) continue;
    fs.writeFileSync(
      path.join(incidents, `${postmortemIdFromPath(file)}.md`),
      text.replace(/^---\n/, `---\ncategories: [${category}]\nseverities: [${severity}]\n`),
    );
  }
}

/** Builds the Hugo site from `contentDir` (made by `hugoContent`) into `outDir`. */
export function buildHugo(
  hugo: string,
  contentDir: string,
  outDir: string,
  cacheDir: string,
): Promise<CommandCost> {
  return runMeasured(
    hugo,
    [
      '--source',
      HUGO_SITE,
      '--contentDir',
      contentDir,
      '--destination',
      outDir,
      '--cacheDir',
      cacheDir,
      '--quiet',
    ],
    { env: { ...process.env } },
  );
}
