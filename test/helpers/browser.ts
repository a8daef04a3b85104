import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { testTempDir } from './build-site';

/**
 * Finding and starting a real browser for the end-to-end tests. They drive the system's
 * Chrome or Chromium through playwright-core (which ships no browser of its own), so the
 * tests run the search page exactly as a reader's browser would.
 */

/** Where browsers live on the systems we run on, in the order we try them. */
export const BROWSER_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const INSTALL_HELP = [
  'The end-to-end search tests need Chrome or Chromium, and none was found.',
  'Install one and run the tests again:',
  '  Debian/Ubuntu:  sudo apt-get install chromium   (Ubuntu: chromium-browser)',
  '  Fedora:         sudo dnf install chromium',
  '  macOS:          brew install --cask chromium',
  'or point CHROME_PATH at a Chrome or Chromium executable.',
].join('\n');

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

export interface BrowserLookup {
  /** The executable to launch, if one was found. */
  path?: string;
  /** Why there is none, with how to fix it. */
  problem?: string;
}

/** `CHROME_PATH` if set (and it must then exist), else the first of `BROWSER_PATHS` present. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, candidates = BROWSER_PATHS): BrowserLookup {
  const configured = env['CHROME_PATH'];
  if (configured) {
    return isExecutable(configured)
      ? { path: configured }
      : { problem: `CHROME_PATH is set to ${configured}, which is not an executable file.\n${INSTALL_HELP}` };
  }
  const found = candidates.find(isExecutable);
  return found ? { path: found } : { problem: INSTALL_HELP };
}

/** Whether this machine can install Debian packages (`chromium`; the benchmark's `hugo`): Debian-like, and root. */
export function canInstallDebianPackages(): boolean {
  return fs.existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

/**
 * Installs Debian's `chromium` with apt. Waits up to ten minutes for another apt or dpkg run to
 * let go of its lock rather than failing on it (CI images often install packages at boot).
 */
export function installChromium(log: (line: string) => void = console.log): void {
  log(
    'No Chrome or Chromium found; installing Debian\'s "chromium" package (apt-get update && apt-get install -y chromium)…',
  );
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', [...wait, 'update'], { stdio: 'inherit', env });
  execFileSync('apt-get', [...wait, 'install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  log('Installed chromium.');
}

/**
 * Finds a browser, installing Debian's `chromium` when there is none and this machine can;
 * otherwise reports the problem (it never pretends a browser is there).
 */
export function ensureBrowser(log: (line: string) => void = console.log): BrowserLookup {
  const first = findBrowser();
  if (first.path || process.env['CHROME_PATH'] || !canInstallDebianPackages()) return first;
  try {
    installChromium(log);
  } catch (error) {
    return { problem: `Installing chromium with apt-get failed: ${String(error)}\n${INSTALL_HELP}` };
  }
  return findBrowser();
}

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts the browser headless with a fresh profile, removed again on `close()`. */
export async function launchBrowser(
  executablePath: string,
  options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {},
): Promise<BrowserSession> {
  const profile = await fs.promises.mkdtemp(path.join(testTempDir(), 'hindsight-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close();
      await fs.promises.rm(profile, { recursive: true, force: true });
    },
  };
}
