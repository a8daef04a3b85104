/**
 * `hindsight import`'s core: turns a free-form postmortem into a typed draft. It reads what the
 * source states (title, summary, times and zone, duration, impact, root cause, timeline, tasks),
 * guesses what it can only infer (the root-cause category, timeline kinds, task types) and says
 * so in comments, writes a `TODO: …` placeholder wherever a required value is unknown, and keeps
 * the prose it did not use as the MDX body.
 */
import { MAX_TITLE_LENGTH } from '../../schemas/postmortem';
import type { TaxonomyEntry } from '../../schemas/taxonomy';
import { placeholder } from '../placeholder';
import { renderBody, type BodySection } from './body';
import { categoryValue } from './category-guess';
import { importFileName } from './file-name';
import { frontmatterYaml, isKnown, type Draft, type DraftTask, type Known, type Value } from './frontmatter';
import { documentTimes, draftTimeline, incidentTimes } from './incident-times';
import { findSeverity, names, serviceSlugs } from './labelled-fields';
import { parseSource, type LineUnit, type Unit } from './parse-source';
import { firstParagraph, firstSentences, textOf, unitsText } from './prose';
import { sectionize, sectionsOf, type Section, type SectionKind } from './sections';
import { taskItems, type ImportedTask } from './task-items';
import { timelineEntries, type ImportedEntry } from './timeline-entries';
import { findTitle, fitTitle } from './title';
import { usersAffected } from './users-affected';
import { parseZone } from './zones';

/** What the importer needs beyond the document: the site's vocabularies and the command's options. */
export interface ImportOptions {
  /** Root-cause categories of the site, to guess from and to list in placeholders. */
  rootCauses: readonly TaxonomyEntry[];
  /** Severities of the site, most severe first. */
  severities: readonly TaxonomyEntry[];
  /** Zone for times the source gives without one (`--timezone`): an IANA name or an abbreviation. */
  timezone?: string | undefined;
  /** `--category-hint`: a category id to use, or words to weigh when guessing. */
  categoryHint?: string | undefined;
}

/** A draft postmortem: its frontmatter values, the file to write and what to tell the author. */
export interface ImportResult {
  draft: Draft;
  /** The MDX body. */
  body: string;
  /** `YYYY-MM-DD` the incident started on, in its zone; `undefined` when the date is incomplete. */
  date: string | undefined;
  /** `<date>-<slug>.mdx` or `undated-<slug>.mdx`. */
  fileName: string;
  /** The whole file: frontmatter and body. */
  text: string;
  /** Things a person should look at besides the placeholders: contradictions, dropped values. */
  warnings: string[];
}

/** A task as frontmatter, its type noted with the words it was guessed from. */
const draftTask = (task: ImportedTask): DraftTask => ({
  title: task.title,
  type: {
    value: task.type,
    note:
      task.typeFrom.source === 'words'
        ? `guessed from "${task.typeFrom.words}"`
        : task.typeFrom.source === 'default'
          ? 'guessed: no telling words'
          : undefined,
    guessed: task.typeFrom.source !== 'column',
  },
  status: task.status,
  owner: task.owner,
  due: task.due,
  link: task.link,
});

const known = <T>(value: T | undefined, hint: string): Value<T> =>
  value === undefined ? { placeholder: placeholder(hint) } : { value };

/** Reads a source document into a draft postmortem; see the module comment. */
export function importPostmortem(source: string, options: ImportOptions): ImportResult {
  const { sections, email } = sectionize(parseSource(source));
  const consumed = new Set<Unit>();
  const all = (kind: SectionKind) => sectionsOf(sections, kind);
  const first = (kind: SectionKind) => all(kind)[0];
  const consume = (units: readonly Unit[]) => units.forEach((unit) => consumed.add(unit));

  /**
   * A section's first paragraph as a frontmatter value, up to `max` sentences. The body keeps
   * the paragraph when it is longer than that, so nothing the author wrote is lost.
   */
  const takeText = (section: Section | undefined, max: number): string | undefined => {
    if (!section) return undefined;
    const paragraph = firstParagraph(section.units);
    const text = textOf(paragraph);
    if (!text) return undefined;
    const { text: short, complete } = firstSentences(text, max);
    if (complete) consume(paragraph);
    return short;
  };

  const title = findTitle(sections, email);
  consume(title.used);

  const optionZone = options.timezone ? parseZone(options.timezone) : undefined;
  const times = documentTimes(sections, optionZone);
  consume(times.used);
  const entries: ImportedEntry[] = [];
  for (const section of all('timeline')) {
    const result = timelineEntries(section.units, { date: times.date, zone: times.zone });
    entries.push(...result.entries);
    consume(section.units.filter((unit) => !result.rest.includes(unit)));
  }
  const when = incidentTimes(times, entries, optionZone);

  const impactSummary = takeText(first('impact'), 3);
  const share =
    usersAffected(
      all('impact')
        .map((s) => unitsText(s.units))
        .join('\n'),
    ) ?? usersAffected(unitsText(first('summary')?.units ?? []));
  const usersAffectedPercent: Known<number> | undefined = share && {
    value: share.percent,
    note: `${share.fromWords ? 'guessed ' : ''}from "${share.phrase}"`,
    guessed: share.fromWords,
  };

  const rootCauseSummary = takeText(first('rootCause'), 3);
  const trigger = takeText(first('trigger'), 3);
  const factors = all('contributingFactors').flatMap((section) => {
    consume(section.units);
    return section.units
      .filter((unit): unit is LineUnit => unit.type === 'line' && (!unit.list || unit.list.first))
      .map((unit) => unit.text);
  });
  const rootCauseText = [...all('rootCause'), ...all('trigger'), ...all('contributingFactors')]
    .map((section) => unitsText(section.units))
    .join('\n');

  // A "Resolution:" label inside the timeline is an entry; this is the Resolution section.
  const resolution = takeText(first('resolution'), 5);

  // Tasks from a tasks section; without one, corrective measures are the tasks.
  const tasks: ImportedTask[] = [];
  for (const section of all('tasks').length ? all('tasks') : all('measures')) {
    const result = taskItems(section.units);
    tasks.push(...result.tasks);
    consume(section.units.filter((unit) => !result.rest.includes(unit)));
  }

  const authors = all('authors').length
    ? all('authors').flatMap((section) => names(textOf(section.units)))
    : names(email?.from ?? '');
  const severitySection = first('severity');
  const labelledSeverity = severitySection && findSeverity(textOf(severitySection.units), options.severities);
  const mentionedSeverity = findSeverity(times.text, options.severities);
  const services = serviceSlugs(textOf(first('services')?.units ?? []));
  for (const kind of ['authors', 'severity', 'status'] as const) all(kind).forEach((s) => consume(s.units));
  if (services.length) all('services').forEach((s) => consume(s.units));

  let summary: Value<string> = known(
    takeText(first('summary'), 3),
    'the issue summary in one to three sentences',
  );
  const opening = isKnown(summary) ? undefined : openingParagraph(sections);
  if (opening)
    summary = { value: firstSentences(opening, 3).text, note: 'from the opening paragraph', guessed: true };

  const draft: Draft = {
    title: title.text
      ? fitTitle(title.text)
      : { placeholder: placeholder(`name the incident in up to ${MAX_TITLE_LENGTH} characters`) },
    summary,
    severity: labelledSeverity
      ? { value: labelledSeverity }
      : mentionedSeverity
        ? { value: mentionedSeverity, note: 'guessed from a mention in the text', guessed: true }
        : { placeholder: placeholder(`one of ${options.severities.map((entry) => entry.id).join(', ')}`) },
    startedAt: when.startedAt,
    detectedAt: when.detectedAt,
    mitigatedAt: when.mitigatedAt,
    resolvedAt: when.resolvedAt,
    duration: when.duration,
    timezone: when.timezone,
    services: services.length
      ? { value: services }
      : { placeholder: placeholder('the affected services as lowercase slugs, such as email') },
    impact: { summary: known(impactSummary, 'what users experienced'), usersAffectedPercent },
    rootCause: {
      category: categoryValue(rootCauseText, options.rootCauses, options.categoryHint),
      summary: known(rootCauseSummary, 'the root cause in a sentence'),
      trigger: trigger === undefined ? undefined : { value: trigger },
      contributingFactors: factors.length ? { value: factors } : undefined,
    },
    resolution: resolution === undefined ? undefined : { value: resolution },
    timeline: draftTimeline(entries),
    tasks: tasks.map(draftTask),
    authors: authors.length ? { value: authors } : undefined,
  };

  const body = renderBody(bodySections(sections, consumed, new Set(title.headings)));
  const date = isKnown(draft.startedAt) ? draft.startedAt.value.slice(0, 10) : undefined;
  const fileName = importFileName(date, title.text ?? (isKnown(summary) ? summary.value : ''));
  const text = `---\n${frontmatterYaml(draft)}---\n${body ? `\n${body}` : ''}`;
  return { draft, body, date, fileName, text, warnings: when.warnings };
}

/** The first paragraph of prose before any known section, for a summary when none is labelled. */
function openingParagraph(sections: readonly Section[]): string | undefined {
  for (const section of sections) {
    if (section.kind !== 'preamble' && section.kind !== 'other') return undefined;
    const lines = firstParagraph(section.units.filter((unit) => unit.type === 'line' && !unit.headingLike));
    const text = textOf(lines);
    if (/[.!?]$/.test(text) && text.split(/\s+/).length >= 6) return text;
  }
  return undefined;
}

/** The sections for the body: what the frontmatter did not take, under the source's headings. */
function bodySections(
  sections: readonly Section[],
  consumed: Set<Unit>,
  untitled: Set<Section>,
): BodySection[] {
  const kept = sections.map((section) => ({
    title: untitled.has(section) || section.continued ? undefined : section.title,
    level: section.level,
    units: section.units.filter((unit) => !consumed.has(unit)),
  }));
  // A heading with nothing under it stays only when a nested section under it has content.
  return kept.filter((section, index) => {
    if (section.units.length) return true;
    if (!section.title) return false;
    for (const next of kept.slice(index + 1)) {
      if (next.level <= section.level && next.title) return false;
      if (next.units.length) return next.level > section.level;
    }
    return false;
  });
}
