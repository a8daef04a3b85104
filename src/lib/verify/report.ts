import type { BrokenLink } from './links';
import type { VerifyResult } from './index';

/** Files named for one broken link; a page missing is linked from many. */
const FILES_NAMED = 3;

/** One line per broken link and reason, naming the files it is in. */
function groupLinks(links: readonly BrokenLink[]): string[] {
  const groups = Map.groupBy(links, (link) => `the link ${link.url} ${link.reason}`);
  return [...groups].map(([what, found]) => {
    const files = found.map((link) => link.from);
    const named = files.slice(0, FILES_NAMED).join(', ');
    const rest = files.length > FILES_NAMED ? ` and ${files.length - FILES_NAMED} more files` : '';
    return `${what} (in ${named}${rest})`;
  });
}

/** A failed verification lists this many problems; the rest are counted. */
export const SHOWN = 25;

/** The build log's line when everything checks out. */
export function formatVerified(result: VerifyResult): string {
  return `Verified ${result.postmortems} postmortems: one page, one search record and one entry in every list, the feed, api/incidents.json and the sitemap each; no broken link or anchor in ${result.pages} pages (${result.files} files read in ${result.ms} ms).`;
}

/** Every problem, one a line, the first `SHOWN` of them and a count of the rest. */
export function formatFailure(result: VerifyResult, shown = SHOWN): string {
  const lines = [
    ...result.findings.map((finding) =>
      finding.id === undefined
        ? `${finding.where} ${finding.problem}`
        : `${finding.where}: ${finding.id} ${finding.problem}`,
    ),
    ...groupLinks(result.brokenLinks),
  ];
  const counts = [
    result.findings.length ? `${result.findings.length} missing, duplicated or unexpected` : '',
    result.brokenLinks.length ? `${result.brokenLinks.length} broken links` : '',
  ].filter(Boolean);
  const more = lines.length > shown ? [`… and ${lines.length - shown} more.`] : [];
  return [
    `The build is incomplete or broken (${counts.join(', ')}), checked against the ${result.postmortems} postmortems that belong in it:`,
    ...lines.slice(0, shown).map((line) => `  ${line}`),
    ...more.map((line) => `  ${line}`),
  ].join('\n');
}
