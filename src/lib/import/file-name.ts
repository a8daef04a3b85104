/**
 * The file name of an imported postmortem: `<YYYY-MM-DD>-<slug>.mdx`, the convention the site
 * uses for ids, or `undated-<slug>.mdx` when the source does not give the full date, so the
 * author sees at once that the name needs the date they will add.
 */

/** Words that add nothing to a file name. */
const FILLER = new Set(
  'a an the of for in on at to and or by with from our we was were is are after before during due its their this that postmortem post-mortem incident report'.split(
    ' ',
  ),
);

/** Dates and clock words, which the file name's date prefix already says better. */
const MONTHS = new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december am pm hour hours utc gmt pst pdt est edt cst cdt cet cest'.split(
    ' ',
  ),
);

/** A short lowercase slug of the most telling words: "Mail server disk failure" → `mail-server-disk-failure`. */
export function slugify(text: string, maxWords = 6): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(
      (word) => word && !FILLER.has(word) && !MONTHS.has(word) && !/^\d+(?:st|nd|rd|th|am|pm)?$/.test(word),
    );
  return words.slice(0, maxWords).join('-');
}

/** `2024-02-22-mail-server-disk-failure.mdx`, or `undated-…` without a date, `…-incident` without words. */
export function importFileName(date: string | undefined, title: string, extension = '.mdx'): string {
  const slug = slugify(title) || 'incident';
  return `${date ?? 'undated'}-${slug}${extension}`;
}
