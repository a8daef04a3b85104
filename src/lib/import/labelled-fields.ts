/**
 * Fields some write-ups label outright ("Authors:", "Severity:", "Services affected:"), read
 * into the site's vocabulary: names, a severity id of the taxonomy, service slugs.
 */
import type { TaxonomyEntry } from '../../schemas/taxonomy';
import { slugify } from './file-name';

const LIST_SEPARATOR = /\s*(?:,|;|\band\b|&)\s*/;

/** Names from an "Authors:" line or an e-mail's From header, without addresses. */
export function names(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/"/g, '')
    .split(LIST_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Ids compared without case or punctuation: "Sev-2" and "SEV 2" are "SEV2". */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The first severity id of the taxonomy the text names, however it spells it. */
export function findSeverity(text: string, severities: readonly TaxonomyEntry[]): string | undefined {
  const words = text.split(/[\s,;:()[\]/]+/).map(squash);
  for (let index = 0; index < words.length; index++) {
    const one = words[index] ?? '';
    const two = one + (words[index + 1] ?? '');
    const match = severities.find((entry) => squash(entry.id) === one || squash(entry.id) === two);
    if (match) return match.id;
  }
  return undefined;
}

/** Service slugs from a list of names: "Mail relay, IMAP" → `mail-relay`, `imap`. */
export function serviceSlugs(text: string): string[] {
  return [
    ...new Set(
      text
        .split(LIST_SEPARATOR)
        .map((name) => slugify(name, 4))
        .filter(Boolean),
    ),
  ];
}
