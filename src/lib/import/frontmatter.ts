/**
 * The frontmatter of an imported postmortem, written with the `yaml` package's Document API so
 * that guesses carry a comment saying what they rest on (`category: hardware # guessed from
 * "hardware", "disk"`), and unknown values are placeholders that the check reports.
 */
import { Document, isScalar, Scalar } from 'yaml';
import type { TaskStatus, TaskType } from '../../schemas/task';
import type { TimelineKind } from '../../schemas/timeline';

/** A value read from the source; `note` is a YAML comment, such as what a guess rests on. */
export interface Known<T> {
  value: T;
  note?: string | undefined;
  /** Whether the value is a guess a person should confirm (its note says from what). */
  guessed?: boolean | undefined;
}

/** A value the source does not give: a `TODO: …` placeholder saying what belongs there. */
export interface Unknown {
  placeholder: string;
}

/** A frontmatter value: known (maybe guessed) or a placeholder for a person to fill in. */
export type Value<T> = Known<T> | Unknown;

/** Whether the source gave the value, as opposed to leaving a placeholder. */
export const isKnown = <T>(value: Value<T> | undefined): value is Known<T> =>
  value !== undefined && 'value' in value;

/** A follow-up task as written into the frontmatter; only its type can be a guess. */
export interface DraftTask {
  title: string;
  type: Known<TaskType>;
  status: TaskStatus;
  owner?: string | undefined;
  due?: string | undefined;
  link?: string | undefined;
}

/** A timeline entry as written into the frontmatter: its time may be a placeholder, its kind a guess. */
export interface DraftEntry {
  at: Value<string>;
  kind: Known<TimelineKind>;
  text: string;
}

/** Everything the importer writes into the frontmatter, in the order postmortems list it. */
export interface Draft {
  title: Value<string>;
  summary: Value<string>;
  severity: Value<string>;
  startedAt: Value<string>;
  detectedAt?: Known<string> | undefined;
  mitigatedAt?: Known<string> | undefined;
  resolvedAt: Value<string>;
  duration?: Known<string> | undefined;
  timezone?: Known<string> | undefined;
  services: Value<string[]>;
  impact: { summary: Value<string>; usersAffectedPercent?: Known<number> | undefined };
  rootCause: {
    category: Value<string>;
    summary: Value<string>;
    trigger?: Known<string> | undefined;
    contributingFactors?: Known<string[]> | undefined;
  };
  resolution?: Known<string> | undefined;
  timeline: DraftEntry[];
  tasks: DraftTask[];
  authors?: Known<string[]> | undefined;
}

type Path = (string | number)[];

/** Collects plain values and the comments to hang on them. */
class Builder {
  notes: [Path, string][] = [];

  take<T>(path: Path, value: Value<T> | undefined): T | string | undefined {
    if (value === undefined) return undefined;
    if (!isKnown(value)) return value.placeholder;
    if (value.note) this.notes.push([path, value.note]);
    return value.value;
  }
}

/** Drops keys whose value is undefined, so the YAML has no `key: null` lines. */
const compact = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** Long prose reads best as a folded block (`>-`), as the sample postmortems write it. */
function foldLongText(doc: Document, path: Path) {
  const node = doc.getIn(path, true);
  if (
    isScalar(node) &&
    typeof node.value === 'string' &&
    node.value.length > 80 &&
    !node.value.includes('\n')
  ) {
    node.type = Scalar.BLOCK_FOLDED;
  }
}

/** The frontmatter as YAML text (without the `---` lines), status `draft`. */
export function frontmatterYaml(draft: Draft): string {
  const b = new Builder();
  const services = isKnown(draft.services) ? draft.services.value : [draft.services.placeholder];
  if (isKnown(draft.services) && draft.services.note) b.notes.push([['services'], draft.services.note]);
  const data = compact({
    title: b.take(['title'], draft.title),
    summary: b.take(['summary'], draft.summary),
    status: 'draft',
    severity: b.take(['severity'], draft.severity),
    startedAt: b.take(['startedAt'], draft.startedAt),
    detectedAt: b.take(['detectedAt'], draft.detectedAt),
    mitigatedAt: b.take(['mitigatedAt'], draft.mitigatedAt),
    resolvedAt: b.take(['resolvedAt'], draft.resolvedAt),
    duration: b.take(['duration'], draft.duration),
    timezone: b.take(['timezone'], draft.timezone),
    services,
    impact: compact({
      summary: b.take(['impact', 'summary'], draft.impact.summary),
      usersAffectedPercent: b.take(['impact', 'usersAffectedPercent'], draft.impact.usersAffectedPercent),
    }),
    rootCause: compact({
      category: b.take(['rootCause', 'category'], draft.rootCause.category),
      summary: b.take(['rootCause', 'summary'], draft.rootCause.summary),
      trigger: b.take(['rootCause', 'trigger'], draft.rootCause.trigger),
      contributingFactors: b.take(['rootCause', 'contributingFactors'], draft.rootCause.contributingFactors),
    }),
    resolution: b.take(['resolution'], draft.resolution),
    timeline: draft.timeline.length
      ? draft.timeline.map((entry, index) => ({
          at: b.take(['timeline', index, 'at'], entry.at),
          kind: b.take(['timeline', index, 'kind'], entry.kind),
          text: entry.text,
        }))
      : undefined,
    tasks: draft.tasks.map((task, index) =>
      compact({
        title: task.title,
        type: b.take(['tasks', index, 'type'], task.type),
        status: task.status,
        owner: task.owner,
        due: task.due,
        link: task.link,
      }),
    ),
    authors: b.take(['authors'], draft.authors),
  });

  const doc = new Document(data);
  for (const [path, note] of b.notes) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.comment = ` ${note}`;
    else if (node && typeof node === 'object' && 'commentBefore' in node) node.commentBefore = ` ${note}`;
  }
  for (const path of [
    ['summary'],
    ['impact', 'summary'],
    ['rootCause', 'summary'],
    ['rootCause', 'trigger'],
    ['resolution'],
  ]) {
    foldLongText(doc, path);
  }
  draft.timeline.forEach((_, index) => foldLongText(doc, ['timeline', index, 'text']));
  draft.tasks.forEach((_, index) => foldLongText(doc, ['tasks', index, 'title']));
  return doc.toString({ lineWidth: 100 });
}
