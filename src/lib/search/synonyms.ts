/**
 * Words a search treats as one, from `content/taxonomy/synonyms.yaml`: "db" finds incidents
 * written with "database", "k8s" those written with "kubernetes". The search page expands a
 * query with these at query time (the index holds the authors' own words), so a team edits the
 * file and rebuilds without anything else to keep in step.
 */

/**
 * Groups of terms that mean the same, each lowercased and trimmed, with single spaces inside
 * multi-word terms (`out of memory`). A term may sit in more than one group.
 */
export type SynonymGroups = readonly (readonly string[])[];

/** A term as groups hold it: lowercase, trimmed, one space between words. */
export const normalizeTerm = (term: string): string =>
  term.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Term to the indexes of the groups holding it, built once per groups list. */
const lookups = new WeakMap<SynonymGroups, Map<string, number[]>>();

function lookupOf(groups: SynonymGroups): Map<string, number[]> {
  let lookup = lookups.get(groups);
  if (lookup) return lookup;
  lookup = new Map();
  groups.forEach((group, index) => {
    for (const term of group) {
      const key = normalizeTerm(term);
      const holders = lookup?.get(key) ?? [];
      if (!holders.includes(index)) holders.push(index);
      lookup?.set(key, holders);
    }
  });
  lookups.set(groups, lookup);
  return lookup;
}

/**
 * Plain English endings, so "certs", "outages", "proxies", "deployed" and "releasing" find the
 * groups of "cert", "outage", "proxy", "deploy" and "release". Tried only when the term as typed
 * is in no group, and only a form that is itself a term counts, so a wrong guess finds nothing
 * rather than something unrelated. Pagefind stems the words it searches for, so the base forms
 * the groups hold find the inflected ones in the text.
 */
const ENDINGS: readonly (readonly [ending: string, replacement: string])[] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['d', ''],
  ['ing', ''],
  ['ing', 'e'],
];

/** The term as a group holds it, trying plain English endings when the term itself is in none. */
function groupTerm(term: string, lookup: Map<string, number[]>): string | undefined {
  const key = normalizeTerm(term);
  if (lookup.has(key)) return key;
  for (const [ending, replacement] of ENDINGS) {
    // Short words ("dns", "bus") end in these letters without being inflected.
    if (key.length - ending.length < 3 || !key.endsWith(ending) || key.endsWith('ss')) continue;
    const base = key.slice(0, -ending.length) + replacement;
    if (lookup.has(base)) return base;
  }
  return undefined;
}

/**
 * The other members of every group that holds `term`, in the file's order, each once; empty when
 * no group holds it. Case does not matter, and neither do plain English endings ("certs" finds
 * the group of "cert"). Expansion does not chain: when "db" is in two groups, both groups'
 * terms come back, but not the groups of those terms, so an overlap between two groups cannot
 * make everything match everything.
 */
export function synonymsFor(term: string, groups: SynonymGroups): string[] {
  const lookup = lookupOf(groups);
  const key = groupTerm(term, lookup);
  if (key === undefined) return [];
  const out: string[] = [];
  for (const index of lookup.get(key) ?? []) {
    for (const member of groups[index] ?? []) {
      const other = normalizeTerm(member);
      if (other !== key && other !== normalizeTerm(term) && !out.includes(other)) out.push(other);
    }
  }
  return out;
}

/**
 * The query's words with every multi-word term of the groups joined into one unit, so
 * `["pods", "out", "of", "memory"]` becomes `["pods", "out of memory"]` and the search can
 * expand "out of memory" as a whole (to "oom") instead of looking up "out", "of" and "memory".
 * The longest term starting at a word wins; words that start no term stay as they are.
 */
export function synonymUnits(words: readonly string[], groups: SynonymGroups): string[] {
  const lookup = lookupOf(groups);
  let longest = 1;
  for (const key of lookup.keys()) longest = Math.max(longest, key.split(' ').length);
  const units: string[] = [];
  for (let start = 0; start < words.length;) {
    let taken = 1;
    for (let size = Math.min(longest, words.length - start); size > 1; size--) {
      const phrase = words.slice(start, start + size).join(' ');
      if (groupTerm(phrase, lookup) !== undefined) {
        taken = size;
        break;
      }
    }
    units.push(
      taken === 1 ? (words[start] ?? '') : normalizeTerm(words.slice(start, start + taken).join(' ')),
    );
    start += taken;
  }
  return units;
}
