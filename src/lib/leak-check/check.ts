import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { HindsightConfig } from '../../schemas/config';
import { taxonomyDir } from '../content-dir';
import { readPostmortems } from '../source-postmortems';
import { textViews } from './decode';
import { NeedleIndex, PASSAGE_WORDS, type Needle, type NeedleKind } from './needle-index';
import { selectNeedles } from './needles';
import { listFiles, readSiteFile } from './site-files';
import { normalise, words } from './words';

/** What the check needs to know about the site. */
export interface LeakCheckOptions {
  /** The built site, such as `dist/`. */
  siteDir: string;
  /** The folder with `postmortems/` and `taxonomy/` the site was built from. */
  contentDir: string;
  config: Pick<HindsightConfig, 'visibility' | 'title' | 'tagline' | 'organization' | 'notice'>;
  /** Postmortem files are named relative to this folder in the report. Default: the working directory. */
  cwd?: string;
}

/** One needle found in one built file. */
export interface Leak {
  /** The built file, relative to the site, such as `incidents/x/index.html`. */
  file: string;
  /** How the file is stored, when the text was found after decompressing it. */
  compression?: 'gzip' | 'brotli';
  needle: Needle;
  /** The words found, as the postmortem or the option wrote them (shortened). */
  quote: string;
}

export interface LeakCheckResult {
  leaks: Leak[];
  /** Files read, and how many of them were decompressed first. */
  files: number;
  compressedFiles: number;
  /** Needles by kind, and the distinct runs of words the passages gave. */
  needles: Record<NeedleKind, number>;
  runs: number;
  /** Postmortems left out of the build (internal ones and drafts), and public ones in it. */
  leftOut: number;
  included: number;
  /** Internal-only values too short to look for. */
  tooShort: number;
  /** Configuration the check could not use; the check fails on any. */
  problems: string[];
  ms: number;
}

/** A quote longer than this is cut at a word: enough to find the place, short enough to scan. */
const QUOTE_LENGTH = 90;

/** Every string in the taxonomy files: labels and descriptions that public pages show. */
function taxonomyText(contentDir: string): string[] {
  const dir = taxonomyDir(contentDir);
  if (!fs.existsSync(dir)) return [];
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const name of fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))) {
    try {
      collect(parseYaml(fs.readFileSync(path.join(dir, name), 'utf8')));
    } catch {
      // A broken taxonomy stops the build before this; here it only means less text is excused.
    }
  }
  return strings;
}

/** Whitespace collapsed and cut at a word after `QUOTE_LENGTH` characters. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  const cut = flat.slice(0, QUOTE_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_LENGTH / 2))}…`;
}

/**
 * What a report quotes of a needle: a whole text as written; of a passage, the words from the
 * run starting at word `first` to the end of the run starting at word `last`.
 */
export function quoteOf(needle: Needle, first = 0, last = first): string {
  if (needle.match === 'whole') return shorten(needle.text);
  const split = words(needle.text);
  // Offsets are into the normalised text; they fit the original unless normalising changed its length.
  const normal = normalise(needle.text);
  const source = normal.length === needle.text.length ? needle.text : normal;
  const end = Math.min(last + PASSAGE_WORDS - 1, split.ends.length - 1);
  return shorten(source.slice(split.starts[first] ?? 0, split.ends[end] ?? source.length));
}

/**
 * Looks through every file of a built public site, decompressed where compressed, for anything
 * of the postmortems it must not contain (see `selectNeedles`), and returns each needle found
 * once per file. Reads the content folder afresh, so it works on any built folder.
 */
export function checkBuiltSite(options: LeakCheckOptions): LeakCheckResult {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { config } = options;
  const postmortems = readPostmortems(options.contentDir, (file) => path.relative(cwd, file) || file);
  const siteText = [config.title, config.tagline, config.organization ?? '', config.notice ?? ''];
  const selection = selectNeedles(postmortems, {
    visibility: config.visibility,
    siteText: [...siteText, ...taxonomyText(options.contentDir)],
  });
  const index = new NeedleIndex(selection.needles);
  for (const text of selection.allowed) index.excuse(text);

  const leaks: Leak[] = [];
  let compressedFiles = 0;
  const files = listFiles(options.siteDir);
  for (const relative of files) {
    const file = readSiteFile(options.siteDir, relative);
    if (file.compression) compressedFiles++;
    // Each needle once per file, with the first and last run found of a passage.
    const found = new Map<number, { first: number; last: number }>();
    for (const view of [relative, ...textViews(file.text)]) {
      for (const hit of index.find(view)) {
        const seen = found.get(hit.needle);
        if (!seen) found.set(hit.needle, { first: hit.word, last: hit.word });
        else {
          seen.first = Math.min(seen.first, hit.word);
          seen.last = Math.max(seen.last, hit.word);
        }
      }
    }
    // A whole title found says more than the passage of it found at the same place.
    const titlesFound = new Set(
      [...found.keys()].flatMap((at) =>
        index.needles[at]?.kind === 'title' ? [index.needles[at]?.source] : [],
      ),
    );
    for (const [needleIndex, { first, last }] of found) {
      const needle = index.needles[needleIndex];
      if (!needle) continue;
      if (needle.kind === 'passage' && needle.field === 'title' && titlesFound.has(needle.source)) continue;
      leaks.push({
        file: relative,
        ...(file.compression ? { compression: file.compression } : {}),
        needle,
        quote: quoteOf(needle, first, last),
      });
    }
  }

  const needles: Record<NeedleKind, number> = {
    id: 0,
    title: 0,
    passage: 0,
    'internal-field': 0,
    'internal-block': 0,
    'never-publish': 0,
  };
  for (const needle of selection.needles) needles[needle.kind]++;
  return {
    leaks,
    files: files.length,
    compressedFiles,
    needles,
    runs: index.runCount,
    leftOut: selection.leftOut.length,
    included: selection.included.length,
    tooShort: selection.tooShort,
    problems: selection.problems,
    ms: Math.round(performance.now() - started),
  };
}
