/**
 * Maps each character of a parsed value back to where it was written. Parsers hand us values
 * without their syntax (YAML folds lines and drops indentation and quotes, Markdown drops
 * escapes and `> ` prefixes), but a finding must point at the file; the value is, character
 * for character, almost a subsequence of the source, so a greedy walk recovers the positions.
 */

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** How far to look for a character before deciding it was decoded (`&amp;` → `&`) rather than skipped. */
const LOOKAHEAD = 16;

/**
 * Returns, for every index of `value`, an offset into `source` (plus `base`). A space in the
 * value matches any run of whitespace in the source (a folded line break and the indentation
 * after it); other characters match themselves, skipping syntax in between; a character not
 * found nearby keeps the current position, so positions never run away.
 */
export function alignOffsets(value: string, source: string, base = 0): number[] {
  const offsets: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (isSpace(char)) {
      let k = j;
      while (k < source.length && k - j < LOOKAHEAD && !isSpace(source[k])) k++;
      if (isSpace(source[k])) j = k;
      offsets.push(base + Math.min(j, source.length));
      if (isSpace(source[j])) j++;
      // Collapse the rest of a whitespace run when the value has a single space here.
      if (!isSpace(value[i + 1])) while (isSpace(source[j])) j++;
      continue;
    }
    const found = source.indexOf(char ?? '', j);
    if (found >= 0 && found - j <= LOOKAHEAD) {
      offsets.push(base + found);
      j = found + 1;
    } else {
      offsets.push(base + Math.min(j, source.length));
    }
  }
  return offsets;
}

/** Line starts of a text, to turn offsets into 1-based line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column of `offset`, given `lineStarts(text)`. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
