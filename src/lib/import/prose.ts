/**
 * Prose helpers for turning a section into a frontmatter value: its first paragraph, its first
 * sentences. Frontmatter summaries are meant to be short; a longer section keeps its full text
 * in the body.
 */
import type { LineUnit, Unit } from './parse-source';

/** The plain text of line units, one space between lines. */
export const textOf = (units: readonly Unit[]) =>
  units
    .filter((unit): unit is LineUnit => unit.type === 'line')
    .map((unit) => unit.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The units of the first paragraph (or first list item) of a section: what a `Label: value`
 * line and its wrapped continuation lines hold.
 */
export function firstParagraph(units: readonly Unit[]): LineUnit[] {
  const first = units[0];
  if (first?.type !== 'line') return [];
  const rest = units.slice(1);
  const end = rest.findIndex(
    (unit) =>
      unit.type !== 'line' ||
      (first.list
        ? !unit.list || unit.list.first
        : unit.list !== undefined || unit.paragraph !== first.paragraph),
  );
  return [first, ...(end < 0 ? rest : rest.slice(0, end))] as LineUnit[];
}

/** Sentence ends: a stop, then a space and a capital or digit; "e.g." and "approx." are not ends. */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|approx|etc|vs|Mr|Ms|Dr|No))([.!?])\s+(?=[\p{Lu}\d"“])/gu;

/** Splits prose into sentences. */
export function sentences(text: string): string[] {
  return text
    .replace(SENTENCE_END, '$1\n')
    .split('\n')
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The first `count` sentences, and whether that is all of the text. */
export function firstSentences(text: string, count: number): { text: string; complete: boolean } {
  const all = sentences(text);
  return { text: all.slice(0, count).join(' '), complete: all.length <= count };
}

/**
 * The plain text of any units, one line each: labels kept (`Impact: …`), table rows as cells
 * joined by `|`, so searches for dates, zones and shares see everything the section says.
 */
export function unitsText(units: readonly Unit[]): string {
  return units
    .map((unit) => {
      if (unit.type === 'line') return unit.label ? `${unit.label.name}: ${unit.label.value}` : unit.text;
      if (unit.type === 'table') return [unit.header, ...unit.rows].map((row) => row.join(' | ')).join('\n');
      if (unit.type === 'heading') return unit.text;
      return '';
    })
    .join('\n');
}
