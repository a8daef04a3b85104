/**
 * Made-up postmortems for the benchmark: valid against the schema and the check's warning rules,
 * shaped like a real collection (long-tailed services, bodies of about 300 to 1,200 words with a
 * median near 630, timelines with wrong turns, tasks with owners and due dates, links to earlier
 * incidents, a share public), and the same bytes for the same seed every time.
 */
import { stringify } from 'yaml';
import { seededRandom } from '../../test/helpers/seeded-random';
import {
  AUTHORS,
  CAUSES,
  COMPONENTS,
  CORE_SERVICES,
  DEPENDENCIES,
  METRICS,
  REGIONS,
  SECTION_SENTENCES,
  SERVICE_STEMS,
  SERVICE_SUFFIXES,
  SYMPTOMS,
  TAGS,
  TASK_TITLES,
  TEAMS,
  TIME_ZONES,
  TIMELINE_TEXTS,
  TITLE_OPENINGS,
} from './vocabulary';

export type CorpusFormat = 'mdx' | 'md';

export interface GeneratedFile {
  /** File name in `postmortems/`, such as `2019-04-02-checkout-connection-pool.mdx`. */
  name: string;
  text: string;
}

/** Root-cause ids of the default taxonomy, commonest first. */
const CATEGORIES = Object.keys(CAUSES);
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Incidents start between these dates, spread evenly in order of their number. */
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2026, 5, 30);

/** The long tail of services: the core ones first, then made-up stem-suffix names. */
const SERVICES: readonly string[] = [
  ...CORE_SERVICES,
  ...SERVICE_STEMS.flatMap((stem) => SERVICE_SUFFIXES.map((suffix) => `${stem}-${suffix}`)),
];

const CONFIG_KEYS = [
  'max_connections',
  'pool_size',
  'request_timeout',
  'retry_limit',
  'cache_ttl',
  'batch_size',
  'worker_count',
  'lock_timeout',
  'rate_limit_per_host',
  'max_body_size',
];

interface Generated {
  id: string;
  frontmatter: Record<string, unknown>;
  body: string;
  related: string[];
  published: boolean;
}

/** Picks and fills from one seeded stream, so the whole corpus follows from the seed. */
class Writer {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  /** Skewed towards the start of the list: a few entries take most of the picks, as services do. */
  skewed<T>(list: readonly T[], power = 3): T {
    return list[Math.floor(list.length * this.next() ** power)] as T;
  }
  chance(p: number) {
    return this.next() < p;
  }
  /** A standard normal number (Box-Muller). */
  normal() {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

/** What the slots of one incident's sentences are filled with. */
interface Slots {
  service: string;
  other: string;
  component: string;
  dependency: string;
  host: string;
  key: string;
  region: string;
  version: string;
  team: string;
}

function fill(w: Writer, template: string, slots: Slots): string {
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'metric':
        return w.pick(METRICS);
      case 'symptom':
        return w.pick(SYMPTOMS);
      case 'n':
        return String(w.int(3, 40));
      case 'pct':
        return String(w.int(5, 95));
      case 'minutes':
        return String(w.int(5, 90));
      default:
        return slots[name as keyof Slots];
    }
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isoMinute = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Words of a body: log-normal around 630, kept within 300 to 1,200. */
function bodyWords(w: Writer): number {
  // Sections overshoot their share by part of a sentence, and links and tables come on top.
  const overshoot = 90;
  return (
    Math.round(Math.min(1200 - overshoot, Math.max(300 + overshoot / 2, 630 * Math.exp(0.3 * w.normal())))) -
    overshoot
  );
}

function generateOne(
  w: Writer,
  index: number,
  count: number,
  earlier: readonly Generated[],
  format: CorpusFormat,
) {
  const service = w.skewed(SERVICES);
  const services = [service];
  for (let extra = w.int(0, 2); extra > 0; extra -= 1) {
    const another = w.skewed(SERVICES);
    if (!services.includes(another)) services.push(another);
  }
  const slots: Slots = {
    service,
    other: services[1] ?? w.skewed(SERVICES.filter((name) => name !== service)),
    component: w.pick(COMPONENTS),
    dependency: w.pick(DEPENDENCIES),
    host: `${service}-${w.pick(['db', 'app', 'cache', 'lb', 'worker'])}-${String(w.int(1, 40)).padStart(2, '0')}`,
    key: w.chance(0.6) ? w.pick(CONFIG_KEYS) : `${w.pick(SERVICE_STEMS)}_${w.pick(CONFIG_KEYS)}`,
    region: w.pick(REGIONS),
    version: `${w.int(1, 9)}.${w.int(0, 30)}.${w.int(0, 9)}`,
    team: w.pick(TEAMS),
  };
  const category = w.skewed(CATEGORIES, 1.6);
  const cause = CAUSES[category] ?? { title: [], summary: [], trigger: [] };
  const severity = SEVERITIES[Math.min(3, Math.floor(w.next() ** 0.8 * 4))] ?? 'SEV3';
  const status = w.chance(0.02) ? 'draft' : w.chance(0.03) ? 'in-review' : 'published';

  // Evenly spread over the years in order of number, so related links point back in time.
  const span = (LAST_DAY - FIRST_DAY) / count;
  const started = Math.floor((FIRST_DAY + span * (index + w.next() * 0.9)) / MINUTE) * MINUTE;
  const detected = started + w.int(1, 45) * MINUTE;
  const mitigated = detected + w.int(5, 240) * MINUTE;
  const resolved = mitigated + w.int(5, 600) * MINUTE;

  let title = `${fill(w, w.pick(TITLE_OPENINGS), slots)} ${fill(w, w.pick(cause.title), slots).replace(/^./, (c) => c.toLowerCase())}`;
  if (title.length > 120) title = `${title.slice(0, 117).replace(/\s+\S*$/, '')}`;

  const timeline = makeTimeline(w, slots, started, detected, mitigated, resolved);
  const tasks = makeTasks(w, slots, started);
  // Only published incidents link, so no page points at one a production build leaves out.
  const related =
    status === 'published' && earlier.length && w.chance(0.3) ? pickRelated(w, earlier, slots.service) : [];

  const frontmatter: Record<string, unknown> = {
    title,
    summary: `${fill(w, w.pick(SECTION_SENTENCES['What happened'] ?? []), slots)} ${fill(w, w.pick(cause.summary), slots)}`,
    ...(status === 'published' ? {} : { status }),
    ...(w.chance(0.15) ? { visibility: 'public' } : {}),
    severity,
    startedAt: isoMinute(started),
    detectedAt: isoMinute(detected),
    mitigatedAt: isoMinute(mitigated),
    ...(status === 'draft' && w.chance(0.5) ? {} : { resolvedAt: isoMinute(resolved) }),
    timezone: w.skewed(TIME_ZONES, 2),
    services,
    impact: {
      summary: `Users of ${service} saw ${w.pick(SYMPTOMS)} for ${Math.round((mitigated - started) / MINUTE)} minutes.`,
      ...(w.chance(0.6) ? { usersAffectedPercent: w.int(1, 100) } : {}),
    },
    rootCause: {
      category,
      summary: fill(w, w.pick(cause.summary), slots),
      ...(w.chance(0.8) ? { trigger: fill(w, w.pick(cause.trigger), slots) } : {}),
      ...(w.chance(0.7)
        ? {
            contributingFactors: Array.from({ length: w.int(1, 4) }, () =>
              fill(w, w.pick(SECTION_SENTENCES['Why it took so long'] ?? []), slots),
            ),
          }
        : {}),
    },
    ...(w.chance(0.85)
      ? { resolution: fill(w, w.pick(SECTION_SENTENCES['What we are changing'] ?? []), slots) }
      : {}),
    timeline,
    tasks,
    authors: [...new Set(Array.from({ length: w.int(1, 3) }, () => w.pick(AUTHORS)))],
    tags: [...new Set(Array.from({ length: w.int(0, 4) }, () => w.pick(TAGS)))],
  };
  if (!(frontmatter['tags'] as string[]).length) delete frontmatter['tags'];

  const id = `${isoDay(started)}-${slug(service)}-${slug(category)}-${index + 1}`;
  const body = makeBody(w, slots, related, format);
  return { id, frontmatter, body, related, published: status === 'published' } satisfies Generated;
}

function makeTimeline(
  w: Writer,
  slots: Slots,
  started: number,
  detected: number,
  mitigated: number,
  resolved: number,
) {
  const entries: { at: number; kind: string }[] = [{ at: detected, kind: 'detection' }];
  // The wrong turns and hand-offs happen between detection and mitigation, in time order.
  const middle = w.int(2, 10);
  const times = Array.from(
    { length: middle },
    () => detected + Math.floor((w.next() * (mitigated - detected)) / MINUTE) * MINUTE,
  ).sort((a, b) => a - b);
  for (const at of times) {
    const roll = w.next();
    entries.push({
      at,
      kind: roll < 0.2 ? 'misleading' : roll < 0.35 ? 'escalation' : roll < 0.45 ? 'note' : 'action',
    });
  }
  entries.push({ at: mitigated, kind: 'mitigation' }, { at: resolved, kind: 'resolution' });
  if (w.chance(0.5)) entries.unshift({ at: started, kind: 'note' });
  return entries.map(({ at, kind }) => ({
    at: isoMinute(at),
    kind,
    text: fill(w, w.pick(TIMELINE_TEXTS[kind] ?? []), slots),
  }));
}

function makeTasks(w: Writer, slots: Slots, started: number) {
  const types = Object.keys(TASK_TITLES);
  return Array.from({ length: w.int(1, 7) }, (_, n) => {
    const type = w.pick(types);
    const status = w.pick(['done', 'done', 'done', 'in-progress', 'open', 'wont-do']);
    const outstanding = status === 'open' || status === 'in-progress';
    return {
      title: fill(w, w.pick(TASK_TITLES[type] ?? []), slots),
      type,
      status,
      // Outstanding work has an owner and a date (the check warns otherwise); done work often not.
      ...(outstanding || w.chance(0.7) ? { owner: w.pick(TEAMS) } : {}),
      ...(outstanding || w.chance(0.5) ? { due: isoDay(started + w.int(7, 120) * DAY) } : {}),
      ...(w.chance(0.8)
        ? { link: `https://tracker.example/OPS-${Math.floor(started / DAY) % 90_000}${n}` }
        : {}),
    };
  });
}

/** One to three earlier published incidents, preferring ones of the same service. */
function pickRelated(w: Writer, earlier: readonly Generated[], service: string): string[] {
  const published = earlier.filter((incident) => incident.published);
  if (!published.length) return [];
  const sameService = published.filter((incident) =>
    (incident.frontmatter['services'] as string[]).includes(service),
  );
  const pool = sameService.length && w.chance(0.7) ? sameService : published;
  const chosen = new Set<string>();
  // From the most recent ones: related incidents are usually close in time.
  for (let n = w.int(1, 3); n > 0; n -= 1) chosen.add(w.pick(pool.slice(-200)).id);
  return [...chosen];
}

function makeBody(w: Writer, slots: Slots, related: readonly string[], format: CorpusFormat): string {
  const target = bodyWords(w);
  const sections = Object.keys(SECTION_SENTENCES);
  const shares = [0.3, 0.12, 0.22, 0.1, 0.18, 0.08];
  const parts: string[] = [];
  sections.forEach((section, s) => {
    parts.push(`## ${section}`);
    const goal = target * (shares[s] ?? 0.1);
    let written = 0;
    let paragraph: string[] = [];
    const sentences = SECTION_SENTENCES[section] ?? [];
    while (written < goal) {
      const sentence = fill(w, w.pick(sentences), slots);
      paragraph.push(sentence);
      written += wordCount(sentence);
      if (paragraph.length >= w.int(3, 6)) {
        parts.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) parts.push(paragraph.join(' '));
    if (section === 'What happened' && related[0]) {
      parts.push(
        `The pattern matches an [earlier incident](../${related[0]}/), where the ${slots.component} behaved the same way.`,
      );
    }
    if (section === 'What we are changing' && w.chance(0.4)) {
      parts.push(
        [
          '| Change | Status |',
          '| --- | --- |',
          ...Array.from(
            { length: w.int(2, 4) },
            () =>
              `| ${fill(w, w.pick(sentences), slots).replace(/\.$/, '')} | ${w.pick(['Done', 'In progress', 'Open'])} |`,
          ),
        ].join('\n'),
      );
    }
    if (section === 'Lessons' && format === 'mdx' && w.chance(0.05)) {
      parts.push(
        `<Internal>\nThe change record for ${slots.key} on ${slots.host} is kept in the internal tracker.\n</Internal>`,
      );
    }
  });
  return `${parts.join('\n\n')}\n`;
}

/**
 * `count` postmortems from `seed`, as files. Related links are written on both sides, as the
 * check's `related-reciprocal` rule asks.
 */
export function generateCorpus({
  count,
  seed = 1,
  format = 'mdx',
}: {
  count: number;
  seed?: number;
  format?: CorpusFormat;
}): GeneratedFile[] {
  const w = new Writer(seed);
  const generated: Generated[] = [];
  for (let index = 0; index < count; index += 1)
    generated.push(generateOne(w, index, count, generated, format));
  const byId = new Map(generated.map((incident) => [incident.id, incident]));
  for (const incident of generated) {
    for (const id of incident.related) {
      const other = byId.get(id);
      if (other && !other.related.includes(incident.id)) other.related.push(incident.id);
    }
  }
  return generated.map((incident) => {
    const frontmatter = incident.related.length
      ? { ...incident.frontmatter, related: incident.related }
      : incident.frontmatter;
    const yaml = stringify(frontmatter, { lineWidth: 0 });
    return { name: `${incident.id}.${format}`, text: `---\n${yaml}---\n\n${incident.body}` };
  });
}
