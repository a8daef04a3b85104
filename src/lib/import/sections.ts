/**
 * Groups a document's units into sections by what their headings and labels mean, whatever the
 * template called them: "Issue Summary", "**Impact:**", "ROOT CAUSE", "## Action items",
 * "- Tasks:" with a nested list. Section titles are matched against synonyms; everything the
 * importer does not recognise stays a section of kind `other`, kept in the body.
 */
import type { TimelineKind } from '../../schemas/timeline';
import type { LineUnit, Unit } from './parse-source';

/** What a section holds, as far as the importer is concerned. */
export type SectionKind =
  | 'preamble'
  | 'summary'
  | 'duration'
  | 'date'
  | 'impact'
  | 'rootCause'
  | 'rootCauseAndResolution'
  | 'trigger'
  | 'contributingFactors'
  | 'timeline'
  | 'resolution'
  | 'detection'
  | 'measures'
  | 'tasks'
  | 'lessons'
  | 'closing'
  | 'authors'
  | 'severity'
  | 'services'
  | 'status'
  | 'other';

/** Heading and label words per section kind, lower case, as `normalizeLabel` leaves them. */
const SECTION_SYNONYMS: Record<Exclude<SectionKind, 'preamble' | 'other'>, string[]> = {
  summary: [
    'summary',
    'issue summary',
    'incident summary',
    'executive summary',
    'overview',
    'tl;dr',
    'tldr',
    'what happened',
    'description',
    'incident description',
    'abstract',
  ],
  duration: [
    'duration',
    'incident duration',
    'outage duration',
    'time window',
    'incident window',
    'outage window',
    'when',
    'time frame',
    'timeframe',
    'times',
    'period',
  ],
  date: ['date', 'incident date', 'date of incident', 'date of the incident', 'date and time', 'day'],
  impact: [
    'impact',
    'user impact',
    'customer impact',
    'business impact',
    'impact summary',
    'who was affected',
    'scope',
    'scope of impact',
    'affected users',
  ],
  rootCause: [
    'root cause',
    'root causes',
    'cause',
    'causes',
    'root cause analysis',
    'rca',
    'why it happened',
    'underlying cause',
    'cause of the outage',
    'cause of the incident',
  ],
  rootCauseAndResolution: [
    'root cause and resolution',
    'root causes and resolution',
    'cause and resolution',
    'root cause and fix',
  ],
  trigger: ['trigger', 'triggers', 'triggering event'],
  contributingFactors: ['contributing factors', 'contributing factor', 'contributing causes'],
  timeline: [
    'timeline',
    'timeline of events',
    'incident timeline',
    'detailed timeline',
    'chronology',
    'sequence of events',
    'events',
  ],
  resolution: [
    'resolution',
    'resolution and recovery',
    'recovery',
    'fix',
    'the fix',
    'how it was fixed',
    'resolution steps',
    'mitigation and resolution',
  ],
  detection: ['detection', 'how it was detected', 'how we found out'],
  measures: [
    'corrective and preventative measures',
    'corrective and preventive measures',
    'corrective measures',
    'preventive measures',
    'preventative measures',
    'corrective actions',
    'corrective and preventive actions',
    'preventive actions',
    'improvements',
    'improvements/fixes',
    'improvements and fixes',
    'fixes',
    'remediation',
    'remediations',
    'prevention',
  ],
  tasks: [
    'tasks',
    'task list',
    'action items',
    'action item',
    'actions items',
    'follow-up',
    'follow-ups',
    'follow up',
    'follow-up tasks',
    'follow-up actions',
    'follow up actions',
    'followups',
    'next steps',
    'todo',
    'to do',
    'to-do',
  ],
  lessons: [
    'lessons learned',
    'lessons learnt',
    'lessons',
    'what went well',
    'what went wrong',
    'where we got lucky',
    'takeaways',
    'learnings',
  ],
  closing: ['closing remarks', 'conclusion', 'conclusions', 'closing thoughts', 'final thoughts'],
  authors: ['authors', 'author', 'written by', 'prepared by', 'postmortem owner'],
  severity: ['severity', 'sev', 'incident severity', 'severity level', 'priority'],
  services: [
    'services',
    'service',
    'services affected',
    'affected services',
    'systems affected',
    'affected systems',
    'affected components',
    'components',
  ],
  status: ['status', 'document status', 'postmortem status'],
};

/** Labels of timeline entries ("Detection:", "Actions taken:", …), by the kind they give. */
const TIMELINE_LABELS: Record<TimelineKind, string[]> = {
  detection: ['detection', 'detected', 'detection time', 'alert', 'alerted', 'first alert'],
  action: [
    'actions taken',
    'action taken',
    'actions',
    'action',
    'response',
    'investigation',
    'investigations',
  ],
  misleading: [
    'misleading paths',
    'misleading path',
    'misleading',
    'red herrings',
    'red herring',
    'dead ends',
    'dead end',
    'wrong turns',
    'false leads',
  ],
  escalation: ['escalation', 'escalations', 'escalated'],
  mitigation: ['mitigation', 'mitigated', 'workaround', 'mitigation steps'],
  resolution: ['resolution', 'resolved', 'recovery', 'fix', 'fixed', 'restored'],
  note: ['note', 'notes'],
};

/**
 * A heading or label reduced to its words: lower case, without numbering ("2.", "IV."),
 * parentheses ("Timeline (UTC)"), colons or emphasis, `&` read as "and".
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/, '')
    .replace(/[*_`#:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
}

const lookup = <K extends string>(
  table: Record<K, string[]>,
  label: string,
  prefix: boolean,
): K | undefined => {
  const words = normalizeLabel(label);
  const entries = Object.entries(table) as [K, string[]][];
  for (const [kind, synonyms] of entries) if (synonyms.includes(words)) return kind;
  if (!prefix) return undefined;
  // "Impact on customers", "Timeline of the outage": the longest synonym the title starts with.
  let best: { kind: K; length: number } | undefined;
  for (const [kind, synonyms] of entries) {
    for (const synonym of synonyms) {
      if (words.startsWith(`${synonym} `) && synonym.length > (best?.length ?? 0)) {
        best = { kind, length: synonym.length };
      }
    }
  }
  return best?.kind;
};

/**
 * The kind of section a heading or label starts, or `undefined` when it is not one the importer
 * knows. Headings may add words ("Impact on customers"); labels must match a synonym exactly,
 * so a sentence that happens to contain a colon does not start a section.
 */
export function sectionKindOf(label: string, { heading = false } = {}): SectionKind | undefined {
  return lookup(SECTION_SYNONYMS, label, heading);
}

/** The timeline kind a label inside a timeline gives ("Misleading paths:" → `misleading`). */
export function timelineKindOf(label: string): TimelineKind | undefined {
  return lookup(TIMELINE_LABELS, label, false);
}

/** A run of a document under one heading or label. */
export interface Section {
  kind: SectionKind;
  /** The heading or label as written, without markup; `undefined` for the preamble. */
  title: string | undefined;
  /** Markdown heading level for the body: 2 for top-level sections, 3 for nested ones. */
  level: number;
  units: Unit[];
  /** True for the rest of a section after a list-scoped sub-section closed. */
  continued: boolean;
}

/** The sections of those kinds that hold anything, in document order. */
export const sectionsOf = (sections: readonly Section[], ...kinds: SectionKind[]): Section[] =>
  sections.filter((section) => kinds.includes(section.kind) && section.units.length);

/** E-mail headers at the top of a write-up (`Subject:`, `From:`, `Date:`), by lower-case name. */
export type EmailHeaders = Partial<Record<'subject' | 'from' | 'to' | 'cc' | 'date' | 'sent', string>>;

/** A document split into sections, with its e-mail headers when it is an e-mail. */
export interface SectionedDocument {
  sections: Section[];
  /** Present when the document starts with e-mail headers. */
  email: EmailHeaders | undefined;
}

const EMAIL_HEADERS = new Set(['subject', 'from', 'to', 'cc', 'date', 'sent']);
const GREETING = /^(?:hi|hello|hey|dear|greetings)\b.{0,40}[,!:]?$|^(?:all|team|folks|everyone)\s*,$/i;
const SIGN_OFF =
  /^(?:thanks|thank you|many thanks|regards|best|best regards|kind regards|cheers|sincerely)\b.{0,20}[,!.]?$|^--\s*$/i;

/** Lines that close a write-up rather than continue a list ("In conclusion, …"). */
const CLOSING = /^(?:in conclusion|to conclude|in summary|to summari[sz]e|to sum up|overall,)/i;
/** Prose that closes a list of tasks or events ("This incident underscores …"). */
const CLOSING_AFTER_LIST = /^(?:this|the) (?:incident|outage|event|postmortem|review)\b/i;
const LISTY: readonly SectionKind[] = ['tasks', 'measures', 'timeline', 'lessons'];
/** Sections whose labelled parts sit under them ("Root cause and resolution:" then "Root cause: …"). */
const CONTAINERS: readonly SectionKind[] = ['rootCauseAndResolution', 'measures', 'lessons', 'other'];

/** Splits e-mail headers, greeting and sign-off off the units, when the document is an e-mail. */
function emailParts(units: Unit[]): { email: EmailHeaders | undefined; body: Unit[] } {
  const email: EmailHeaders = {};
  let index = 0;
  for (; index < units.length; index++) {
    const unit = units[index];
    const name = unit?.type === 'line' ? unit.label?.name.toLowerCase() : undefined;
    if (!unit || unit.type !== 'line' || !unit.label || !name || !EMAIL_HEADERS.has(name)) break;
    email[name as keyof EmailHeaders] = unit.label.value;
  }
  if (!email.subject && !(email.from && email.to)) return { email: undefined, body: units };
  const body = units.slice(index);
  const first = body[0];
  if (first?.type === 'line' && GREETING.test(first.text)) body.shift();
  const signOff = body.findIndex((unit) => unit.type === 'line' && !unit.list && SIGN_OFF.test(unit.text));
  if (signOff >= 0) body.splice(signOff);
  return { email, body };
}

/** The value part of a `Label: value` line as its own unit, with the label cut from its source too. */
function valueUnit(unit: LineUnit, value: string): LineUnit {
  const source = unit.source.replace(/^\s*(?:\*\*|__)?[^:]*?:(?:\*\*|__)?\s*/, '');
  const { label: _label, ...rest } = unit;
  return { ...rest, text: value, source: source || value, headingLike: false };
}

interface Scope {
  depth: number;
  parent: Section;
}

/** Whether a unit still belongs to a section opened by a list item at `scope.depth`. */
const insideScope = (unit: Unit, scope: Scope) =>
  unit.type === 'line' &&
  unit.list !== undefined &&
  (unit.list.depth > scope.depth || (unit.list.depth === scope.depth && !unit.list.first));

/**
 * Splits units into sections. A heading or a known label starts a section; a known label on a
 * list item (`- Tasks:` with a nested list) starts one that ends with that item. Inside a
 * timeline, entry labels ("Detection:", "Resolution:") stay entries rather than sections.
 */
export function sectionize(units: readonly Unit[]): SectionedDocument {
  const { email, body } = emailParts([...units]);
  const sections: Section[] = [];
  const open = (kind: SectionKind, title: string | undefined, level: number, continued = false) => {
    const section: Section = { kind, title, level, units: [], continued };
    sections.push(section);
    return section;
  };
  let current = open('preamble', undefined, 2);
  const scopes: Scope[] = [];

  for (const unit of body) {
    while (scopes.length && !insideScope(unit, scopes.at(-1) as Scope)) {
      const { parent } = scopes.pop() as Scope;
      current = open(parent.kind, parent.title, parent.level, true);
    }
    if (unit.type === 'heading') {
      scopes.length = 0;
      current = open(
        sectionKindOf(unit.text, { heading: true }) ?? 'other',
        unit.text,
        unit.depth <= 2 ? 2 : 3,
      );
      continue;
    }
    if (unit.type !== 'line') {
      current.units.push(unit);
      continue;
    }
    if (unit.label) {
      const { name, value } = unit.label;
      if (current.kind === 'timeline' && timelineKindOf(name)) {
        current.units.push(unit);
        continue;
      }
      const kind = sectionKindOf(name, { heading: !value });
      if (kind) {
        const parent = current;
        const nested =
          Boolean(unit.list) ||
          (CONTAINERS.includes(parent.kind) && !parent.continued && parent.units.length === 0);
        current = open(kind, name, nested ? 3 : 2);
        if (value) current.units.push(valueUnit(unit, value));
        if (unit.list) scopes.push({ depth: unit.list.depth, parent });
        continue;
      }
    }
    if (unit.headingLike) {
      scopes.length = 0;
      current = open(sectionKindOf(unit.text, { heading: true }) ?? 'other', unit.text, 2);
      continue;
    }
    const closes =
      !unit.list &&
      (CLOSING.test(unit.text) || (LISTY.includes(current.kind) && CLOSING_AFTER_LIST.test(unit.text)));
    if (closes && current.kind !== 'closing') {
      scopes.length = 0;
      current = open('closing', 'Closing remarks', 2);
    }
    current.units.push(unit);
  }
  const kept = sections.filter((section) => section.units.length || (section.title && !section.continued));
  return { sections: kept, email };
}
