/**
 * `hindsight import`'s core: turns a free-form postmortem into a typed draft. It reads what the
 * source states (title, summary, times and zone, duration, impact, root cause, timeline, tasks),
 * guesses what it can only infer (the root-cause category, timeline kinds, task types) and says
 * so in comments, writes a `TODO: …` placeholder wherever a required value is unknown, and keeps
 * the prose it did not use as the MDX body.
 */
import type { TaxonomyEntry } from '../../schemas/taxonomy';
import { placeholder } from '../placeholder';
import { renderBody, type BodySection } from './body';
import { guessCategory } from './category-guess';
import {
  addDays,
  declaredZone,
  findDates,
  findStatedDuration,
  findZones,
  type PartialDate,
} from './date-time';
import { importFileName, slugify } from './file-name';
import { frontmatterYaml, isKnown, type Draft, type DraftEntry, type Known, type Value } from './frontmatter';
import { minutesOf, resolveMoment, type Moment } from './moments';
import { parseSource, type LineUnit, type Unit } from './parse-source';
import { firstParagraph, firstSentences, textOf } from './prose';
import { sectionize, type EmailHeaders, type Section, type SectionKind } from './sections';
import { taskItems, type ImportedTask } from './task-items';
import { timelineEntries, type ImportedEntry } from './timeline-entries';
import { usersAffected } from './users-affected';
import { findWindow, type IncidentWindow } from './window';
import { formatInstant, parseZone, type ZoneRef } from './zones';

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
const isGenericTitle = (title: string) => {
  const words = title
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim();
  return (
    !words || GENERIC_TITLES.has(words) || /^[\w.]+(?:[-_][\w.]+)+$/.test(words) || /^\S*\d\S*$/.test(words)
  );
};

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

/** A title a page can use: up to 120 characters, cut at a word when longer. */
function fitTitle(title: string): Known<string> {
  if (title.length <= 120) return { value: title };
  const cut = title.slice(0, 119).replace(/\s+\S*$/, '');
  return { value: `${cut}…`, note: 'shortened to 120 characters', guessed: true };
}

/** The moment `minutes` later on the wall clock; the date rolls over at midnight. */
function later(moment: Moment, minutes: number): Moment {
  if (!moment.time) return moment;
  const total = minutesOf(moment.time) + minutes;
  const days = Math.floor(total / 1440);
  const rest = ((total % 1440) + 1440) % 1440;
  return {
    ...moment,
    date: moment.date && days ? addDays(moment.date, days) : moment.date,
    time: { hour: Math.floor(rest / 60), minute: rest % 60 },
  };
}

/** Wall-clock minutes from one moment to another, when both have a time (and dates, if any). */
function wallMinutes(from: Moment, to: Moment): number | undefined {
  if (!from.time || !to.time) return undefined;
  let days = 0;
  if (from.date && to.date) {
    const a = Date.UTC(from.date.year ?? 2000, from.date.month - 1, from.date.day);
    const b = Date.UTC(to.date.year ?? from.date.year ?? 2000, to.date.month - 1, to.date.day);
    days = Math.round((b - a) / 86_400_000);
  }
  return days * 1440 + minutesOf(to.time) - minutesOf(from.time);
}

const isoDuration = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
};

const hours = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
};

/** Names as written in an "Authors:" line or an e-mail's From header (without the address). */
function names(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/"/g, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name && !/@/.test(name));
}

/** Severity ids compared without case or punctuation: "Sev-2" is "SEV2". */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function findSeverity(text: string, severities: readonly TaxonomyEntry[]): string | undefined {
  const words = text.split(/[\s,;:()[\]/]+/).map(squash);
  for (let index = 0; index < words.length; index++) {
    const one = words[index] ?? '';
    const two = one + (words[index + 1] ?? '');
    const match = severities.find((entry) => squash(entry.id) === one || squash(entry.id) === two);
    if (match) return match.id;
  }
  return undefined;
}

/** Reads a source document into a draft postmortem; see the module comment. */
export function importPostmortem(source: string, options: ImportOptions): ImportResult {
  const { sections, email } = sectionize(parseSource(source));
  const consumed = new Set<Unit>();
  const untitled = new Set<Section>();
  const warnings: string[] = [];
  const all = (kind: SectionKind) =>
    sections.filter((section) => section.kind === kind && section.units.length);
  const first = (kind: SectionKind) => all(kind)[0];
  const consume = (units: readonly Unit[]) => units.forEach((unit) => consumed.add(unit));
  const consumeSections = (kind: SectionKind) => all(kind).forEach((section) => consume(section.units));

  /** A section's first paragraph as a frontmatter value (up to `max` sentences). */
  const takeText = (section: Section | undefined, max: number): string | undefined => {
    if (!section) return undefined;
    const paragraph = firstParagraph(section.units);
    const text = textOf(paragraph);
    if (!text) return undefined;
    const { text: short, complete } = firstSentences(text, max);
    if (complete) consume(paragraph);
    return short;
  };

  // Title: the e-mail's subject, else the first heading or short line that names the incident.
  const title = findTitle(sections, email, consumed, untitled);

  // The zone: the one the duration names, one the document declares, any, or --timezone.
  const optionZone = options.timezone ? parseZone(options.timezone) : undefined;
  const allText = sections.map((section) => `${section.title ?? ''}\n${unitsText(section.units)}`).join('\n');
  const durationText = [...all('duration'), ...all('date')]
    .map((section) => unitsText(section.units))
    .join('\n');
  const timelineText = sections
    .filter((section) => section.kind === 'timeline')
    .map((section) => `${section.title ?? ''}\n${unitsText(section.units)}`)
    .join('\n');
  const documentZone =
    findZones(durationText)[0]?.zone ??
    declaredZone(allText) ??
    findZones(timelineText)[0]?.zone ??
    findZones(allText)[0]?.zone ??
    optionZone;

  // The window: from the duration section, else the summary or the opening paragraph.
  const summaryText = unitsText(first('summary')?.units ?? []);
  const preambleText = unitsText(
    sections.filter((s) => s.kind === 'preamble' || s.kind === 'other').flatMap((s) => s.units),
  );
  const contextDate = [durationText, summaryText, preambleText]
    .map((text) => findDates(text)[0])
    .find(Boolean);
  const context = {
    zone: documentZone,
    date: contextDate
      ? { year: contextDate.year, month: contextDate.month, day: contextDate.day }
      : undefined,
  };
  let window: IncidentWindow | undefined;
  let windowFrom = '';
  for (const [text, from] of [
    [durationText, ''],
    [summaryText, 'the summary'],
    [preambleText, 'the opening paragraph'],
  ] as const) {
    if (!text) continue;
    const found = findWindow(text, { ...context, anyDuration: from === '' });
    if (found.start || found.duration) window ??= found;
    if (found.start) {
      window = found.duration || !window?.duration ? found : { ...found, duration: window.duration };
      windowFrom = from;
      break;
    }
  }
  if (window?.start && !windowFrom) consumeSections('duration');
  // A "Date:" line has done its job once the start has a full date.
  if (
    window?.start?.date?.year !== undefined ||
    (contextDate?.year !== undefined && !durationText.match(/\d:\d/))
  ) {
    consumeSections('date');
  }
  const startDate: PartialDate | undefined = window?.start?.date ?? context.date;

  // Timeline.
  const entries: ImportedEntry[] = [];
  for (const section of all('timeline')) {
    const result = timelineEntries(section.units, { date: startDate, zone: documentZone });
    entries.push(...result.entries);
    consume(section.units.filter((unit) => !result.rest.includes(unit)));
  }

  // Start and end: from the window, else from the timeline's first entry and its resolution.
  let start = window?.start;
  let startNote = windowFrom ? `from ${windowFrom}` : undefined;
  if (!start) {
    const entry = entries.find((e) => e.moment.time);
    if (entry) {
      start = entry.moment;
      startNote = "guessed from the timeline's first entry";
    }
  }
  let end = window?.end;
  let endNote = windowFrom ? `from ${windowFrom}` : undefined;
  if (!end) {
    const entry = entries.filter((e) => e.kind === 'resolution' && e.moment.time).at(-1);
    if (entry) {
      end = entry.moment;
      endNote = "guessed from the timeline's resolution entry";
    }
  }
  const stated = window?.duration ?? findStatedDuration(allText);
  const startResolved = start ? resolveMoment(start) : undefined;
  let endResolved = end ? resolveMoment(end) : undefined;
  if (start && !end && stated?.ms) {
    // The end is the start plus the stated length: in elapsed time when the start is a known
    // instant (right across a daylight-saving change), else on the wall clock for the placeholder.
    endNote = `startedAt plus the stated duration, "${stated.phrase}"`;
    if (startResolved && 'instant' in startResolved && start.zone) {
      const instant = new Date(startResolved.instant.getTime() + stated.ms);
      endResolved = { timestamp: formatInstant(instant, start.zone), instant };
    } else {
      end = later(start, Math.round(stated.ms / 60_000));
      endResolved = resolveMoment(end);
    }
  }
  const startedAt: Value<string> =
    startResolved && 'timestamp' in startResolved
      ? { value: startResolved.timestamp, note: startNote, guessed: startNote?.startsWith('guessed') }
      : {
          placeholder:
            startResolved?.placeholder ?? placeholder('when impact began; the source does not say'),
        };
  const resolvedAt: Value<string> =
    endResolved && 'timestamp' in endResolved
      ? { value: endResolved.timestamp, note: endNote, guessed: endNote?.startsWith('guessed') }
      : {
          placeholder:
            endResolved?.placeholder ??
            placeholder('when the incident was resolved; the source does not say'),
        };
  for (const resolved of [startResolved, endResolved]) {
    if (resolved && 'warning' in resolved && resolved.warning && !warnings.includes(resolved.warning))
      warnings.push(resolved.warning);
  }

  // Duration: written when the source states one that agrees with the times.
  let duration: Known<string> | undefined;
  if (stated) {
    const actual =
      startResolved && 'instant' in startResolved && endResolved && 'instant' in endResolved
        ? (endResolved.instant.getTime() - startResolved.instant.getTime()) / 60_000
        : start && end
          ? wallMinutes(start, end)
          : undefined;
    const statedMinutes = stated.ms / 60_000;
    if (actual === undefined || Math.abs(actual - statedMinutes) <= 1) {
      duration = { value: isoDuration(stated.ms), note: `from "${stated.phrase}"` };
    } else {
      warnings.push(
        `duration: the source says "${stated.phrase}" but the times span ${hours(actual * 60_000)}; duration is left out, so it is computed from the times`,
      );
    }
  } else if (end && !isKnown(resolvedAt) && !isKnown(startedAt) && start) {
    const minutes = wallMinutes(start, end);
    if (minutes !== undefined && minutes > 0)
      duration = { value: isoDuration(minutes * 60_000), note: 'the span of the times in the source' };
  }

  const zone: ZoneRef | undefined = start?.zone ?? documentZone;
  const timezone: Known<string> | undefined = zone?.iana
    ? {
        value: zone.iana,
        note:
          zone === optionZone && !findZones(allText).length
            ? 'from --timezone'
            : zone.written !== zone.iana
              ? `from "${zone.written}"`
              : undefined,
      }
    : undefined;
  if (zone && !zone.iana) {
    warnings.push(
      `timezone: ${zone.written} is not an IANA zone; the times keep its offset, and pages show them in the site's zone`,
    );
  }

  // Timeline entries, and the milestones they give.
  const timeline: DraftEntry[] = entries.map((entry, index) => {
    const at = resolveMoment(entry.moment);
    const gap = 'missing' in at && at.missing === 'time' ? untimedHint(entries, index) : undefined;
    const kindNote =
      entry.kindFrom.source === 'words'
        ? `guessed from "${entry.kindFrom.words}"`
        : entry.kindFrom.source === 'default'
          ? 'no kind in the source'
          : undefined;
    return {
      at: 'timestamp' in at ? { value: at.timestamp } : { placeholder: gap ?? at.placeholder },
      kind: {
        value: entry.kind,
        note: kindNote,
        guessed: entry.kindFrom.source === 'words' || entry.kindFrom.source === 'default',
      },
      text: entry.text,
    };
  });
  const milestone = (kind: 'detection' | 'mitigation'): Known<string> | undefined => {
    if (!startResolved || !('instant' in startResolved)) return undefined;
    for (const entry of entries) {
      if (entry.kind !== kind) continue;
      const at = resolveMoment(entry.moment);
      if (!('instant' in at)) continue;
      const after = at.instant >= startResolved.instant;
      const before = !endResolved || !('instant' in endResolved) || at.instant <= endResolved.instant;
      if (after && before) return { value: at.timestamp, note: 'from the timeline' };
    }
    return undefined;
  };

  // Impact.
  const impactSection = first('impact');
  const impactSummary = takeText(impactSection, 3);
  const share =
    usersAffected(
      all('impact')
        .map((section) => unitsText(section.units))
        .join('\n'),
    ) ?? usersAffected(summaryText);
  const usersAffectedPercent: Known<number> | undefined = share
    ? {
        value: share.percent,
        note: `${share.fromWords ? 'guessed ' : ''}from "${share.phrase}"`,
        guessed: share.fromWords,
      }
    : undefined;

  // Root cause: summary, trigger, contributing factors, and a guessed category.
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
  const category = chooseCategory(rootCauseText, options);

  // Resolution (a "Resolution:" entry inside the timeline is an entry, not this).
  const resolution = takeText(first('resolution'), 5);

  // Tasks: from a tasks section, else from corrective measures.
  const taskSections = all('tasks').length ? all('tasks') : all('measures');
  const tasks: ImportedTask[] = [];
  for (const section of taskSections) {
    const result = taskItems(section.units);
    tasks.push(...result.tasks);
    consume(section.units.filter((unit) => !result.rest.includes(unit)));
  }

  // Authors, severity, services: from their labels when the source has them.
  const authorNames = [
    ...all('authors').flatMap((section) => names(textOf(section.units))),
    ...(email?.from && !all('authors').length ? names(email.from) : []),
  ];
  consumeSections('authors');
  const severitySection = first('severity');
  const severityId =
    (severitySection ? findSeverity(textOf(severitySection.units), options.severities) : undefined) ??
    findSeverity(allText, options.severities);
  if (severitySection) consume(severitySection.units);
  const severity: Value<string> = severityId
    ? severitySection
      ? { value: severityId }
      : { value: severityId, note: 'guessed from a mention in the text', guessed: true }
    : { placeholder: placeholder(`one of ${options.severities.map((entry) => entry.id).join(', ')}`) };
  const servicesSection = first('services');
  const serviceSlugs = servicesSection
    ? [
        ...new Set(
          textOf(servicesSection.units)
            .split(/\s*(?:,|;|\band\b|&)\s*/)
            .map((name) => slugify(name, 4))
            .filter(Boolean),
        ),
      ]
    : [];
  if (servicesSection && serviceSlugs.length) consume(servicesSection.units);
  consumeSections('status');

  // Summary: the summary section, else the opening paragraph, marked as a guess.
  let summary: Value<string> | undefined;
  const summarySection = first('summary');
  const summaryValue = takeText(summarySection, 3);
  if (summaryValue) summary = { value: summaryValue };
  else {
    const opening = openingParagraph(sections);
    if (opening)
      summary = { value: firstSentences(opening, 3).text, note: 'from the opening paragraph', guessed: true };
  }

  const draft: Draft = {
    title: title
      ? fitTitle(title.text)
      : { placeholder: placeholder('name the incident in up to 120 characters') },
    summary: summary ?? { placeholder: placeholder('the issue summary in one to three sentences') },
    severity,
    startedAt,
    detectedAt: milestone('detection'),
    mitigatedAt: milestone('mitigation'),
    resolvedAt,
    duration,
    timezone,
    services: serviceSlugs.length
      ? { value: serviceSlugs }
      : { placeholder: placeholder('the affected services as lowercase slugs, such as email') },
    impact: {
      summary: impactSummary
        ? { value: impactSummary }
        : { placeholder: placeholder('what users experienced') },
      usersAffectedPercent,
    },
    rootCause: {
      category,
      summary: rootCauseSummary
        ? { value: rootCauseSummary }
        : { placeholder: placeholder('the root cause in a sentence') },
      trigger: trigger ? { value: trigger } : undefined,
      contributingFactors: factors.length ? { value: factors } : undefined,
    },
    resolution: resolution ? { value: resolution } : undefined,
    timeline,
    tasks: tasks.map((task) => ({
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
    })),
    authors: authorNames.length ? { value: authorNames } : undefined,
  };

  const body = renderBody(bodySections(sections, consumed, untitled));
  const date = isKnown(draft.startedAt) ? draft.startedAt.value.slice(0, 10) : undefined;
  const slugSource = title?.text ?? (isKnown(draft.summary) ? draft.summary.value : '');
  const fileName = importFileName(date, slugSource);
  const text = `---\n${frontmatterYaml(draft)}---\n${body ? `\n${body}` : ''}`;
  return { draft, body, date, fileName, text, warnings };
}

const clock = (moment: Moment) =>
  moment.time
    ? `${String(moment.time.hour).padStart(2, '0')}:${String(moment.time.minute).padStart(2, '0')}`
    : '';

/**
 * The placeholder for an entry the source gives no time, naming the times around it, so the
 * author knows where to look: "TODO: the time of this entry, between 15:00 and 15:15 PST".
 */
function untimedHint(entries: readonly ImportedEntry[], index: number): string | undefined {
  const before = entries.slice(0, index).findLast((entry) => entry.moment.time)?.moment;
  const after = entries.slice(index + 1).find((entry) => entry.moment.time)?.moment;
  if (!before && !after) return undefined;
  const zone = (before ?? after)?.zone?.written;
  const range =
    before && after
      ? `between ${clock(before)} and ${clock(after)}`
      : before
        ? `after ${clock(before)}`
        : `before ${clock(after as Moment)}`;
  const date = entries[index]?.moment.date;
  const day = date
    ? ` on ${date.year ?? 'YYYY'}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
    : '';
  return placeholder(
    `the time of this entry, ${range}${zone ? ` ${zone}` : ''}${day}; the source gives none`,
  );
}

/** The plain text of units, tables included (cells joined), one line each. */
function unitsText(units: readonly Unit[]): string {
  return units
    .map((unit) => {
      if (unit.type === 'line') return unit.label ? `${unit.label.name}: ${unit.label.value}` : unit.text;
      if (unit.type === 'table') return [unit.header, ...unit.rows].map((row) => row.join(' | ')).join('\n');
      if (unit.type === 'heading') return unit.text;
      return '';
    })
    .join('\n');
}

function chooseCategory(rootCauseText: string, options: ImportOptions): Value<string> {
  const ids = options.rootCauses.map((entry) => entry.id);
  const hint = options.categoryHint?.trim();
  if (hint && ids.includes(hint)) return { value: hint, note: 'from --category-hint' };
  const allowed = placeholder(`one of ${ids.join(', ')}`);
  const text = `${rootCauseText}\n${hint ?? ''}`.trim();
  if (!text) return { placeholder: allowed };
  const guess = guessCategory(text, options.rootCauses);
  if (!guess) return { placeholder: allowed };
  const words = guess.words
    .slice(0, 3)
    .map((word) => `"${word}"`)
    .join(', ');
  return {
    value: guess.id,
    note: `guessed from ${words}${guess.margin === 0 ? ' (a tie)' : ''}`,
    guessed: true,
  };
}

function findTitle(
  sections: readonly Section[],
  email: EmailHeaders | undefined,
  consumed: Set<Unit>,
  untitled: Set<Section>,
): { text: string } | undefined {
  if (email?.subject) {
    const subject = cleanTitle(email.subject);
    if (subject && !isGenericTitle(subject)) return { text: subject };
  }
  for (const section of sections) {
    if (section.kind !== 'preamble' && section.kind !== 'other') break;
    if (section.kind === 'other' && section.title) {
      const heading = cleanTitle(section.title);
      untitled.add(section);
      if (heading && !isGenericTitle(heading)) return { text: heading };
    }
    for (const unit of section.units) {
      // Only short lines that stand alone can be a title; prose ends the search.
      if (
        unit.type !== 'line' ||
        unit.list ||
        /[.!?]$/.test(unit.text) ||
        unit.text.split(/\s+/).length > 16
      ) {
        return undefined;
      }
      consumed.add(unit);
      const line = cleanTitle(unit.text);
      if (line && !isGenericTitle(line)) return { text: line };
    }
  }
  return undefined;
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
