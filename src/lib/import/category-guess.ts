/**
 * Guesses a root-cause category for an imported postmortem by scoring the root-cause text
 * against the organisation's taxonomy (`content/taxonomy/root-causes.yaml`): words of a
 * category's id and label count most, words of its description less, and a word that many
 * categories share counts less than one only a few use. The guess is printed with the words it
 * rests on, for a person to confirm.
 */
import type { TaxonomyEntry } from '../../schemas/taxonomy';
import { placeholder } from '../placeholder';
import type { Value } from './frontmatter';

/** Words too common to tell categories apart. */
const STOP = new Set(
  (
    'a an and are as at be by can could did do does for from had has have in into is it its of on or our ' +
    'such that the their them then there these this those to was were which while who will with within ' +
    'not no we us you your one some any other outside own them what when where how why also than ' +
    'incident outage issue issues problem problems service services caused cause causing root failure failed ' +
    'fail failing failures went wrong'
  ).split(' '),
);

/**
 * Extra words for the default categories, for terms their descriptions do not use. A team that
 * renames or removes a default id simply loses these; its own labels and descriptions still count.
 */
const VOCABULARY: Record<string, string[]> = {
  hardware: [
    'disk',
    'drive',
    'drives',
    'storage',
    'array',
    'raid',
    'ssd',
    'hdd',
    'psu',
    'rack',
    'malfunction',
    'physical',
    'memory module',
    'fan',
    'controller',
  ],
  'software-bug': [
    'bug',
    'defect',
    'regression',
    'exception',
    'crash',
    'null',
    'race condition',
    'leak',
    'code',
  ],
  'config-change': [
    'config',
    'configuration',
    'misconfiguration',
    'misconfigured',
    'flag',
    'setting',
    'settings',
    'terraform',
  ],
  deployment: ['deploy', 'deployed', 'release', 'rollout', 'rollback', 'migration'],
  capacity: [
    'capacity',
    'overload',
    'overloaded',
    'exhausted',
    'exhaustion',
    'quota',
    'limit',
    'saturation',
    'traffic spike',
    'load',
    'space',
    'full',
    'filled',
  ],
  dependency: ['provider', 'vendor', 'third-party', 'upstream', 'saas', 'external'],
  network: [
    'network',
    'dns',
    'bgp',
    'routing',
    'latency',
    'packet',
    'load balancer',
    'firewall',
    'connectivity',
  ],
  security: ['attack', 'ddos', 'credential', 'certificate', 'breach', 'malicious', 'abuse'],
  data: ['corrupt', 'corrupted', 'corruption', 'schema', 'malformed'],
  automation: ['script', 'cron', 'job', 'automated', 'automation', 'operator', 'bot'],
  time: ['clock', 'timezone', 'dst', 'leap', 'expiry', 'expired'],
  process: ['runbook', 'review', 'human error', 'manual', 'procedure', 'communication'],
};

/** Lower-case word stems: "failed disks" → ["fail", "disk"]. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [])
    .filter((word) => !STOP.has(word) && word.length > 1)
    .map(stem);
}

/** A crude stemmer, enough to match "disks" with "disk" and "configured" with "configuration". */
function stem(word: string): string {
  return word
    .replace(/(?:ations?|ings?|ed|es|s)$/, '')
    .replace(/(?:ure|ion)$/, '')
    .replace(/e$/, '');
}

/** A category guess and what it rests on, so the importer can show the author why. */
export interface CategoryGuess {
  id: string;
  /** The words of the source text the guess rests on, most telling first. */
  words: string[];
  score: number;
  /** How far ahead of the runner-up it is, 0 for a tie. */
  margin: number;
}

interface Term {
  stem: string;
  weight: number;
}

function termsOf(entry: TaxonomyEntry): Term[] {
  const strong = stems(`${entry.id.replace(/-/g, ' ')} ${entry.label}`).map((s) => ({ stem: s, weight: 3 }));
  const weak = stems(entry.description).map((s) => ({ stem: s, weight: 1 }));
  const extra = (VOCABULARY[entry.id] ?? []).flatMap((phrase) =>
    stems(phrase).map((s) => ({ stem: s, weight: 2 })),
  );
  const best = new Map<string, number>();
  for (const term of [...strong, ...extra, ...weak])
    best.set(term.stem, Math.max(best.get(term.stem) ?? 0, term.weight));
  return [...best].map(([s, weight]) => ({ stem: s, weight }));
}

/**
 * The category whose words the text uses most, or `undefined` when no category's words occur.
 * Each stem counts once per category, weighted by where the category uses it and divided by how
 * many categories use it.
 */
export function guessCategory(text: string, entries: readonly TaxonomyEntry[]): CategoryGuess | undefined {
  const words = text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
  const byStem = new Map<string, string>();
  for (const word of words) if (!STOP.has(word) && word.length > 1) byStem.set(stem(word), word);

  const termsByEntry = entries.map((entry) => ({ entry, terms: termsOf(entry) }));
  const spread = new Map<string, number>();
  for (const { terms } of termsByEntry)
    for (const term of terms) spread.set(term.stem, (spread.get(term.stem) ?? 0) + 1);

  const scored = termsByEntry
    .map(({ entry, terms }) => {
      const hits = terms
        .filter((term) => byStem.has(term.stem))
        .map((term) => ({
          word: byStem.get(term.stem) ?? term.stem,
          score: term.weight / (spread.get(term.stem) ?? 1),
        }))
        .sort((a, b) => b.score - a.score);
      return {
        id: entry.id,
        score: hits.reduce((sum, hit) => sum + hit.score, 0),
        words: hits.map((hit) => hit.word),
      };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score === 0) return undefined;
  return { ...best, margin: best.score - (next?.score ?? 0) };
}

/**
 * The `rootCause.category` to write: the `--category-hint` when it is an id of the taxonomy,
 * else a guess from the root-cause text (and the hint's words), noted with the words it rests
 * on, else a placeholder listing the ids.
 */
export function categoryValue(
  rootCauseText: string,
  entries: readonly TaxonomyEntry[],
  hint?: string,
): Value<string> {
  const ids = entries.map((entry) => entry.id);
  const wanted = hint?.trim();
  if (wanted && ids.includes(wanted)) return { value: wanted, note: 'from --category-hint' };
  const allowed = { placeholder: placeholder(`one of ${ids.join(', ')}`) };
  const guess = guessCategory(`${rootCauseText}\n${wanted ?? ''}`, entries);
  if (!guess) return allowed;
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
