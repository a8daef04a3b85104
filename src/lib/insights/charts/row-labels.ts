/**
 * Category labels left of horizontal bars. SVG text does not wrap and the build cannot measure
 * it, so the column is sized from an average character width and over-long labels are cut with
 * an ellipsis; the table beside every chart always has the full label.
 */

/** An average character's width at the charts' font size (13 units), generous for digits and capitals. */
const CHAR_WIDTH = 7.4;
const PADDING = 12;
const MIN_COLUMN = 64;
const MAX_COLUMN = 184;

export interface RowLabels {
  /** The width of the label column. */
  width: number;
  /** Each label, cut to fit that width. */
  texts: string[];
}

/** Sizes the label column for `labels` and cuts those that do not fit. */
export function rowLabels(labels: readonly string[]): RowLabels {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  const width = Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, Math.ceil(longest * CHAR_WIDTH) + PADDING));
  const fits = Math.floor((width - PADDING) / CHAR_WIDTH);
  return {
    width,
    texts: labels.map((label) => (label.length <= fits ? label : `${label.slice(0, fits - 1).trimEnd()}…`)),
  };
}
