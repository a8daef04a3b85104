import { formatDuration } from './duration';
import type { Incident } from './incidents';
import { rankedSeverity, taxonomyEntry } from './labels';
import { plainText } from './plain-text';
import type { Taxonomy } from './taxonomy';

/**
 * What a link to a page unfolds into when pasted in a chat channel (Open Graph and Twitter card
 * metadata). For an incident the preview leads with what responders triage by: the severity,
 * how long it lasted and what was hit, then the summary.
 */
export interface SharePreview {
  /** `article` for an incident, `website` for every other page. */
  type: 'website' | 'article';
  title: string;
  description: string;
  /** When the postmortem's story ends: resolution, or the start while unresolved (as the feed dates it). */
  publishedTime?: Date;
  /** The severity's label, such as "SEV1 · Critical". */
  section?: string;
  /** The root-cause category's label, the affected services and the author's tags. */
  tags?: string[];
}

/**
 * Chat apps cut descriptions at roughly 200 characters and some drop what follows; keeping the
 * cut ourselves ends it on a word with an ellipsis instead of mid-word.
 */
export const PREVIEW_DESCRIPTION_LENGTH = 200;

/** `text` cut to at most `max` characters on a word boundary, with "…" when cut. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * The preview's texts without control characters: chat apps and search engines show meta tags
 * as they are, and a taxonomy label or tag no schema rule checks may hold one.
 */
function plainPreview(preview: SharePreview): SharePreview {
  const { section, tags, ...rest } = preview;
  return {
    ...rest,
    title: plainText(preview.title),
    description: plainText(preview.description),
    ...(section === undefined ? {} : { section: plainText(section) }),
    ...(tags === undefined ? {} : { tags: tags.map(plainText) }),
  };
}

/**
 * An incident's preview: title "SEV1 · Email down …", description
 * "SEV1 · Critical · 3 hours 30 minutes · email, mail-storage. A disk in the mail storage …".
 */
export function incidentPreview(incident: Incident, taxonomy: Taxonomy): SharePreview {
  const { data } = incident;
  const severity = rankedSeverity(data.severity, taxonomy.severities);
  const facts = [
    severity.label,
    data.durationMs === undefined ? 'ongoing' : formatDuration(data.durationMs),
    data.services.join(', '),
  ].join(' · ');
  return plainPreview({
    type: 'article',
    title: `${severity.id} · ${data.title}`,
    description: truncate(`${facts}. ${data.summary}`, PREVIEW_DESCRIPTION_LENGTH),
    publishedTime: data.resolvedAt ?? data.startedAt,
    section: severity.label,
    tags: [
      ...new Set([
        taxonomyEntry(taxonomy.rootCauses, data.rootCause.category).label,
        ...data.services,
        ...(data.tags ?? []),
      ]),
    ],
  });
}

/** Any other page's preview: its own title and description. */
export function pagePreview(title: string, description: string): SharePreview {
  return plainPreview({
    type: 'website',
    title,
    description: truncate(description, PREVIEW_DESCRIPTION_LENGTH),
  });
}
