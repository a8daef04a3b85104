/**
 * `npm run lighthouse`: builds the site afresh, serves it on 127.0.0.1 and runs Lighthouse over
 * one page of each kind (home, incident list, an incident, a root cause, a search, the 404 page)
 * in Chromium, with the desktop and the mobile preset, then prints the four category scores and
 * the layout shift per page. Exits 1 when a page misses the targets: 100 in every category on
 * desktop, performance 98 or more on mobile, CLS below 0.02 everywhere.
 *
 * Not part of `npm test`: a Lighthouse run takes minutes, and performance scores depend on how
 * busy the machine is, so run it on a quiet machine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { Command, Option } from 'commander';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { findBrowser } from '../test/helpers/browser';
import { serveStatic } from '../test/helpers/serve';
import {
  INTENDED_FAILURES,
  failsOnlyAsIntended,
  lighthousePages,
  missedTargets,
  type PagePreset,
  type PageScores,
} from './lib/lighthouse-pages';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const program = new Command('lighthouse')
  .description('Lighthouse scores and layout shift for one page of each kind of a fresh build.')
  .option('--dist <dir>', 'audit this built site instead of building one')
  .addOption(
    new Option('--preset <preset>', 'which device preset to run')
      .choices(['desktop', 'mobile', 'both'])
      .default('both'),
  )
  .addOption(
    new Option('--color-scheme <scheme>', 'prefers-color-scheme to emulate')
      .choices(['light', 'dark'])
      .default('light'),
  )
  .parse();

const options = program.opts<{
  dist?: string;
  preset: 'desktop' | 'mobile' | 'both';
  colorScheme: 'light' | 'dark';
}>();

const browser = findBrowser();
if (!browser.path) {
  console.error(browser.problem);
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');
// Folders this run makes, removed when it ends.
const scratch: string[] = [];
let dist = options.dist ? path.resolve(options.dist) : undefined;
if (!dist) {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-lighthouse-'));
  scratch.push(dist);
  console.log(`Building the site into ${dist} …`);
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

const server = await serveStatic(dist);
const pages = lighthousePages(dist);
const presets: PagePreset[] = options.preset === 'both' ? ['desktop', 'mobile'] : [options.preset];

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-lighthouse-profile-'));
scratch.push(profile);
const chrome = await chromeLauncher.launch({
  chromePath: browser.path,
  userDataDir: profile,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    // Blink's setting for prefers-color-scheme: 0 is dark, 1 is light.
    `--blink-settings=preferredColorScheme=${options.colorScheme === 'dark' ? 0 : 1}`,
  ],
});

const results: PageScores[] = [];
try {
  for (const preset of presets) {
    for (const page of pages) {
      const flags: Flags = {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      };
      const run = await lighthouse(
        server.url(page.path),
        flags,
        preset === 'desktop' ? desktopConfig : undefined,
      );
      const lhr: Result | undefined = run?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (lhr.runtimeError)
        throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.message}`);
      const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      // The pass/fail audits that count towards a score; informative ones (bf-cache) weigh 0.
      const weighed = new Set(
        CATEGORIES.flatMap((id) => lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ref.id),
      );
      const failing = Object.values(lhr.audits)
        .filter((audit) => weighed.has(audit.id) && audit.scoreDisplayMode === 'binary')
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => audit.id);
      const scores: PageScores = {
        page: page.name,
        path: page.path,
        preset,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
        fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? 0,
        failing,
      };
      results.push(scores);
      const last = scores;
      console.log(
        `${preset.padEnd(7)} ${page.name.padEnd(11)} perf ${last.performance} a11y ${last.accessibility} bp ${last.bestPractices} seo ${last.seo} CLS ${last.cls.toFixed(3)} FCP ${Math.round(last.fcpMs)} ms`,
      );
    }
  }
} finally {
  await chrome.kill();
  await server.close();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
}

console.log('');
console.table(
  results.map((r) => ({
    preset: r.preset,
    page: r.page,
    path: r.path,
    performance: r.performance,
    accessibility: r.accessibility,
    'best practices': r.bestPractices,
    seo: r.seo,
    CLS: Number(r.cls.toFixed(3)),
    'FCP ms': Math.round(r.fcpMs),
  })),
);
console.log(
  `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; color scheme ${options.colorScheme}.`,
);

for (const r of results.filter(failsOnlyAsIntended)) {
  console.log(
    `${r.preset} ${r.page}: SEO ${r.seo} because of ${r.failing.join(', ')}; ${INTENDED_FAILURES[r.page]?.why ?? ''}.`,
  );
}

const misses = missedTargets(results);
if (misses.length) {
  console.error(`\n${misses.length} target(s) missed:\n${misses.map((miss) => `  ${miss}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery page meets the targets.');
}
