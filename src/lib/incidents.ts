import type { Postmortem } from '../schemas/postmortem';
import type { TaskStatus } from '../schemas/task';

/** A postmortem as pages handle it: its id and validated frontmatter. */
export interface Incident {
  id: string;
  data: Postmortem;
}

/** Tasks still to be done; `done` and `wont-do` are closed. */
const OUTSTANDING: readonly TaskStatus[] = ['open', 'in-progress'];

export const isOutstanding = (task: { status: TaskStatus }) => OUTSTANDING.includes(task.status);

export const outstandingTasks = (incident: Incident) => incident.data.tasks.filter(isOutstanding);

export const hasOutstandingTasks = (incident: Incident) => outstandingTasks(incident).length > 0;

/**
 * Which postmortems a site shows. Drafts are for their authors: visible in `astro dev`, left
 * out of production builds.
 */
export function isVisible(incident: Incident, { includeDrafts }: { includeDrafts: boolean }): boolean {
  return includeDrafts || incident.data.status !== 'draft';
}

/** What ordering and linking incidents read: `Incident` and similarity's narrower view fit it. */
interface Linked {
  id: string;
  data: { startedAt: Date; related?: readonly string[] | undefined };
}

/** Newest first by start; ties broken by id so the order is stable between builds. */
export function byNewest(a: Linked, b: Linked): number {
  return b.data.startedAt.getTime() - a.data.startedAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Each incident's related incidents, in either direction: the ones it lists, and the ones that
 * list it, newest first. An author links a new incident to an old one; the old page should show
 * the new one too. Links to incidents not in `incidents` (say, a draft in a production build)
 * and to the incident itself are dropped. One pass over every link, so a build computes it once
 * rather than scanning every incident for every incident page.
 */
export function relatedById<T extends Linked>(incidents: readonly T[]): Map<string, T[]> {
  const nodes = new Map(incidents.map((incident) => [incident.id, { incident, related: new Set<T>() }]));
  for (const node of nodes.values()) {
    for (const id of node.incident.data.related ?? []) {
      const other = nodes.get(id);
      if (!other || other === node) continue;
      node.related.add(other.incident);
      other.related.add(node.incident);
    }
  }
  return new Map([...nodes].map(([id, { related }]) => [id, [...related].sort(byNewest)]));
}

/** The year an incident started, in UTC; what the time pages and the year filter group by. */
export const startYear = (incident: Incident) => incident.data.startedAt.getUTCFullYear();
