/**
 * The title of an imported postmortem: an e-mail's subject, else the first heading or short
 * line that names the incident. Lines that name nothing ("Postmortem", "Incident report", a
 * file-name-like "0x19-postmortem") are skipped, so the author is asked for a title instead of
 * getting a useless one.
 */
import { MAX_TITLE_LENGTH } from '../../schemas/postmortem';
import type { Known } from './frontmatter';
import type { Unit } from './parse-source';
import type { EmailHeaders, Section } from './sections';

const GENERIC_TITLES = new Set([
  'postmortem',
  'post-mortem',
  'post mortem',
  'postmortem report',
  'incident report',
  'incident postmortem',
  'incident post-mortem',
  'post-incident review',
  'post incident review',
  'incident review',
  'pir',
  'rca',
  'root cause analysis',
  'report',
  'incident',
  'outage report',
]);

/** A title that names no incident: "Postmortem", or a file-name-like "0x19-postmortem". */
export function isGenericTitle(title: string): boolean {
  const words = title
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim();
  return (
    !words || GENERIC_TITLES.has(words) || /^[\w.]+(?:[-_][\w.]+)+$/.test(words) || /^\S*\d\S*$/.test(words)
  );
}

/** A title without e-mail prefixes ("Re:", "[Postmortem]") or a "Postmortem:" lead-in. */
export function cleanTitle(text: string): string {
  return text
    .replace(/^(?:\s*(?:re|fwd?|fw)\s*:\s*)+/i, '')
    .replace(/^\s*\[[^\]]*\]\s*/, '')
    .replace(
      /^\s*(?:postmortem|post-mortem|post mortem|incident report|incident review|post-incident review|pir|rca)\s*(?:[:\u2013\u2014-]|\bfor\b|\bof\b)\s*/i,
      '',
    )
    .replace(/[\s.:]+$/, '')
    .trim();
}

/** A title the schema accepts: cut at a word when longer than the limit (and marked so). */
export function fitTitle(title: string): Known<string> {
  if (title.length <= MAX_TITLE_LENGTH) return { value: title };
  const cut = title.slice(0, MAX_TITLE_LENGTH - 1).replace(/\s+\S*$/, '');
  return { value: `${cut}…`, note: `shortened to ${MAX_TITLE_LENGTH} characters`, guessed: true };
}

/** The title found, and the lines and headings it used up, which leave the body. */
export interface FoundTitle {
  /** The title, or `undefined` when the document names the incident nowhere. */
  text: string | undefined;
  /** Lines read as title candidates (the title and generic ones), which leave the body. */
  used: Unit[];
  /** Sections whose heading was read as a title candidate; the body keeps their text only. */
  headings: Section[];
}

/**
 * Finds the title among the e-mail subject and the headings and short lines before the first
 * known section. Stops at the first prose line: a title comes before the story.
 */
export function findTitle(sections: readonly Section[], email: EmailHeaders | undefined): FoundTitle {
  const found: FoundTitle = { text: undefined, used: [], headings: [] };
  if (email?.subject) {
    const subject = cleanTitle(email.subject);
    if (subject && !isGenericTitle(subject)) return { ...found, text: subject };
  }
  for (const section of sections) {
    if (section.kind !== 'preamble' && section.kind !== 'other') break;
    if (section.kind === 'other' && section.title) {
      found.headings.push(section);
      const heading = cleanTitle(section.title);
      if (heading && !isGenericTitle(heading)) return { ...found, text: heading };
    }
    for (const unit of section.units) {
      const short =
        unit.type === 'line' &&
        !unit.list &&
        !/[.!?]$/.test(unit.text) &&
        unit.text.split(/\s+/).length <= 16;
      if (unit.type !== 'line' || !short) return found;
      found.used.push(unit);
      const line = cleanTitle(unit.text);
      if (line && !isGenericTitle(line)) return { ...found, text: line };
    }
  }
  return found;
}
